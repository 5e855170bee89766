// `df` as coreutils 8.4 prints it (src/df.c print_header/show_dev, gnulib human.c; reference
// §6.6): the 20-column device field that wraps long names, -h/-H human sizes rounded up, -T,
// -P, Use% rounded up. Pure: rows in, text out.

export interface DfRow {
  device: string;
  type: string;
  mountpoint: string;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
}

export interface DfStyle {
  /** 'h': powers of 1024, 'H': powers of 1000, or a block size in bytes (1024 for -k, 1048576 for -m). */
  units: 'h' | 'H' | number;
  printType: boolean;
  posix: boolean;
}

/** gnulib human_readable with human_autoscale|human_SI, ceiling rounding (what df -h uses). */
export function humanCeil(bytes: number, base: 1024 | 1000): string {
  let amt = Math.floor(bytes);
  if (amt < base) return String(amt);
  let tenths = 0;
  let rounding = 0;
  let exponent = 0;
  do {
    const r10 = (amt % base) * 10 + tenths;
    const r2 = (r10 % base) * 2 + (rounding >> 1);
    amt = Math.floor(amt / base);
    tenths = Math.floor(r10 / base);
    rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
    exponent++;
  } while (base <= amt && exponent < 8);
  let frac = '';
  if (amt < 10) {
    if (rounding > 0) {
      tenths++;
      rounding = 0;
      if (tenths === 10) {
        amt++;
        tenths = 0;
      }
    }
    if (amt < 10) {
      frac = `.${tenths}`;
      tenths = rounding = 0;
    }
  }
  if (tenths + rounding > 0) {
    amt++;
    if (amt === base && exponent < 8) {
      exponent++;
      amt = 1;
      frac = '.0';
    }
  }
  const suffix = 'KMGTPEZY'[exponent - 1]!;
  return `${amt}${frac}${base === 1000 && suffix === 'K' ? 'k' : suffix}`;
}

/** Blocks of `from` bytes shown in units of `to` bytes, rounded up (df's default ceiling). */
const scaled = (n: number, from: number, to: number): string => String(Math.ceil((n * from) / to));

function amount(n: number, bsize: number, units: DfStyle['units']): string {
  if (units === 'h') return humanCeil(n * bsize, 1024);
  if (units === 'H') return humanCeil(n * bsize, 1000);
  return scaled(n, bsize, units);
}

function blocksHeader(units: number, posix: boolean): string {
  const label = units === 1024 ? '1K' : units === 1048576 ? '1M' : String(units);
  if (posix) return ` ${label === '1K' ? '1024' : label}-blocks      Used Available Capacity`;
  return ` ${label.padStart(4)}-blocks      Used Available Use%`;
}

export function renderDf(rows: readonly DfRow[], style: DfStyle): string {
  const human = style.units === 'h' || style.units === 'H';
  const width = human ? (style.units === 'H' ? 6 : 5) : 9;
  let out = style.printType ? 'Filesystem    Type' : 'Filesystem        ';
  if (human) out += style.units === 'h' ? '    Size  Used Avail Use%' : '     Size   Used  Avail Use%';
  else out += blocksHeader(style.units as number, style.posix);
  out += ' Mounted on\n';
  for (const r of rows) {
    if (style.printType) {
      if (r.device.length + r.type.length < 18) out += `${r.device}${r.type.padStart(18 - r.device.length)}  `;
      else if (!style.posix) out += `${r.device}\n${r.type.padStart(18)}  `;
      else out += `${r.device} ${r.type}`;
    } else if (r.device.length > 20 && !style.posix) out += `${r.device}\n${''.padEnd(20)}`;
    else out += r.device.padEnd(20);
    const used = r.blocks - r.bfree;
    const size = amount(r.blocks, r.bsize, style.units);
    const usedS = amount(used, r.bsize, style.units);
    const avail = amount(r.bavail, r.bsize, style.units);
    const useWidth = style.posix && !human ? 8 : 4;
    out += ` ${size.padStart(width)} ${usedS.padStart(width)} ${avail.padStart(width)} `;
    const total = used + r.bavail;
    if (total === 0) out += '-'.padStart(useWidth);
    else out += `${Math.floor((used * 100) / total) + ((used * 100) % total !== 0 ? 1 : 0)}%`.padStart(useWidth);
    out += ` ${r.mountpoint}\n`;
  }
  return out;
}
