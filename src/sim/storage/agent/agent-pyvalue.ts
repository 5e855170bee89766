// Python literals as ovs-agent-db reads and prints them: a small parser (None, True/False, ints,
// floats, hex, 'str'/"str"/u'str', lists, tuples, dicts, set([...])) — never eval — and Python 2's
// repr and pprint (pprint.py _format: width 80, dict keys sorted, nested indent).
import type { PyValue } from './agent-types';

export type ParseResult = { ok: true; value: PyValue } | { ok: false; error: string };

export const pyU = (s: string): PyValue => ({ $u: s });
export const pyList = (items: PyValue[]): PyValue => ({ $list: items });
export const pySet = (items: PyValue[]): PyValue => ({ $set: items });
export const pyDict = (entries: Record<string, PyValue>): PyValue => ({ $dict: Object.entries(entries) });

export function isDict(v: PyValue): v is { $dict: Array<[PyValue, PyValue]> } {
  return typeof v === 'object' && v !== null && '$dict' in v;
}

/** The text of a str or unicode value, else null. */
export function pyText(v: PyValue | undefined): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '$u' in v) return v.$u;
  return null;
}

export function dictGet(v: PyValue | undefined, key: string): PyValue | undefined {
  if (!v || !isDict(v)) return undefined;
  return v.$dict.find(([k]) => pyText(k) === key)?.[1];
}

export function dictSet(v: PyValue, key: string, value: PyValue): void {
  if (!isDict(v)) return;
  const e = v.$dict.find(([k]) => pyText(k) === key);
  if (e) e[1] = value;
  else v.$dict.push([key, value]);
}

/** Python 2 repr of a string: single quotes unless it holds ' and no ". */
function strRepr(s: string, u: boolean): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') body += '\\\\';
    else if (ch === q) body += '\\' + q;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\t') body += '\\t';
    else if (ch === '\r') body += '\\r';
    else if (c < 0x20 || c === 0x7f) body += '\\x' + c.toString(16).padStart(2, '0');
    else if (c > 0x7e) body += u ? (c > 0xff ? '\\u' + c.toString(16).padStart(4, '0') : '\\x' + c.toString(16).padStart(2, '0')) : '\\x' + (c & 0xff).toString(16).padStart(2, '0');
    else body += ch;
  }
  return `${u ? 'u' : ''}${q}${body}${q}`;
}

function floatRepr(n: number): string {
  if (Number.isInteger(n)) return `${n}.0`;
  return String(n);
}

/** Sort key order of Python 2 for mixed keys: numbers before strings, then by value. */
function cmpKeys(a: PyValue, b: PyValue): number {
  const ta = typeof a === 'number' ? 0 : 1;
  const tb = typeof b === 'number' ? 0 : 1;
  if (ta !== tb) return ta - tb;
  const sa = typeof a === 'number' ? a : pyText(a) ?? repr(a);
  const sb = typeof b === 'number' ? b : pyText(b) ?? repr(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function repr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return strRepr(v, false);
  if ('$u' in v) return strRepr(v.$u, true);
  if ('$float' in v) return floatRepr(v.$float);
  if ('$list' in v) return `[${v.$list.map(repr).join(', ')}]`;
  if ('$tuple' in v) return v.$tuple.length === 1 ? `(${repr(v.$tuple[0]!)},)` : `(${v.$tuple.map(repr).join(', ')})`;
  if ('$set' in v) return `set([${[...v.$set].sort(cmpKeys).map(repr).join(', ')}])`;
  return `{${[...v.$dict].sort(([a], [b]) => cmpKeys(a, b)).map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`;
}

/** pprint.pformat(v) of Python 2.6: fits on a line, or one item per line under the opener. */
export function pformat(v: PyValue, width = 80): string {
  return fmt(v, 0, 0, width);
}

function fmt(v: PyValue, indent: number, allowance: number, width: number): string {
  const rep = repr(v);
  // pprint's sepLines: break only what does not fit in the rest of the line.
  if (rep.length <= width - 1 - indent - allowance || typeof v !== 'object' || v === null) return rep;
  if ('$dict' in v && v.$dict.length) {
    const items = [...v.$dict].sort(([a], [b]) => cmpKeys(a, b));
    const inner = indent + 1;
    let out = '{';
    items.forEach(([k, x], i) => {
      const krep = repr(k);
      if (i) out += `,\n${' '.repeat(inner)}`;
      out += `${krep}: ` + fmt(x, inner + krep.length + 2, allowance + 1, width);
    });
    return out + '}';
  }
  const seq =
    '$list' in v ? { open: '[', close: ']', items: v.$list, step: 1 }
    : '$tuple' in v ? { open: '(', close: v.$tuple.length === 1 ? ',)' : ')', items: v.$tuple, step: 1 }
    : '$set' in v ? { open: 'set([', close: '])', items: [...v.$set].sort(cmpKeys), step: 5 }
    : null;
  if (seq && seq.items.length) {
    const inner = indent + seq.step;
    return seq.open + seq.items.map((x, i) => (i ? `,\n${' '.repeat(inner)}` : '') + fmt(x, inner, allowance + 1, width)).join('') + seq.close;
  }
  return rep;
}

/** Parses one Python literal (the whole text, surrounding blanks allowed). */
export function parsePy(text: string): ParseResult {
  let i = 0;
  const src = text;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const bad = (): never => {
    throw new SyntaxError('invalid syntax');
  };
  const value = (depth: number): PyValue => {
    if (depth > 32) bad();
    ws();
    const c = src[i];
    if (c === undefined) bad();
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const items: PyValue[] = [];
      let comma = false;
      ws();
      while (src[i] !== close) {
        items.push(value(depth + 1));
        ws();
        if (src[i] === ',') {
          i++;
          comma = true;
          ws();
        } else if (src[i] !== close) bad();
      }
      i++;
      if (c === '[') return { $list: items };
      return items.length === 1 && !comma ? items[0]! : { $tuple: items };
    }
    if (c === '{') {
      i++;
      const entries: Array<[PyValue, PyValue]> = [];
      ws();
      while (src[i] !== '}') {
        const k = value(depth + 1);
        ws();
        if (src[i] !== ':') bad();
        i++;
        const x = value(depth + 1);
        const at = entries.findIndex(([e]) => repr(e) === repr(k));
        if (at >= 0) entries[at]![1] = x;
        else entries.push([k, x]);
        ws();
        if (src[i] === ',') {
          i++;
          ws();
        } else if (src[i] !== '}') bad();
      }
      i++;
      return { $dict: entries };
    }
    const rest = src.slice(i);
    let m = /^set\(\s*\[/.exec(rest);
    if (m) {
      i += m[0].length - 1;
      const list = value(depth + 1) as { $list: PyValue[] };
      ws();
      if (src[i] !== ')') bad();
      i++;
      const uniq: PyValue[] = [];
      for (const x of list.$list) if (!uniq.some((y) => repr(y) === repr(x))) uniq.push(x);
      return { $set: uniq };
    }
    m = /^(u?)('|")/.exec(rest);
    if (m) {
      const q = m[2]!;
      i += m[0].length;
      let s = '';
      for (;;) {
        const ch = src[i];
        if (ch === undefined || ch === '\n') bad();
        i++;
        if (ch === q) break;
        if (ch === '\\') {
          const e = src[i++];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
          if (e === 'x') {
            s += String.fromCharCode(parseInt(src.slice(i, i + 2), 16));
            i += 2;
          } else s += map[e ?? ''] ?? `\\${e ?? ''}`;
        } else s += ch;
      }
      return m[1] ? { $u: s } : s;
    }
    m = /^(None|True|False)\b/.exec(rest);
    if (m) {
      i += m[0].length;
      return m[1] === 'None' ? null : m[1] === 'True';
    }
    m = /^-?(0x[0-9a-fA-F]+|\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+|\d+[eE][-+]?\d+|\d+)L?/.exec(rest);
    if (m) {
      i += m[0].length;
      const t = m[0].replace(/L$/, '');
      if (/^-?0x/i.test(t)) return parseInt(t, 16);
      if (/[.eE]/.test(t)) return { $float: Number(t) };
      return Number(t);
    }
    return bad();
  };
  try {
    const v = value(0);
    ws();
    if (i !== src.length) bad();
    return { ok: true, value: v };
  } catch {
    return { ok: false, error: 'invalid syntax' };
  }
}
