// urlgrabber's TextMeter as EL5 shows it when a transfer ends (virtinst's "Retrieving file …",
// "Creating storage file…", "Creating domain…"): the text padded to the terminal's width less the
// size, time and end fields, then ` | %5sB`, ` %9s`, five blanks.

/** urlgrabber.progress.format_number: binary steps, one decimal below 9.95. */
function formatNumber(n: number): string {
  const symbols = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let depth = 0;
  let x = n;
  let isInt = Number.isInteger(n);
  while (x > 999 && depth < symbols.length - 1) {
    depth++;
    x /= 1024;
    isInt = false;
  }
  const num = isInt ? String(x) : x < 9.95 ? x.toFixed(1) : x.toFixed(0);
  return `${num} ${symbols[depth]}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The meter's last line for `text`: `bytes` moved in `seconds`. */
export function meterLine(text: string, bytes: number, seconds: number, cols = 80): string {
  const size = ` | ${formatNumber(bytes).padStart(5)}B`;
  const time = ` ${`${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`.padStart(9)}`;
  const rest = Math.max(cols - size.length - time.length - 5, 8);
  return `${text.slice(0, rest).padEnd(rest)}${size}${time}     \n`;
}
