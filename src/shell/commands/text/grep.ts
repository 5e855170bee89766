// `grep` (GNU grep 2.6 on Oracle Linux 6), plus `egrep` and `fgrep`: BRE/ERE/fixed patterns,
// -i -v -c -n -w -x -o -l -L -h -H -q -s -r, -e/-f, context -A -B -C, -m, --color; file name
// prefixes when several files are searched; exit 0 (selected), 1 (none), 2 (error).
import { listDir, lookup, normalizePath } from '../../../sim/vfs';
import { defineArgs, type KeysOf } from '../../args';
import { globMatch } from '../../glob';
import { Output } from '../../output';
import { defineCommand, ok, type CommandSpec, type ParsedContext } from '../../types';
import { readOperand, splitLines } from '../fs/read';
import { compileRegex } from './regex';
import { safeRegExp } from './linear-regex';
import type { CommandContext, CommandOutcome } from '../../types';

const USAGE = 'Usage: grep [OPTION]... PATTERN [FILE]...';

const spec = (prog: string) =>
  defineArgs({
    prog,
    exitCode: 2,
    usageLine: `Usage: ${prog} [OPTION]... PATTERN [FILE]...`,
    tryHelp: `Try \`${prog} --help' for more information.`,
    help: { usage: `${prog} [OPTION]... PATTERN [FILE]...`, description: "Search for PATTERN in each FILE or standard input.\nPATTERN is, by default, a basic regular expression (BRE).\nExample: grep -i 'hello world' menu.h main.c" },
    numberKey: 'context',
    options: [
      { short: 'E', long: 'extended-regexp', help: 'PATTERN is an extended regular expression (ERE)' },
      { short: 'F', long: 'fixed-strings', help: 'PATTERN is a set of newline-separated fixed strings' },
      { short: 'G', long: 'basic-regexp', help: 'PATTERN is a basic regular expression (BRE)' },
      { short: 'e', long: 'regexp', arg: 'required', argName: 'PATTERN', help: 'use PATTERN for matching' },
      { short: 'f', long: 'file', arg: 'required', argName: 'FILE', help: 'obtain PATTERN from FILE' },
      { short: 'i', long: 'ignore-case', help: 'ignore case distinctions' },
      { short: 'y', key: 'ignore-case' },
      { short: 'w', long: 'word-regexp', help: 'force PATTERN to match only whole words' },
      { short: 'x', long: 'line-regexp', help: 'force PATTERN to match only whole lines' },
      { short: 's', long: 'no-messages', help: 'suppress error messages' },
      { short: 'v', long: 'invert-match', help: 'select non-matching lines' },
      { short: 'V', long: 'version', help: 'print version information and exit' },
      { long: 'help' },
      { short: 'm', long: 'max-count', arg: 'required', argName: 'NUM', help: 'stop after NUM matches' },
      { short: 'n', long: 'line-number', help: 'print line number with output lines' },
      { short: 'H', long: 'with-filename', help: 'print the filename for each match' },
      { short: 'h', long: 'no-filename', help: 'suppress the prefixing filename on output' },
      { short: 'o', long: 'only-matching', help: 'show only the part of a line matching PATTERN' },
      { short: 'q', long: 'quiet', aliases: ['silent'], help: 'suppress all normal output' },
      { short: 'r', long: 'recursive', key: 'recursive', help: 'equivalent to --directories=recurse' },
      { short: 'R', long: 'dereference-recursive', key: 'recursive' },
      { long: 'include', arg: 'required', argName: 'FILE_PATTERN', help: 'search only files that match FILE_PATTERN' },
      { long: 'exclude', arg: 'required', argName: 'FILE_PATTERN', help: 'skip files and directories matching FILE_PATTERN' },
      { short: 'L', long: 'files-without-match', help: 'print only names of FILEs containing no match' },
      { short: 'l', long: 'files-with-matches', help: 'print only names of FILEs containing matches' },
      { short: 'c', long: 'count', help: 'print only a count of matching lines per FILE' },
      { short: 'B', long: 'before-context', arg: 'required', argName: 'NUM', help: 'print NUM lines of leading context' },
      { short: 'A', long: 'after-context', arg: 'required', argName: 'NUM', help: 'print NUM lines of trailing context' },
      { short: 'C', long: 'context', arg: 'required', argName: 'NUM', help: 'print NUM lines of output context' },
      { long: 'color', aliases: ['colour'], arg: 'optional', argName: 'WHEN', help: 'use markers to highlight the matching strings' },
    ],
  });

function makeGrep(prog: 'grep' | 'egrep' | 'fgrep'): CommandSpec {
  const ARGS = spec(prog);
  return defineCommand({
    name: prog,
    dir: '/bin',
    summary: prog === 'grep' ? 'print lines matching a pattern' : `grep -${prog === 'egrep' ? 'E' : 'F'}: print lines matching a pattern`,
    usage: `${prog} [OPTION]... PATTERN [FILE]...`,
    args: ARGS,
    run: (ctx) => runGrep(ctx, prog),
  });
}

function runGrep(ctx: ParsedContext<KeysOf<ReturnType<typeof spec>>>, prog: string): CommandOutcome {
  const a = ctx.parsed;
  if (a.has('version')) return ok('GNU grep 2.6.3\n\nCopyright (C) 2009 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n');
  const operands = [...a.operands];
  const out = new Output();
  const quietErrors = a.has('no-messages');
  const patterns: string[] = [];
  for (const e of a.values('regexp')) patterns.push(...e.split('\n'));
  for (const f of a.values('file')) {
    const r = readOperand(ctx, f);
    if (!r.ok) return { stdout: '', stderr: `${prog}: ${f}: ${r.message}\n`, exitCode: 2 };
    patterns.push(...splitLines(r.text));
  }
  if (!a.has('regexp') && !a.has('file')) {
    if (!operands.length) return { stdout: '', stderr: `${USAGE.replace('grep', prog)}\nTry \`${prog} --help' for more information.\n`, exitCode: 2 };
    patterns.push(...operands.shift()!.split('\n'));
  }
  const mode = prog === 'egrep' ? 'E' : prog === 'fgrep' ? 'F' : (a.last('extended-regexp', 'fixed-strings', 'basic-regexp') ?? 'G');
  const flags = a.has('ignore-case') ? 'gi' : 'g';
  let source: string;
  const parts: string[] = [];
  for (const pat of patterns) {
    if (mode === 'F' || mode === 'fixed-strings') parts.push(pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
    else {
      const re = compileRegex(pat, mode === 'E' || mode === 'extended-regexp');
      if (typeof re === 'string') return { stdout: '', stderr: `${prog}: ${re}\n`, exitCode: 2 };
      parts.push(re.source === '(?:)' ? '' : re.source);
    }
  }
  source = parts.map((s) => `(?:${s})`).join('|');
  if (a.has('line-regexp')) source = `^(?:${source})$`;
  else if (a.has('word-regexp')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  let re: RegExp;
  try {
    re = safeRegExp(source, flags);
  } catch {
    return { stdout: '', stderr: `${prog}: Invalid regular expression\n`, exitCode: 2 };
  }
  const num = (key: 'max-count' | 'before-context' | 'after-context' | 'context'): number | string => {
    const v = a.value(key);
    if (v === undefined) return 0;
    if (!/^\d+$/.test(v)) return key === 'max-count' ? `${prog}: invalid max count\n` : `${prog}: ${v}: invalid context length argument\n`;
    return Number(v);
  };
  const ctxAll = num('context');
  const after = a.has('after-context') ? num('after-context') : ctxAll;
  const before = a.has('before-context') ? num('before-context') : ctxAll;
  const maxCount = a.has('max-count') ? num('max-count') : Infinity;
  for (const v of [after, before, maxCount]) if (typeof v === 'string') return { stdout: '', stderr: v, exitCode: 2 };
  const color = a.has('color') && ['always', 'yes', 'force'].includes(a.value('color') ?? 'auto') ? true : a.has('color') && ['auto', 'tty', 'if-tty'].includes(a.value('color') ?? 'auto') && !!ctx.stdoutTty;

  // The files to search: operands (recursively with -r), or standard input.
  const files: string[] = [];
  let error = false;
  const recursive = a.has('recursive');
  const include = a.values('include');
  const exclude = a.values('exclude');
  const wanted = (name: string) => {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return (!include.length || include.some((g) => globMatch(g, base))) && !exclude.some((g) => globMatch(g, base));
  };
  for (const name of operands.length ? operands : ['-']) {
    if (name === '-') {
      files.push('-');
      continue;
    }
    const node = lookup(ctx.world, ctx.host, name, ctx.frame.cwd);
    if (node.ok && node.value.type === 'dir' && recursive) collect(ctx, name, normalizePath(name, ctx.frame.cwd), files, wanted, 0);
    else files.push(name);
  }
  const many = files.length > 1 || recursive;
  const withName = a.has('with-filename') ? true : a.has('no-filename') ? false : many;
  let selectedAny = false;
  for (const file of files) {
    const r = readOperand(ctx, file);
    const label = file === '-' ? '(standard input)' : file;
    if (!r.ok) {
      if (!quietErrors) out.err(`${prog}: ${file}: ${r.message}\n`);
      error = true;
      continue;
    }
    const res = searchText(r.text, re, {
      invert: a.has('invert-match'),
      count: a.has('count'),
      list: a.has('files-with-matches') ? 'with' : a.has('files-without-match') ? 'without' : null,
      quiet: a.has('quiet'),
      number: a.has('line-number'),
      only: a.has('only-matching'),
      prefix: withName ? label : null,
      name: label,
      before: before as number,
      after: after as number,
      maxCount: maxCount as number,
      color,
    });
    out.out(res.text);
    if (res.selected) selectedAny = true;
    if (res.selected && a.has('quiet')) break;
  }
  return out.done(error && !(a.has('quiet') && selectedAny) ? 2 : selectedAny ? 0 : 1);
}

function collect(ctx: CommandContext, shown: string, abs: string, files: string[], wanted: (n: string) => boolean, depth: number): void {
  const entries = listDir(ctx.world, ctx.host, abs);
  if (!entries.ok || depth > 32 || files.length > 50_000) return;
  for (const [name, node] of entries.value) {
    const childShown = shown.endsWith('/') ? shown + name : `${shown}/${name}`;
    if (node.type === 'dir') collect(ctx, childShown, `${abs === '/' ? '' : abs}/${name}`, files, wanted, depth + 1);
    else if (node.type === 'file' && wanted(name)) files.push(childShown);
  }
}

interface SearchOpts {
  invert: boolean;
  count: boolean;
  list: 'with' | 'without' | null;
  quiet: boolean;
  number: boolean;
  only: boolean;
  prefix: string | null;
  /** The file as -l and binary-file messages name it. */
  name: string;
  before: number;
  after: number;
  maxCount: number;
  color: boolean;
}

const RED = '\x1b[01;31m\x1b[K';
const END = '\x1b[m\x1b[K';

/** Searches one file's text; returns what grep prints for it and whether a line was selected. */
export function searchText(text: string, re: RegExp, o: SearchOpts): { text: string; selected: boolean } {
  const lines = splitLines(text);
  if (text.includes('\0') && !o.count && !o.list && !o.quiet) {
    const any = lines.some((l) => (re.lastIndex = 0, re.test(l)) !== o.invert);
    return { text: any ? `Binary file ${o.name} matches\n` : '', selected: any };
  }
  let out = '';
  let count = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  const pre = (i: number, sep: string) => (o.prefix !== null ? (o.color ? `\x1b[35m\x1b[K${o.prefix}\x1b[m\x1b[K\x1b[36m\x1b[K${sep}\x1b[m\x1b[K` : o.prefix + sep) : '') + (o.number ? `${i + 1}${sep}` : '');
  const printContext = (i: number) => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (o.before || o.after)) out += '--\n';
    out += pre(i, '-') + lines[i] + '\n';
    lastPrinted = i;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    re.lastIndex = 0;
    const matched = re.test(line) !== o.invert;
    if (!matched) {
      if (afterLeft > 0 && !o.count && !o.list) {
        printContext(i);
        afterLeft--;
      }
      continue;
    }
    if (count >= o.maxCount) break;
    count++;
    if (o.quiet) return { text: '', selected: true };
    if (o.count || o.list) continue;
    for (let b = Math.max(lastPrinted + 1, i - o.before); b < i; b++) printContext(b);
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (o.before || o.after)) out += '--\n';
    if (o.only && !o.invert) {
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0]) out += pre(i, ':') + (o.color ? RED + m[0] + END : m[0]) + '\n';
    } else out += pre(i, ':') + (o.color && !o.invert ? line.replace(re, (m) => (m ? RED + m + END : m)) : line) + '\n';
    lastPrinted = i;
    afterLeft = o.after;
  }
  if (o.count) out = (o.prefix !== null ? o.prefix + ':' : '') + count + '\n';
  if (o.list === 'with') out = count ? o.name + '\n' : '';
  if (o.list === 'without') out = count ? '' : o.name + '\n';
  return { text: out, selected: count > 0 };
}

export const grepFamily: readonly CommandSpec[] = [makeGrep('grep'), makeGrep('egrep'), makeGrep('fgrep')];
