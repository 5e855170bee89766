// Python/C printf-style padding helpers used by every renderer that imitates a real tool.
// Pure string functions with no app knowledge.

/** `%-Ns`: left-justified in a field of at least `width` characters. */
export const padRight = (value: string | number, width: number): string => String(value).padEnd(width, ' ');

/** `%Ns`: right-justified in a field of at least `width` characters. */
export const padLeft = (value: string | number, width: number): string => String(value).padStart(width, ' ');

/** `%W.Pf`: fixed-point, right-justified; rounding as C does for the values we print (half away from zero). */
export function fixed(value: number, width: number, precision: number): string {
  return padLeft(roundHalfAway(value, precision).toFixed(precision), width);
}

function roundHalfAway(value: number, precision: number): number {
  const f = 10 ** precision;
  const scaled = Math.abs(value) * f;
  // Guard against binary noise such as 1.005 → 1.00499999.
  const rounded = Math.round(scaled + 1e-9);
  return (Math.sign(value) * rounded) / f;
}

/** Joins lines with `\n` and ends with one, as a tool printing line by line does. */
export const lines = (rows: readonly string[]): string => (rows.length ? rows.join('\n') + '\n' : '');
