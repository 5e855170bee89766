// Regexes that a backtracking engine would take exponential time over — a group quantified while
// holding a quantifier or an alternation, as in `(a+)+$` — run on RE2 (re2js, linear time), the
// way GNU grep, sed and gawk never freeze on them. Every other pattern keeps the native RegExp.
// re2js (147 kB) is loaded with the command registry (loadRe2), not with the worker's first chunk.
import type { RE2JS } from 're2js';

let RE2: typeof RE2JS | null = null;
let loading: Promise<void> | null = null;

/** Loads RE2 once; the command registry awaits it, so no line runs before it is in. */
export function loadRe2(): Promise<void> {
  loading ??= import('re2js').then((m) => {
    RE2 = m.RE2JS;
  });
  return loading;
}

function re2(): typeof RE2JS {
  // A bug, never the learner's input: falling back to the native engine could freeze the worker.
  if (!RE2) throw new Error('RE2 is not loaded (await loadRe2() first)');
  return RE2;
}

/** A quantified group whose body holds a quantifier or `|`: the shape of catastrophic backtracking. */
export function backtracksBadly(source: string): boolean {
  const open: number[] = [];
  const risky: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // A bracket expression is one atom: skip it.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      open.push(i);
      risky.push(false);
    } else if (c === ')') {
      open.pop();
      const inner = risky.pop() ?? false;
      const q = source[i + 1];
      if (inner && (q === '*' || q === '+' || q === '{')) return true;
      // The group itself is a quantifier-bearing body for its parent.
      if (risky.length && (inner || q === '*' || q === '+' || q === '{' || q === '?')) risky[risky.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && risky.length) risky[risky.length - 1] = true;
  }
  return false;
}

/** A RegExp whose matching is done by RE2: String#replace/split/match and test() all go through exec. */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  // String#split and #matchAll construct a copy through the species: `new LinearRegExp(re, flags)`.
  constructor(pattern: string | RegExp, flags = '') {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    super(source, flags);
    const R = re2();
    this.#re2 = R.compile(source, (flags.includes('i') ? R.CASE_INSENSITIVE : 0) | (flags.includes('m') ? R.MULTILINE : 0) | (flags.includes('s') ? R.DOTALL : 0));
  }

  override exec(input: string): RegExpExecArray | null {
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    const m = this.#re2.matcher(input);
    if (from > input.length || !m.find(from) || (this.sticky && m.start() !== from)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
    const out = Object.assign(groups, { index: m.start(), input, groups: undefined }) as unknown as RegExpExecArray;
    // An empty match's advance is the caller's (String#replace and #split step past it).
    if (stateful) this.lastIndex = m.end();
    return out;
  }
}

/** The RegExp for a translated POSIX pattern: RE2 for the dangerous shapes (when RE2 reads it), else native. */
export function safeRegExp(source: string, flags = ''): RegExp {
  if (backtracksBadly(source)) {
    re2();
    try {
      return new LinearRegExp(source, flags);
    } catch {
      // RE2 lacks a construct the pattern uses (a back-reference): the native engine takes it.
    }
  }
  return new RegExp(source, flags);
}
