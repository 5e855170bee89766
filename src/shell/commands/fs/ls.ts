// `ls` as coreutils 8.4 prints it: columns (tab-indented, as ls does) on a terminal and one name
// per line into a pipe, `-l` with link counts, owners, sizes and dates from the simulation
// clock, colours for --color, errors first, files before directories, `dir:` headers.
import { STRERROR } from '../../../sim/errno';
import { lookup, nodeSize, normalizePath } from '../../../sim/vfs';
import { blocks512, inodeOf, linkCount } from '../../../sim/vfs-ops';
import { defineArgs, type ParsedArgs } from '../../args';
import { collate } from '../../collate';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { absPath, humanSize, lsDate, modeString } from './common';
import type { FsNode } from '../../../sim/types';
import type { CommandContext } from '../../types';

const ARGS = defineArgs({
  prog: 'ls',
  help: { usage: 'ls [OPTION]... [FILE]...', description: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort.' },
  exitCode: 2,
  options: [
    { short: 'a', long: 'all', help: 'do not ignore entries starting with .' },
    { short: 'A', long: 'almost-all', help: 'do not list implied . and ..' },
    { long: 'color', arg: 'optional', argName: 'WHEN', help: 'colorize the output; WHEN can be never, always, or auto' },
    { short: 'C', help: 'list entries by columns' },
    { short: 'd', long: 'directory', help: 'list directory entries instead of contents' },
    { short: 'F', long: 'classify', help: 'append indicator (one of */=>@|) to entries' },
    { short: 'h', long: 'human-readable', help: 'with -l, print sizes in human readable format (e.g., 1K 234M 2G)' },
    { short: 'i', long: 'inode', help: 'print the index number of each file' },
    { short: 'l', help: 'use a long listing format' },
    { short: 'n', long: 'numeric-uid-gid', help: 'like -l, but list numeric user and group IDs' },
    { short: 'r', long: 'reverse', help: 'reverse order while sorting' },
    { short: 'R', long: 'recursive', help: 'list subdirectories recursively' },
    { short: 'S', help: 'sort by file size' },
    { short: 't', help: 'sort by modification time, newest first' },
    { short: 'U', help: 'do not sort; list entries in directory order' },
    { short: '1', help: 'list one file per line' },
    { long: 'help' },
  ],
});

interface Entry {
  name: string;
  node: FsNode;
  abs: string;
  /** For links: the node they point at (null when broken). */
  target?: FsNode | null;
}

interface Opts {
  long: boolean;
  numeric: boolean;
  human: boolean;
  inode: boolean;
  classify: boolean;
  color: boolean;
  columns: boolean;
  all: 'none' | 'almost' | 'all';
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
}

export const ls = defineCommand({
  name: 'ls',
  dir: '/bin',
  summary: 'list directory contents',
  usage: 'ls [OPTION]... [FILE]...',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    const when = a.has('color') ? (a.value('color') ?? 'always') : 'never';
    if (!['always', 'yes', 'force', 'never', 'no', 'none', 'auto', 'tty', 'if-tty'].includes(when)) {
      return { stdout: '', stderr: `ls: invalid argument \`${when}' for \`--color'\nValid arguments are:\n  - \`always', \`yes', \`force'\n  - \`never', \`no', \`none'\n  - \`auto', \`tty', \`if-tty'\nTry \`ls --help' for more information.\n`, exitCode: 2 };
    }
    const tty = !!ctx.stdoutTty;
    const long = a.has('l') || a.has('numeric-uid-gid');
    const opts: Opts = {
      long,
      numeric: a.has('numeric-uid-gid'),
      human: a.has('human-readable'),
      inode: a.has('inode'),
      classify: a.has('classify'),
      color: ['always', 'yes', 'force'].includes(when) || (['auto', 'tty', 'if-tty'].includes(when) && tty),
      columns: !long && (a.last('1', 'C', 'l') === 'C' || (tty && a.last('1', 'C') !== '1')),
      all: a.has('all') ? 'all' : a.has('almost-all') ? 'almost' : 'none',
      sort: sortKey(a),
      reverse: a.has('reverse'),
    };
    return list(ctx, opts, a.has('directory'), a.has('recursive'), a.operands);
  },
});

function sortKey(a: ParsedArgs): Opts['sort'] {
  const k = a.last('t', 'S', 'U');
  return k === 't' ? 'time' : k === 'S' ? 'size' : k === 'U' ? 'none' : 'name';
}

function list(ctx: CommandContext, o: Opts, dirsAsFiles: boolean, recursive: boolean, operands: string[]) {
  const out = new Output();
  const names = operands.length ? operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of names) {
    const abs = absPath(ctx, name);
    const own = lookup(ctx.world, ctx.host, abs, '/', true);
    if (!own.ok) {
      out.err(`ls: cannot access ${name}: ${own.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`, 2);
      continue;
    }
    const followed = own.value.type === 'link' ? lookup(ctx.world, ctx.host, abs) : own;
    const isDir = followed.ok && followed.value.type === 'dir';
    // Without -l, a link to a directory named on the command line is followed.
    const followArg = isDir && (!o.long || name.endsWith('/'));
    const entry: Entry = { name, node: followArg ? followed.value! : own.value, abs, ...(own.value.type === 'link' && { target: followed.ok ? followed.value : null }) };
    if (isDir && !dirsAsFiles && (own.value.type === 'dir' || followArg)) dirs.push(entry);
    else files.push(entry);
  }
  const blocks: string[] = [];
  if (files.length) blocks.push(render(ctx, sortEntries(files, o), o, false));
  const showHeaders = names.length > 1 || recursive || (out.chunks.length > 0 && dirs.length > 0);
  const queue = sortEntries(dirs, o).map((d) => ({ shown: d.name, abs: d.abs, node: d.node, depth: 0 }));
  let guard = 0;
  while (queue.length && guard++ < 10_000) {
    const d = queue.shift()!;
    const entries = dirEntries(ctx, d.abs, d.node, o);
    if (!entries) continue;
    const sorted = sortEntries(entries, o);
    const body = render(ctx, sorted, o, true);
    blocks.push(showHeaders ? `${d.shown}:\n${body}` : body);
    if (recursive && d.depth < 32) {
      const subs = sorted
        .filter((e) => e.node.type === 'dir' && e.name !== '.' && e.name !== '..')
        .map((e) => ({ shown: d.shown.endsWith('/') ? d.shown + e.name : `${d.shown}/${e.name}`, abs: e.abs, node: e.node, depth: d.depth + 1 }));
      queue.unshift(...subs);
    }
  }
  out.out(blocks.join('\n'));
  return out.done();
}

/** The entries of a directory node in hand (only empty directories are looked up again: a mount may hide there). */
function dirEntries(ctx: CommandContext, abs: string, node: FsNode, o: Opts): Entry[] | null {
  if (node.type !== 'dir') return null;
  const entries: Entry[] = [];
  if (o.all === 'all') {
    const parent = lookup(ctx.world, ctx.host, normalizePath('..', abs));
    entries.push({ name: '.', node, abs });
    if (parent.ok) entries.push({ name: '..', node: parent.value, abs: normalizePath('..', abs) });
  }
  const names = Object.keys(node.children).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.') && o.all === 'none') continue;
    const childAbs = abs === '/' ? `/${name}` : `${abs}/${name}`;
    let child = node.children[name]!;
    if (child.type === 'dir' && Object.keys(child.children).length === 0) {
      const mounted = lookup(ctx.world, ctx.host, childAbs);
      if (mounted.ok) child = mounted.value;
    }
    const e: Entry = { name, node: child, abs: childAbs };
    if (child.type === 'link') {
      const t = lookup(ctx.world, ctx.host, childAbs);
      e.target = t.ok ? t.value : null;
    }
    entries.push(e);
  }
  return entries;
}

function sortEntries(entries: Entry[], o: Opts): Entry[] {
  if (o.sort === 'none') return entries;
  const byName = (x: Entry, y: Entry) => collate(x.name, y.name);
  const cmp =
    o.sort === 'time'
      ? (x: Entry, y: Entry) => y.node.mtimeMs - x.node.mtimeMs || byName(x, y)
      : o.sort === 'size'
        ? (x: Entry, y: Entry) => nodeSize(y.node) - nodeSize(x.node) || byName(x, y)
        : byName;
  const sorted = [...entries].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}

const COLORS = { dir: '01;34', link: '01;36', orphan: '40;31;01', exec: '01;32', archive: '01;31' };

function colored(e: Entry, o: Opts): string {
  const ind = o.classify ? indicator(e) : '';
  if (!o.color) return e.name + ind;
  let code = '';
  if (e.node.type === 'dir') code = COLORS.dir;
  else if (e.node.type === 'link') code = e.target === null ? COLORS.orphan : COLORS.link;
  else if (e.node.mode & 0o111) code = COLORS.exec;
  else if (/\.(tar|tgz|gz|bz2|zip|rpm|xz|Z)$/.test(e.name)) code = COLORS.archive;
  return (code ? `\x1b[${code}m${e.name}\x1b[0m` : e.name) + ind;
}

function indicator(e: Entry): string {
  if (e.node.type === 'dir') return '/';
  if (e.node.type === 'link') return '@';
  return e.node.mode & 0o111 ? '*' : '';
}

function render(ctx: CommandContext, entries: Entry[], o: Opts, isDirListing: boolean): string {
  if (o.long) return longFormat(ctx, entries, o, isDirListing);
  const prefix = (e: Entry) => (o.inode ? `${inodeOf(e.abs)} ` : '');
  if (!o.columns) return entries.map((e) => prefix(e) + colored(e, o) + '\n').join('');
  const inodeWidth = o.inode ? Math.max(...entries.map((e) => String(inodeOf(e.abs)).length)) + 1 : 0;
  const items = entries.map((e) => ({ text: (o.inode ? String(inodeOf(e.abs)).padStart(inodeWidth - 1) + ' ' : '') + colored(e, o), len: inodeWidth + e.name.length + (o.classify ? indicator(e).length : 0) }));
  return manyPerLine(items, ctx.cols);
}

/** coreutils' column layout (calculate_columns): the most columns whose widths sum below the width, filled top to bottom. */
export function manyPerLine(items: Array<{ text: string; len: number }>, width: number): string {
  const n = items.length;
  if (!n) return '';
  const maxCols = Math.max(1, Math.min(Math.floor(width / 3), n));
  let chosen: number[] = [];
  let chosenCols = 1;
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const widths: number[] = [];
    let sum = 0;
    items.forEach((it, i) => {
      const idx = Math.floor(i / rows);
      const real = it.len + (idx === cols - 1 ? 0 : 2);
      if ((widths[idx] ?? 0) < real) {
        sum += real - (widths[idx] ?? 0);
        widths[idx] = real;
      }
    });
    chosen = widths;
    chosenCols = cols;
    if (sum < width) break;
  }
  const rows = Math.ceil(n / chosenCols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0, i = r; i < n; c++, i += rows) {
      const it = items[i]!;
      out += it.text;
      if (i + rows >= n) break;
      out += indent(pos + it.len, pos + chosen[c]!);
      pos += chosen[c]!;
    }
    out += '\n';
  }
  return out;
}

/** Pads from column `from` to `to` with tabs where a tab stop (every 8) fits, as ls does. */
function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

function longFormat(ctx: CommandContext, entries: Entry[], o: Opts, isDirListing: boolean): string {
  const rows = entries.map((e) => {
    const size = nodeSize(e.node);
    return {
      inode: String(inodeOf(e.abs)),
      mode: modeString(e.node),
      links: String(linkCount(e.node)),
      owner: o.numeric ? '0' : 'root',
      size: o.human ? humanSize(size) : String(size),
      date: lsDate(ctx, e.node.mtimeMs),
      name: colored(e, o) + (e.node.type === 'link' ? ` -> ${e.node.target}` : ''),
    };
  });
  const w = (k: keyof (typeof rows)[number]) => Math.max(0, ...rows.map((r) => r[k].length));
  const [wi, wl, wo, ws] = [w('inode'), w('links'), w('owner'), w('size')];
  let out = '';
  if (isDirListing) {
    const total = entries.reduce((s, e) => s + blocks512(e.node), 0) / 2;
    out += `total ${o.human ? humanSize(total * 1024) : total}\n`;
  }
  for (const r of rows) {
    out += `${o.inode ? r.inode.padStart(wi) + ' ' : ''}${r.mode} ${r.links.padStart(wl)} ${r.owner.padEnd(wo)} ${r.owner.padEnd(wo)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
  }
  return out;
}
