// The POSIX character classes (`[:alpha:]` …) as JavaScript character-class ranges, in the C
// locale: shared by pathname patterns (glob) and regular expressions (grep, sed, awk).
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

/** The ranges of a class by name, or undefined: own keys only, so `[:constructor:]` is no class. */
export function classRanges(classes: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(classes, name) ? classes[name] : undefined;
}
