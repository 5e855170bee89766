// `head` and `tail` (-n -c, legacy -N/+N, headers for several files; `tail -f` prints the tail,
// then hands the terminal to the follower program that the programs family registers) and `wc`
// (-l -w -c -m -L, coreutils 8.4 column widths).
import { defineArgs, type KeysOf } from '../../args';
import { Output } from '../../output';
import { defineCommand, type CommandOutcome, type ParsedContext } from '../../types';
import { readOperand } from '../fs/read';
import { normalizePath } from '../../../sim/vfs';
import type { ProgramFactory } from '../../../programs/program';
import type { CommandContext } from '../../types';

const HEAD = defineArgs({
  prog: 'head',
  help: { usage: 'head [OPTION]... [FILE]...', description: 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\nWith no FILE, or when FILE is -, read standard input.' },
  numberKey: 'lines',
  options: [
    { short: 'c', long: 'bytes', arg: 'required', argName: '[-]K', help: 'print the first K bytes of each file' },
    { short: 'n', long: 'lines', arg: 'required', argName: '[-]K', help: 'print the first K lines instead of the first 10' },
    { short: 'q', long: 'quiet', aliases: ['silent'], help: 'never print headers giving file names' },
    { short: 'v', long: 'verbose', help: 'always print headers giving file names' },
    { long: 'help' },
  ],
});

const TAIL = defineArgs({
  prog: 'tail',
  help: { usage: 'tail [OPTION]... [FILE]...', description: 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\nWith no FILE, or when FILE is -, read standard input.' },
  // Legacy `tail +5 file`: from line 5.
  preprocess: (argv) => argv.map((a, i) => (i === 0 && /^\+\d+$/.test(a) ? `-n${a}` : a)),
  numberKey: 'lines',
  options: [
    { short: 'c', long: 'bytes', arg: 'required', argName: 'K', help: 'output the last K bytes' },
    { short: 'f', long: 'follow', arg: 'optional', argName: '{name|descriptor}', help: 'output appended data as the file grows' },
    { short: 'F', help: 'same as --follow=name --retry' },
    { short: 'n', long: 'lines', arg: 'required', argName: 'K', help: 'output the last K lines, instead of the last 10' },
    { short: 'q', long: 'quiet', aliases: ['silent'], help: 'never output headers giving file names' },
    { short: 's', long: 'sleep-interval', arg: 'required', argName: 'N', help: 'with -f, sleep for approximately N seconds between iterations' },
    { long: 'retry', help: 'keep trying to open a file even when it is inaccessible' },
    { short: 'v', long: 'verbose', help: 'always output headers giving file names' },
    { long: 'help' },
  ],
});

/** What `tail -f` needs to follow files after printing their tails. */
export interface TailFollowRequest {
  ctx: CommandContext;
  /** The files as named on the command line, with their absolute paths. */
  files: Array<{ name: string; path: string }>;
  /** Whether headers (`==> name <==`) are shown when output switches files. */
  headers: boolean;
}

let followFactory: ((req: TailFollowRequest) => ProgramFactory) | null = null;

/**
 * The engine's wiring (src/engine/wiring.ts) registers tail -f's follower here (a Program that prints what is appended
 * to the files on each tick until Ctrl-C). Until one is registered, `tail -f` prints the tail only.
 */
export function registerTailFollow(factory: (req: TailFollowRequest) => ProgramFactory): void {
  followFactory = factory;
}

/** `5`, `-5`, `+5`, `5k`: a count with an optional sign and multiplier suffix. */
function parseCount(text: string): { n: number; sign: '' | '+' | '-' } | null {
  const m = /^([+-]?)(\d+)(b|kB|k|K|MB|M|GB|G)?$/.exec(text);
  if (!m) return null;
  const mult = { b: 512, kB: 1000, k: 1024, K: 1024, MB: 1e6, M: 1048576, GB: 1e9, G: 1073741824 }[m[3] ?? ''] ?? 1;
  return { n: Number(m[2]) * mult, sign: m[1] as '' | '+' | '-' };
}

function headTail(ctx: ParsedContext<KeysOf<typeof HEAD> | KeysOf<typeof TAIL>>, which: 'head' | 'tail'): CommandOutcome {
  const a = ctx.parsed;
  const bytesMode = a.last('bytes', 'lines') === 'bytes';
  const countText = bytesMode ? a.value('bytes')! : (a.value('lines') ?? '10');
  const count = parseCount(countText);
  if (!count) {
    const what = bytesMode ? 'bytes' : 'lines';
    return { stdout: '', stderr: `${which}: invalid number of ${what}: \`${countText}'\n`, exitCode: 1 };
  }
  const files = a.operands.length ? a.operands : ['-'];
  const headers = a.has('verbose') || (files.length > 1 && !a.has('quiet'));
  const out = new Output();
  let first = true;
  const readable: string[] = [];
  for (const f of files) {
    const r = readOperand(ctx, f);
    if (!r.ok) {
      out.err(`${which}: ${r.errno === 'EISDIR' ? `error reading ${q(f)}` : `cannot open ${q(f)} for reading`}: ${r.message}\n`, 1);
      continue;
    }
    readable.push(f);
    if (headers) out.out(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    out.out(which === 'head' ? headOf(r.text, count, bytesMode) : tailOf(r.text, count, bytesMode));
  }
  const follow = which === 'tail' && (a.has('follow') || a.has('F'));
  // A pipe ends; only files are followed (on the simulation clock, until Ctrl-C).
  const followed = readable.filter((f) => f !== '-');
  if (follow && followed.length && followFactory) {
    const program = followFactory({ ctx, files: followed.map((name) => ({ name, path: normalizePath(name, ctx.frame.cwd) })), headers });
    return { ...out.done(0), program };
  }
  if (follow && files.some((f) => f !== '-') && !followed.length) out.err('tail: no files remaining\n', 1);
  return out.done();
}

const q = (s: string) => `\`${s}'`;

function splitKeep(text: string): string[] {
  // Lines with their newlines, so a last line without one stays as it is.
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function headOf(text: string, c: { n: number; sign: string }, bytes: boolean): string {
  if (bytes) return c.sign === '-' ? text.slice(0, Math.max(0, text.length - c.n)) : text.slice(0, c.n);
  const lines = splitKeep(text);
  return (c.sign === '-' ? lines.slice(0, Math.max(0, lines.length - c.n)) : lines.slice(0, c.n)).join('');
}

function tailOf(text: string, c: { n: number; sign: string }, bytes: boolean): string {
  if (bytes) return c.sign === '+' ? text.slice(Math.max(0, c.n - 1)) : c.n === 0 ? '' : text.slice(-c.n);
  const lines = splitKeep(text);
  if (c.sign === '+') return lines.slice(Math.max(0, c.n - 1)).join('');
  return c.n === 0 ? '' : lines.slice(-c.n).join('');
}

export const head = defineCommand({
  name: 'head',
  summary: 'output the first part of files',
  usage: 'head [OPTION]... [FILE]...',
  args: HEAD,
  run: (ctx) => headTail(ctx, 'head'),
});

export const tail = defineCommand({
  name: 'tail',
  summary: 'output the last part of files',
  man: { section: 1, name: 'output the last part of files', synopsis: ['tail [OPTION]... [FILE]...'], description: ['Print the last 10 lines of each FILE to standard output. With -f, output appended data as the file grows, until interrupted with Ctrl-C: tail -f /var/log/messages watches the system log.'] },
  usage: 'tail [OPTION]... [FILE]...',
  args: TAIL,
  run: (ctx) => headTail(ctx, 'tail'),
});

const WC = defineArgs({
  prog: 'wc',
  help: { usage: 'wc [OPTION]... [FILE]...', description: 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  With no FILE, or when FILE is -,\nread standard input.' },
  options: [
    { short: 'c', long: 'bytes', help: 'print the byte counts' },
    { short: 'm', long: 'chars', help: 'print the character counts' },
    { short: 'l', long: 'lines', help: 'print the newline counts' },
    { short: 'L', long: 'max-line-length', help: 'print the length of the longest line' },
    { short: 'w', long: 'words', help: 'print the word counts' },
    { long: 'help' },
  ],
});

export const wc = defineCommand({
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  usage: 'wc [OPTION]... [FILE]...',
  args: WC,
  run(ctx) {
    const a = ctx.parsed;
    let show = { l: a.has('lines'), w: a.has('words'), m: a.has('chars'), c: a.has('bytes'), L: a.has('max-line-length') };
    if (!Object.values(show).some(Boolean)) show = { l: true, w: true, m: false, c: true, L: false };
    const files = a.operands.length ? a.operands : ['-'];
    const single = files.length === 1 && Object.values(show).filter(Boolean).length === 1;
    type Counts = { l: number; w: number; m: number; c: number; L: number };
    const rows: Array<{ counts: Counts; name: string | null; error?: string }> = [];
    let regularTotal = 0;
    let minWidth = 1;
    for (const f of files) {
      const r = readOperand(ctx, f);
      if (!r.ok) {
        if (r.errno === 'EISDIR') {
          rows.push({ counts: { l: 0, w: 0, m: 0, c: 0, L: 0 }, name: f, error: `wc: ${f}: ${r.message}\n` });
          minWidth = 7;
        } else rows.push({ counts: { l: 0, w: 0, m: 0, c: 0, L: 0 }, name: null, error: `wc: ${f}: ${r.message}\n` });
        continue;
      }
      const t = r.text;
      const bytes = utf8Length(t);
      if (f === '-') minWidth = 7;
      else regularTotal += bytes;
      const lines = t.split('\n');
      rows.push({
        counts: { l: lines.length - 1, w: (t.match(/\S+/g) ?? []).length, m: [...t].length, c: bytes, L: Math.max(0, ...lines.map((x) => x.replace(/\t/g, '        ').length)) },
        name: a.operands.length ? f : null,
      });
    }
    let width = String(regularTotal).length;
    if (width < minWidth) width = minWidth;
    if (single) width = 1;
    const fmt = (c: Counts, name: string | null) => {
      const cols: string[] = [];
      if (show.l) cols.push(String(c.l));
      if (show.w) cols.push(String(c.w));
      if (show.m) cols.push(String(c.m));
      if (show.c) cols.push(String(c.c));
      if (show.L) cols.push(String(c.L));
      return cols.map((s) => s.padStart(width)).join(' ') + (name !== null ? ` ${name}` : '') + '\n';
    };
    const out = new Output();
    const total: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const row of rows) {
      if (row.error) out.err(row.error, 1);
      if (row.name === null && row.error) continue;
      out.out(fmt(row.counts, row.name));
      total.l += row.counts.l;
      total.w += row.counts.w;
      total.m += row.counts.m;
      total.c += row.counts.c;
      total.L = Math.max(total.L, row.counts.L);
    }
    if (files.length > 1) out.out(fmt(total, 'total'));
    return out.done();
  },
});

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
