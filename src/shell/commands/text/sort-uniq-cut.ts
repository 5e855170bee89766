// Column and ordering tools (coreutils 8.4): `sort` (-n -r -u -f -b -h -k POS1[,POS2] -t -o -c),
// `uniq` (-c -d -u -i -f -s -w), `cut` (-d -f -c -b -s --output-delimiter), `tr` (-d -s -c).
import { STRERROR } from '../../../sim/errno';
import { writeFile } from '../../../sim/vfs';
import { defineArgs } from '../../args';
import { collate } from '../../collate';
import { Output } from '../../output';
import { defineCommand, ok } from '../../types';
import { readOperand, splitLines } from '../fs/read';

const SORT = defineArgs({
  prog: 'sort',
  help: { usage: 'sort [OPTION]... [FILE]...', description: 'Write sorted concatenation of all FILE(s) to standard output.' },
  exitCode: 2,
  options: [
    { short: 'b', long: 'ignore-leading-blanks', help: 'ignore leading blanks' },
    { short: 'c', long: 'check', help: 'check for sorted input; do not sort' },
    { short: 'f', long: 'ignore-case', help: 'fold lower case to upper case characters' },
    { short: 'g', long: 'general-numeric-sort', help: 'compare according to general numerical value' },
    { short: 'h', long: 'human-numeric-sort', help: 'compare human readable numbers (e.g., 2K 1G)' },
    { short: 'k', long: 'key', arg: 'required', argName: 'POS1[,POS2]', help: 'start a key at POS1 (origin 1), end it at POS2 (default end of line)' },
    { short: 'n', long: 'numeric-sort', help: 'compare according to string numerical value' },
    { short: 'o', long: 'output', arg: 'required', argName: 'FILE', help: 'write result to FILE instead of standard output' },
    { short: 'r', long: 'reverse', help: 'reverse the result of comparisons' },
    { short: 's', long: 'stable', help: 'stabilize sort by disabling last-resort comparison' },
    { short: 't', long: 'field-separator', arg: 'required', argName: 'SEP', help: 'use SEP instead of non-blank to blank transition' },
    { short: 'u', long: 'unique', help: 'with -c, check for strict ordering; without -c, output only the first of an equal run' },
    { short: 'V', long: 'version-sort', help: 'natural sort of (version) numbers within text' },
    { long: 'help' },
  ],
});

interface KeySpec {
  f1: number;
  c1: number;
  f2: number;
  c2: number;
  flags: string;
}

function parseKey(text: string): KeySpec | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMrRV]*))?$/.exec(text);
  if (!m) return `sort: invalid number at field start: invalid count at start of \`${text}'\n`;
  if (Number(m[1]) === 0) return `sort: invalid number at field start: field number is zero: invalid field specification \`${text}'\n`;
  return { f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] ? Number(m[4]) : Infinity, c2: m[5] ? Number(m[5]) : 0, flags: (m[3] ?? '') + (m[6] ?? '') };
}

/** Field starts as sort sees them: with -t at separators, else at blank-to-nonblank transitions (blanks kept). */
function fieldsOf(line: string, sep: string | undefined): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        spans.push([start, i]);
        start = i + 1;
      }
    }
    return spans;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && /[ \t]/.test(line[i]!)) i++;
    while (i < line.length && !/[ \t]/.test(line[i]!)) i++;
    spans.push([start, i]);
  }
  return spans;
}

function keyText(line: string, k: KeySpec, sep: string | undefined, skipBlanks: boolean): string {
  const f = fieldsOf(line, sep);
  const s = f[k.f1 - 1];
  if (!s) return '';
  let from = s[0];
  if (skipBlanks) while (from < s[1] && /[ \t]/.test(line[from]!)) from++;
  from = Math.min(from + k.c1 - 1, s[1]);
  let to = line.length;
  if (k.f2 !== Infinity) {
    const e = f[k.f2 - 1];
    to = e ? (k.c2 ? Math.min(e[0] + k.c2, e[1]) : e[1]) : line.length;
  }
  return line.slice(from, Math.max(from, to));
}

const HUMAN: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

function compareBy(flags: string, a: string, b: string): number {
  if (flags.includes('b')) {
    a = a.replace(/^[ \t]+/, '');
    b = b.replace(/^[ \t]+/, '');
  }
  if (flags.includes('n') || flags.includes('g') || flags.includes('h')) {
    const num = (s: string) => {
      const m = /^\s*(-?\d*\.?\d+)([KkMGTPE]?)/.exec(s);
      if (!m) return 0;
      return Number(m[1]) * (flags.includes('h') && m[2] ? 1024 ** HUMAN[m[2]]! : 1);
    };
    return num(a) - num(b);
  }
  if (flags.includes('V')) return a.localeCompare(b, 'en', { numeric: true });
  if (flags.includes('f')) {
    a = a.toUpperCase();
    b = b.toUpperCase();
  }
  // strcoll in root's en_US.UTF-8 locale.
  return collate(a, b);
}

export const sort = defineCommand({
  name: 'sort',
  dir: '/bin',
  summary: 'sort lines of text files',
  usage: 'sort [OPTION]... [FILE]...',
  args: SORT,
  run(ctx) {
    const a = ctx.parsed;
    const sep = a.value('field-separator');
    if (sep !== undefined && sep.length !== 1) return { stdout: '', stderr: sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab \`${sep}'\n`, exitCode: 2 };
    const keys: KeySpec[] = [];
    for (const k of a.values('key')) {
      const parsed = parseKey(k);
      if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 2 };
      keys.push(parsed);
    }
    const global = (['b', 'f', 'g', 'h', 'n', 'r', 'V'] as const)
      .filter((f) => a.has(({ b: 'ignore-leading-blanks', f: 'ignore-case', g: 'general-numeric-sort', h: 'human-numeric-sort', n: 'numeric-sort', r: 'reverse', V: 'version-sort' } as const)[f]))
      .join('');
    const lines: string[] = [];
    for (const f of a.operands.length ? a.operands : ['-']) {
      const r = readOperand(ctx, f);
      if (!r.ok) return { stdout: '', stderr: r.errno === 'EISDIR' ? `sort: read failed: ${f}: ${STRERROR.EISDIR}\n` : `sort: open failed: ${f}: ${r.message}\n`, exitCode: 2 };
      lines.push(...splitLines(r.text));
    }
    const cmp = (x: string, y: string): number => {
      for (const k of keys) {
        const flags = k.flags.replace(/r/g, '') || global.replace(/r/g, '');
        const rev = k.flags ? k.flags.includes('r') : global.includes('r');
        const c = compareBy(flags, keyText(x, k, sep, flags.includes('b')), keyText(y, k, sep, flags.includes('b')));
        if (c) return rev ? -c : c;
      }
      if (!keys.length) {
        const c = compareBy(global.replace(/r/g, ''), x, y);
        if (c) return global.includes('r') ? -c : c;
      }
      if (a.has('unique') || a.has('stable')) return 0;
      // Last resort: the whole lines, in the locale's order.
      const c = collate(x, y);
      return global.includes('r') ? -c : c;
    };
    if (a.has('check')) {
      for (let i = 1; i < lines.length; i++) {
        const c = cmp(lines[i - 1]!, lines[i]!);
        if (c > 0 || (a.has('unique') && c === 0)) return { stdout: '', stderr: `sort: ${a.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`, exitCode: 1 };
      }
      return ok();
    }
    let sorted = [...lines].sort(cmp);
    if (a.has('unique')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
    const text = sorted.map((l) => l + '\n').join('');
    const outFile = a.value('output');
    if (outFile !== undefined) {
      const w = writeFile(ctx.world, ctx.host, outFile, text, ctx.frame.cwd);
      return w.ok ? ok() : { stdout: '', stderr: `sort: open failed: ${outFile}: ${STRERROR.ENOENT}\n`, exitCode: 2 };
    }
    return ok(text);
  },
});

const UNIQ = defineArgs({
  prog: 'uniq',
  help: { usage: 'uniq [OPTION]... [INPUT [OUTPUT]]', description: 'Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).' },
  options: [
    { short: 'c', long: 'count', help: 'prefix lines by the number of occurrences' },
    { short: 'd', long: 'repeated', help: 'only print duplicate lines' },
    { short: 'f', long: 'skip-fields', arg: 'required', argName: 'N', help: 'avoid comparing the first N fields' },
    { short: 'i', long: 'ignore-case', help: 'ignore differences in case when comparing' },
    { short: 's', long: 'skip-chars', arg: 'required', argName: 'N', help: 'avoid comparing the first N characters' },
    { short: 'u', long: 'unique', help: 'only print unique lines' },
    { short: 'w', long: 'check-chars', arg: 'required', argName: 'N', help: 'compare no more than N characters in lines' },
    { long: 'help' },
  ],
});

export const uniq = defineCommand({
  name: 'uniq',
  summary: 'report or omit repeated lines',
  usage: 'uniq [OPTION]... [INPUT [OUTPUT]]',
  args: UNIQ,
  run(ctx) {
    const a = ctx.parsed;
    if (a.operands.length > 2) return { stdout: '', stderr: `uniq: extra operand \`${a.operands[2]}'\nTry \`uniq --help' for more information.\n`, exitCode: 1 };
    const nums: Record<string, number> = {};
    for (const k of ['skip-fields', 'skip-chars', 'check-chars'] as const) {
      const v = a.value(k);
      if (v !== undefined && !/^\d+$/.test(v)) {
        const what = k === 'skip-fields' ? 'number of fields to skip' : k === 'skip-chars' ? 'number of bytes to skip' : 'number of bytes to compare';
        return { stdout: '', stderr: `uniq: ${v}: invalid ${what}\nTry \`uniq --help' for more information.\n`, exitCode: 1 };
      }
      nums[k] = v === undefined ? (k === 'check-chars' ? Infinity : 0) : Number(v);
    }
    const input = a.operands[0] ?? '-';
    const r = readOperand(ctx, input);
    if (!r.ok) return { stdout: '', stderr: `uniq: ${input}: ${r.message}\n`, exitCode: 1 };
    const keyOf = (line: string) => {
      let s = line;
      for (let f = 0; f < nums['skip-fields']!; f++) s = s.replace(/^[ \t]*[^ \t]*/, '');
      s = s.slice(nums['skip-chars']!).slice(0, nums['check-chars']!);
      return a.has('ignore-case') ? s.toLowerCase() : s;
    };
    const lines = splitLines(r.text);
    let out = '';
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && keyOf(lines[j]!) === keyOf(lines[i]!)) j++;
      const n = j - i;
      const show = (!a.has('repeated') || n > 1) && (!a.has('unique') || n === 1);
      if (show) out += (a.has('count') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
      i = j;
    }
    if (a.operands[1] !== undefined) {
      const w = writeFile(ctx.world, ctx.host, a.operands[1], out, ctx.frame.cwd);
      return w.ok ? ok() : { stdout: '', stderr: `uniq: ${a.operands[1]}: ${STRERROR.ENOENT}\n`, exitCode: 1 };
    }
    return ok(out);
  },
});

const CUT = defineArgs({
  prog: 'cut',
  help: { usage: 'cut OPTION... [FILE]...', description: 'Print selected parts of lines from each FILE to standard output.' },
  options: [
    { short: 'b', long: 'bytes', arg: 'required', argName: 'LIST', help: 'select only these bytes' },
    { short: 'c', long: 'characters', arg: 'required', argName: 'LIST', help: 'select only these characters' },
    { short: 'd', long: 'delimiter', arg: 'required', argName: 'DELIM', help: 'use DELIM instead of TAB for field delimiter' },
    { short: 'f', long: 'fields', arg: 'required', argName: 'LIST', help: 'select only these fields' },
    { short: 'n', help: '(ignored)' },
    { long: 'complement', help: 'complement the set of selected bytes, characters or fields' },
    { short: 's', long: 'only-delimited', help: 'do not print lines not containing delimiters' },
    { long: 'output-delimiter', arg: 'required', argName: 'STRING', help: 'use STRING as the output delimiter' },
    { long: 'help' },
  ],
});

function parseList(list: string): Array<[number, number]> | string {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3]) || (!m[2] && !m[1])) return 'cut: invalid byte, character or field list\n';
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || hi === 0) return 'cut: fields and positions are numbered from 1\n';
    if (hi < lo) return 'cut: invalid decreasing range\n';
    ranges.push([lo, hi]);
  }
  return ranges;
}

export const cut = defineCommand({
  name: 'cut',
  dir: '/bin',
  summary: 'remove sections from each line of files',
  usage: 'cut OPTION... [FILE]...',
  args: CUT,
  run(ctx) {
    const a = ctx.parsed;
    const modes = (['bytes', 'characters', 'fields'] as const).filter((k) => a.has(k));
    const usage = (msg: string) => ({ stdout: '', stderr: `cut: ${msg}\nTry \`cut --help' for more information.\n`, exitCode: 1 });
    if (modes.length === 0) return usage('you must specify a list of bytes, characters, or fields');
    if (modes.length > 1) return usage('only one type of list may be specified');
    const mode = modes[0]!;
    const delim = a.value('delimiter') ?? '\t';
    if (a.has('delimiter') && mode !== 'fields') return usage('an input delimiter may be specified only when operating on fields');
    if (a.has('only-delimited') && mode !== 'fields') return usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    if (delim.length !== 1) return usage('the delimiter must be a single character');
    const ranges = parseList(a.value(mode)!);
    if (typeof ranges === 'string') return { stdout: '', stderr: ranges + "Try `cut --help' for more information.\n", exitCode: 1 };
    const picked = (i: number) => ranges.some(([lo, hi]) => i >= lo && i <= hi) !== a.has('complement');
    const outDelim = a.value('output-delimiter') ?? (mode === 'fields' ? delim : '');
    const out = new Output();
    for (const f of a.operands.length ? a.operands : ['-']) {
      const r = readOperand(ctx, f);
      if (!r.ok) {
        out.err(`cut: ${f}: ${r.message}\n`, 1);
        continue;
      }
      let text = '';
      for (const line of splitLines(r.text)) {
        if (mode === 'fields') {
          if (!line.includes(delim)) {
            if (!a.has('only-delimited')) text += line + '\n';
            continue;
          }
          text += line.split(delim).filter((_, i) => picked(i + 1)).join(outDelim) + '\n';
        } else {
          // Selected positions; an output delimiter goes between separate ranges.
          let s = '';
          let prev = -2;
          [...line].forEach((ch, i) => {
            if (!picked(i + 1)) return;
            if (outDelim && prev >= 0 && i !== prev + 1) s += outDelim;
            s += ch;
            prev = i;
          });
          text += s + '\n';
        }
      }
      out.out(text);
    }
    return out.done();
  },
});

const TR_CLASSES: Record<string, string> = {
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
};

/** Expands a tr set: escapes, ranges, [:class:], [c*n]. */
function trSet(spec: string): string | { error: string } {
  let out = '';
  let i = 0;
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  const char = (): string => {
    const c = spec[i]!;
    if (c === '\\' && i + 1 < spec.length) {
      const d = spec[i + 1]!;
      const oct = /^[0-7]{1,3}/.exec(spec.slice(i + 1));
      if (oct) {
        i += 1 + oct[0].length;
        return String.fromCharCode(parseInt(oct[0], 8));
      }
      i += 2;
      return esc[d] ?? d;
    }
    i++;
    return c;
  };
  while (i < spec.length) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i));
    if (cls) {
      const v = TR_CLASSES[cls[1]!];
      if (v === undefined) return { error: `tr: invalid character class \`${cls[1]}'\n` };
      out += v;
      i += cls[0].length;
      continue;
    }
    const lo = char();
    if (spec[i] === '-' && i + 1 < spec.length) {
      i++;
      const hi = char();
      if (hi.charCodeAt(0) < lo.charCodeAt(0)) return { error: `tr: range-endpoints of \`${lo}-${hi}' are in reverse collating sequence order\n` };
      for (let c = lo.charCodeAt(0); c <= hi.charCodeAt(0); c++) out += String.fromCharCode(c);
    } else out += lo;
  }
  return out;
}

export const tr = defineCommand({
  name: 'tr',
  summary: 'translate or delete characters',
  usage: 'tr [OPTION]... SET1 [SET2]',
  run(ctx) {
    const opts = new Set<string>();
    let i = 0;
    for (; i < ctx.args.length && /^-[cCdst]+$/.test(ctx.args[i]!); i++) for (const f of ctx.args[i]!.slice(1)) opts.add(f === 'C' ? 'c' : f);
    const bad = ctx.args[i]?.match(/^-([^-])/);
    if (bad && ctx.args[i] !== '-') return { stdout: '', stderr: `tr: invalid option -- '${bad[1]}'\nTry \`tr --help' for more information.\n`, exitCode: 1 };
    const sets = ctx.args.slice(i);
    const del = opts.has('d');
    const squeeze = opts.has('s');
    if (!sets.length) return { stdout: '', stderr: "tr: missing operand\nTry `tr --help' for more information.\n", exitCode: 1 };
    if (sets.length === 1 && !del && !squeeze) return { stdout: '', stderr: `tr: missing operand after \`${sets[0]}'\nTwo strings must be given when translating.\nTry \`tr --help' for more information.\n`, exitCode: 1 };
    const s1 = trSet(sets[0]!);
    if (typeof s1 !== 'string') return { stdout: '', stderr: s1.error, exitCode: 1 };
    const s2raw = sets[1] !== undefined ? trSet(sets[1]) : '';
    if (typeof s2raw !== 'string') return { stdout: '', stderr: s2raw.error, exitCode: 1 };
    const inSet1 = (c: string) => s1.includes(c) !== opts.has('c');
    let text = '';
    const squeezeSet = del ? s2raw : sets.length > 1 ? s2raw : s1;
    let last = '';
    for (const c of ctx.stdin) {
      let o = c;
      if (del && inSet1(c)) continue;
      if (!del && sets.length > 1 && inSet1(c)) {
        const idx = opts.has('c') ? s2raw.length - 1 : s1.indexOf(c);
        o = s2raw[Math.min(idx, s2raw.length - 1)] ?? c;
      }
      if (squeeze && o === last && squeezeSet.includes(o)) continue;
      text += o;
      last = o;
    }
    return ok(text);
  },
});
