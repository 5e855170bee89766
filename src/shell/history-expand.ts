// History expansion as bash's interactive shell does it before parsing: `!!`, `!n`, `!-n`,
// `!prefix`, `!?text?`, word designators (`!$`, `!^`, `!*`, `!!:2`, `!ls:1-2`), the modifiers
// `:p` `:h` `:t` `:s/a/b/` and quick substitution `^old^new`. Pure: the caller prints the result.

export type HistoryExpansion =
  | { ok: true; line: string; changed: boolean; /** `:p`: show, add to history, do not run. */ printOnly: boolean }
  | { ok: false; error: string };

export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  if (line.startsWith('^')) return quickSubstitution(line, history);
  let out = '';
  let changed = false;
  let printOnly = false;
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && !inSingle) {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === "'" && !inDouble) inSingle = !inSingle;
    if (c === '"' && !inSingle) inDouble = !inDouble;
    if (c !== '!' || inSingle) {
      out += c;
      continue;
    }
    const next = line[i + 1];
    // bash leaves `!` alone before a blank, `=` or `(`, in `[!...]` (glob negation), `${!x}` and `$!`.
    const inhibited = (line[i - 1] === '[' && line.includes(']', i + 1)) || (line[i - 1] === '{' && line[i - 2] === '$' && line.includes('}', i + 1)) || line[i - 1] === '$';
    if (next === undefined || ' \t\n=('.includes(next) || (inDouble && next === '"') || inhibited) {
      out += c;
      continue;
    }
    const r = expandOne(line, i, history);
    if (!r.ok) return r;
    out += r.text;
    changed = true;
    printOnly ||= r.printOnly;
    i = r.end - 1;
  }
  return { ok: true, line: out, changed, printOnly };
}

type One = { ok: true; text: string; end: number; printOnly: boolean } | { ok: false; error: string };

function expandOne(line: string, start: number, history: readonly string[]): One {
  let i = start + 1;
  let event: string | undefined;
  let spec: string;
  const c = line[i]!;
  if (c === '!') {
    spec = '!!';
    event = history[history.length - 1];
    i++;
  } else if (/[-0-9]/.test(c)) {
    const m = /^-?\d+/.exec(line.slice(i));
    if (!m) return { ok: false, error: `${line.slice(start, i + 1)}: event not found` };
    spec = '!' + m[0];
    const n = Number(m[0]);
    event = n < 0 ? history[history.length + n] : history[n - 1];
    i += m[0].length;
  } else if (c === '?') {
    const close = line.indexOf('?', i + 1);
    const text = line.slice(i + 1, close < 0 ? line.length : close);
    spec = '!?' + text + (close < 0 ? '' : '?');
    event = [...history].reverse().find((h) => h.includes(text));
    i = close < 0 ? line.length : close + 1;
  } else if ('$^*:'.includes(c)) {
    // `!$` and friends are word designators of the previous command.
    spec = '!';
    event = history[history.length - 1];
  } else {
    const m = /^[^\s:;&|<>()"'`]+/.exec(line.slice(i));
    const prefix = m ? m[0] : c;
    spec = '!' + prefix;
    event = [...history].reverse().find((h) => h.startsWith(prefix));
    i += prefix.length;
  }
  if (event === undefined) return { ok: false, error: `${spec}: event not found` };

  let text = event;
  let printOnly = false;
  // Word designator: `:N`, `:N-M`, `:$`, or directly `$ ^ *` after the event.
  const wd = /^(?::?([$^*])|:(\d+)(-(\d+|\$)?)?|:(-)(\d+|\$))/.exec(line.slice(i));
  if (wd) {
    const words = historyWords(event);
    const pick = pickWords(words, wd);
    if (pick === null) return { ok: false, error: `${wd[0].replace(/^:?/, ':')}: bad word specifier` };
    text = pick;
    i += wd[0].length;
  }
  // Modifiers.
  for (;;) {
    const m = /^:([pht]|s(.)(.*?)\2(.*?)(?:\2|$)|&)/.exec(line.slice(i));
    if (!m) break;
    const mod = m[1]!;
    if (mod === 'p') printOnly = true;
    else if (mod === 'h') text = text.includes('/') ? text.slice(0, text.lastIndexOf('/')) || '/' : text;
    else if (mod === 't') text = text.slice(text.lastIndexOf('/') + 1);
    else if (mod.startsWith('s')) {
      const from = m[3]!;
      if (!text.includes(from)) return { ok: false, error: `:s${m[2]}${from}${m[2]}${m[4]}${m[2]}: substitution failed` };
      text = text.replace(from, m[4]!);
    }
    i += m[0].length;
  }
  return { ok: true, text, end: i, printOnly };
}

function pickWords(words: string[], m: RegExpExecArray): string | null {
  const last = words.length - 1;
  if (m[1] === '$') return words[last] ?? null;
  if (m[1] === '^') return words[1] ?? null;
  if (m[1] === '*') return words.slice(1).join(' ');
  const from = m[5] === '-' ? 0 : Number(m[2]);
  const toText = m[5] === '-' ? m[6] : m[3] ? (m[4] ?? String(last - 1)) : m[2];
  const to = toText === '$' ? last : Number(toText);
  if (from > last || to > last || from > to) return null;
  return words.slice(from, to + 1).join(' ');
}

/** Splits a history line into words as bash's history library does: quotes kept, operators apart. */
export function historyWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  const push = () => {
    if (cur) words.push(cur);
    cur = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') push();
    else if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? line.length : close + 1;
      cur += line.slice(i, end);
      i = end - 1;
    } else if (c === '\\') {
      cur += line.slice(i, i + 2);
      i++;
    } else if ('|&;<>'.includes(c)) {
      push();
      const op = /^(\|\||&&|>>|<<|[|&;<>])/.exec(line.slice(i))![0];
      words.push(op);
      i += op.length - 1;
    } else cur += c;
  }
  push();
  return words;
}

function quickSubstitution(line: string, history: readonly string[]): HistoryExpansion {
  const m = /^\^([^^]*)\^([^^]*)\^?(.*)$/s.exec(line);
  const prev = history[history.length - 1];
  if (!m || prev === undefined) return { ok: false, error: `${line.split(' ')[0]}: event not found` };
  const [, from, to, rest] = m as unknown as [string, string, string, string];
  if (!from || !prev.includes(from)) return { ok: false, error: `:s^${from}^${to}^: substitution failed` };
  return { ok: true, line: prev.replace(from, to) + rest, changed: true, printOnly: false };
}
