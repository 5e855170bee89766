// `du` (-s -h -a -c --max-depth) in 1K blocks, and `stat` (coreutils 8.4 layout, -c FORMAT, -L).
import { STRERROR } from '../../../sim/errno';
import { lookup, mountFor, nodeSize, normalizePath, realPath } from '../../../sim/vfs';
import { blocks512, inodeOf, linkCount, walk } from '../../../sim/vfs-ops';
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { humanSize, modeString, q, statDate } from './common';
import type { FsNode } from '../../../sim/types';
import type { CommandContext } from '../../types';

const DU = defineArgs({
  prog: 'du',
  help: { usage: 'du [OPTION]... [FILE]...\n  or:  du [OPTION]... --files0-from=F', description: 'Summarize disk usage of each FILE, recursively for directories.' },
  options: [
    { short: 'a', long: 'all', help: 'write counts for all files, not just directories' },
    { short: 'b', long: 'bytes', help: 'equivalent to `--apparent-size --block-size=1\'' },
    { short: 'c', long: 'total', help: 'produce a grand total' },
    { short: 'h', long: 'human-readable', help: 'print sizes in human readable format (e.g., 1K 234M 2G)' },
    { short: 'k', help: 'like --block-size=1K' },
    { short: 'm', help: 'like --block-size=1M' },
    { long: 'max-depth', arg: 'required', argName: 'N', help: 'print the total for a directory (or file, with --all) only if it is N or fewer levels below the command line argument' },
    { short: 's', long: 'summarize', help: 'display only a total for each argument' },
    { short: 'x', long: 'one-file-system', help: 'skip directories on different file systems' },
    { long: 'help' },
  ],
});

export const du = defineCommand({
  name: 'du',
  summary: 'estimate file space usage',
  usage: 'du [OPTION]... [FILE]...',
  args: DU,
  run(ctx) {
    const a = ctx.parsed;
    const maxText = a.value('max-depth');
    if (maxText !== undefined && !/^\d+$/.test(maxText)) return { stdout: '', stderr: `du: invalid maximum depth ${q(maxText)}\nTry \`du --help' for more information.\n`, exitCode: 1 };
    if (a.has('summarize') && a.has('all')) return { stdout: '', stderr: 'du: cannot both summarize and show all entries\nTry `du --help\' for more information.\n', exitCode: 1 };
    if (a.has('summarize') && maxText !== undefined && maxText !== '0') return { stdout: '', stderr: `du: warning: summarizing conflicts with --max-depth=${maxText}\nTry \`du --help' for more information.\n`, exitCode: 1 };
    const maxDepth = a.has('summarize') ? 0 : maxText !== undefined ? Number(maxText) : Infinity;
    const bytes = a.has('bytes');
    const fmt = (blocks: number, apparent: number) => {
      if (bytes) return String(apparent);
      const k = blocks / 2;
      if (a.has('human-readable')) return humanSize(k * 1024);
      if (a.has('m')) return String(Math.ceil(k / 1024));
      return String(k);
    };
    const out = new Output();
    let grand = 0;
    let grandBytes = 0;
    for (const name of a.operands.length ? a.operands : ['.']) {
      const abs = normalizePath(name, ctx.frame.cwd);
      const start = lookup(ctx.world, ctx.host, abs, '/', true);
      if (!start.ok) {
        out.err(`du: cannot access ${q(name)}: ${STRERROR.ENOENT}\n`, 1);
        continue;
      }
      // Post-order: a directory's total is printed after its contents.
      const totals = new Map<string, { blocks: number; bytes: number }>();
      walk(
        ctx.world,
        ctx.host,
        abs,
        name,
        Infinity,
        (e) => {
          let blocks = blocks512(e.node);
          let size = e.node.type === 'dir' ? 4096 : nodeSize(e.node);
          if (e.node.type === 'dir') {
            for (const child of Object.keys(e.node.children)) {
              const t = totals.get(`${e.abs === '/' ? '' : e.abs}/${child}`);
              if (t) {
                blocks += t.blocks;
                size += t.bytes;
              }
            }
          }
          totals.set(e.abs, { blocks, bytes: size });
          if (e.depth <= maxDepth && (e.node.type === 'dir' || a.has('all') || e.depth === 0)) out.out(`${fmt(blocks, size)}\t${e.path}\n`);
        },
        true,
      );
      const t = totals.get(abs);
      grand += t?.blocks ?? 0;
      grandBytes += t?.bytes ?? 0;
    }
    if (a.has('total')) out.out(`${fmt(grand, grandBytes)}\ttotal\n`);
    return out.done();
  },
});

const STAT = defineArgs({
  prog: 'stat',
  help: { usage: 'stat [OPTION]... FILE...', description: 'Display file or file system status.' },
  options: [
    { short: 'L', long: 'dereference', help: 'follow links' },
    { short: 'c', long: 'format', arg: 'required', argName: 'FORMAT', help: 'use the specified FORMAT instead of the default; output a newline after each use of FORMAT' },
    { short: 't', long: 'terse', help: 'print the information in terse form' },
    { long: 'help' },
  ],
});

export const stat = defineCommand({
  name: 'stat',
  summary: 'display file or file system status',
  usage: 'stat [OPTION]... FILE...',
  args: STAT,
  run(ctx) {
    const a = ctx.parsed;
    if (!a.operands.length) return { stdout: '', stderr: "stat: missing operand\nTry `stat --help' for more information.\n", exitCode: 1 };
    const out = new Output();
    for (const name of a.operands) {
      const abs = normalizePath(name, ctx.frame.cwd);
      const n = lookup(ctx.world, ctx.host, abs, '/', !a.has('dereference'));
      if (!n.ok) {
        out.err(`stat: cannot stat ${q(name)}: ${STRERROR.ENOENT}\n`, 1);
        continue;
      }
      const info = statInfo(ctx, name, abs, n.value);
      const format = a.value('format');
      if (format !== undefined) out.out(applyFormat(format, info) + '\n');
      else if (a.has('terse')) out.out(`${name} ${info.size} ${info.blocks} ${info.mode.toString(16)} 0 0 ${info.dev.toString(16)} ${info.inode} ${info.links} 0 0 ${Math.floor(info.mtime / 1000)} ${Math.floor(info.mtime / 1000)} ${Math.floor(info.mtime / 1000)} 4096\n`);
      else out.out(defaultFormat(ctx, info));
    }
    return out.done();
  },
});

interface StatInfo {
  name: string;
  node: FsNode;
  size: number;
  blocks: number;
  inode: number;
  links: number;
  mode: number;
  perms: string;
  typeName: string;
  dev: number;
  mtime: number;
  mtimeText: string;
  target?: string;
}

function statInfo(ctx: CommandContext, name: string, abs: string, node: FsNode): StatInfo {
  const size = nodeSize(node);
  const typeName = node.type === 'dir' ? 'directory' : node.type === 'link' ? 'symbolic link' : size === 0 ? 'regular empty file' : 'regular file';
  const typeBits = node.type === 'dir' ? 0o40000 : node.type === 'link' ? 0o120000 : 0o100000;
  const perm = node.type === 'link' ? 0o777 : node.mode;
  const real = realPath(ctx.world, ctx.host, abs);
  return {
    name,
    node,
    size,
    blocks: blocks512(node),
    inode: inodeOf(real.ok && node.type !== 'link' ? real.value : abs),
    links: linkCount(node),
    mode: typeBits | perm,
    perms: modeString(node),
    typeName,
    dev: deviceNumber(ctx, abs),
    mtime: ctx.world.epochMs + node.mtimeMs,
    mtimeText: statDate(ctx, node.mtimeMs),
    ...(node.type === 'link' && { target: node.target }),
  };
}

/** st_dev of the file system holding `abs`: major/minor from the mounted device's name. */
function deviceNumber(ctx: CommandContext, abs: string): number {
  const m = mountFor(ctx.host, abs);
  const sd = /^\/dev\/sd([a-z])(\d*)$/.exec(m.device);
  if (sd) return (8 << 8) | ((sd[1]!.charCodeAt(0) - 97) * 16 + Number(sd[2] || 0));
  const dm = /dm-(\d+)$/.exec(m.device);
  if (dm) return (253 << 8) | Number(dm[1]);
  let h = 0;
  for (const c of m.device) h = (h * 31 + c.charCodeAt(0)) & 0xff;
  return (253 << 8) | h;
}

function defaultFormat(ctx: CommandContext, s: StatInfo): string {
  const file = s.target !== undefined ? `${q(s.name)} -> ${q(s.target)}` : q(s.name);
  const oct = (s.mode & 0o7777).toString(8).padStart(4, '0');
  const devHex = `${s.dev.toString(16)}h/${s.dev}d`;
  return (
    `  File: ${file}\n` +
    `  Size: ${String(s.size).padEnd(10)}\tBlocks: ${String(s.blocks).padEnd(10)} IO Block: 4096   ${s.typeName}\n` +
    `Device: ${devHex}\tInode: ${String(s.inode).padEnd(11)} Links: ${s.links}\n` +
    `Access: (${oct}/${s.perms})  Uid: (    0/    root)   Gid: (    0/    root)\n` +
    `Access: ${s.mtimeText}\nModify: ${s.mtimeText}\nChange: ${s.mtimeText}\n`
  );
}

function applyFormat(format: string, s: StatInfo): string {
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case '%':
        return '%';
      case 'n':
        return s.name;
      case 'N':
        return s.target !== undefined ? `${q(s.name)} -> ${q(s.target)}` : q(s.name);
      case 's':
        return String(s.size);
      case 'b':
        return String(s.blocks);
      case 'B':
        return '512';
      case 'a':
        return (s.mode & 0o7777).toString(8);
      case 'A':
        return s.perms;
      case 'f':
        return s.mode.toString(16);
      case 'F':
        return s.typeName;
      case 'h':
        return String(s.links);
      case 'i':
        return String(s.inode);
      case 'u':
      case 'g':
        return '0';
      case 'U':
      case 'G':
        return 'root';
      case 'd':
        return String(s.dev);
      case 'D':
        return s.dev.toString(16);
      case 'o':
        return '4096';
      case 'x':
      case 'y':
      case 'z':
        return s.mtimeText;
      case 'X':
      case 'Y':
      case 'Z':
        return String(Math.floor(s.mtime / 1000));
      default:
        return '?';
    }
  });
}
