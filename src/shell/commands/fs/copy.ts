// `cp` and `mv` (coreutils 8.4): into a directory or onto a name, recursive copies, moves across
// mounts (a shared repository and dom0's root are different file systems), and their exact
// refusals (same file, into itself, directory over file, mount points busy).
import { STRERROR } from '../../../sim/errno';
import { lookup, normalizePath } from '../../../sim/vfs';
import { cloneNode, entryAt, isInside, isMountPoint, place, unlinkEntry } from '../../../sim/vfs-ops';
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { confirmProgram, type ConfirmStep } from './confirm';
import { q } from './common';
import type { FsNode } from '../../../sim/types';
import type { CommandContext, CommandOutcome } from '../../types';

const CP = defineArgs({
  prog: 'cp',
  help: { usage: 'cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY', description: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.' },
  options: [
    { short: 'a', long: 'archive', help: 'same as -dR --preserve=all' },
    { short: 'd', help: 'same as --no-dereference --preserve=links' },
    { short: 'f', long: 'force', help: 'if an existing destination file cannot be opened, remove it and try again' },
    { short: 'i', long: 'interactive', help: 'prompt before overwrite' },
    { short: 'L', long: 'dereference', help: 'always follow symbolic links in SOURCE' },
    { short: 'n', long: 'no-clobber', help: 'do not overwrite an existing file' },
    { short: 'P', long: 'no-dereference', help: 'never follow symbolic links in SOURCE' },
    { short: 'p', help: 'same as --preserve=mode,ownership,timestamps' },
    { short: 'R', long: 'recursive', key: 'recursive', help: 'copy directories recursively' },
    { short: 'r', key: 'recursive' },
    { short: 'u', long: 'update', help: 'copy only when the SOURCE file is newer than the destination file or when the destination file is missing' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
    { long: 'help' },
  ],
});

const MV = defineArgs({
  prog: 'mv',
  help: { usage: 'mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY', description: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.' },
  options: [
    { short: 'f', long: 'force', help: 'do not prompt before overwriting' },
    { short: 'i', long: 'interactive', help: 'prompt before overwrite' },
    { short: 'n', long: 'no-clobber', help: 'do not overwrite an existing file' },
    { short: 'u', long: 'update', help: 'move only when the SOURCE file is newer than the destination file or when the destination file is missing' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
    { long: 'help' },
  ],
});

interface Plan {
  src: string;
  srcAbs: string;
  target: string;
  targetAbs: string;
}

/** Resolves operands to (source, target) pairs, or the usage error every such tool prints. */
function plan(ctx: CommandContext, prog: string, operands: string[], out: Output): Plan[] | null {
  if (operands.length === 0) {
    out.err(`${prog}: missing file operand\nTry \`${prog} --help' for more information.\n`, 1);
    return null;
  }
  if (operands.length === 1) {
    out.err(`${prog}: missing destination file operand after ${q(operands[0]!)}\nTry \`${prog} --help' for more information.\n`, 1);
    return null;
  }
  const dest = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  const destAbs = normalizePath(dest, ctx.frame.cwd);
  const destNode = lookup(ctx.world, ctx.host, destAbs);
  const destIsDir = destNode.ok && destNode.value.type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    out.err(`${prog}: target ${q(dest)} is not a directory\n`, 1);
    return null;
  }
  return sources.map((src) => {
    const srcAbs = normalizePath(src, ctx.frame.cwd);
    if (!destIsDir) return { src, srcAbs, target: dest, targetAbs: destAbs };
    const base = srcAbs === '/' ? '' : srcAbs.slice(srcAbs.lastIndexOf('/') + 1);
    const target = dest.endsWith('/') ? dest + base : `${dest}/${base}`;
    return { src, srcAbs, target, targetAbs: normalizePath(base, destAbs) };
  });
}

export const cp = defineCommand({
  name: 'cp',
  dir: '/bin',
  summary: 'copy files and directories',
  usage: 'cp [OPTION]... SOURCE... DIRECTORY',
  args: CP,
  run(ctx) {
    const a = ctx.parsed;
    const out = new Output();
    const plans = plan(ctx, 'cp', a.operands, out);
    if (!plans) return out.done();
    const recursive = a.has('recursive') || a.has('archive');
    const o: CpOpts = {
      recursive,
      followLinks: a.has('dereference') || (!recursive && !a.has('d') && !a.has('no-dereference')),
      preserve: a.has('p') || a.has('archive'),
      verbose: a.has('verbose'),
      noClobber: a.has('no-clobber'),
      update: a.has('update'),
    };
    if (a.last('interactive', 'force') === 'interactive' && !o.noClobber) return interactively(ctx, 'cp', plans, (pl, step) => cpOne(ctx, pl, o, step));
    for (const pl of plans) cpOne(ctx, pl, o, out);
    return out.done();
  },
});

interface CpOpts {
  recursive: boolean;
  followLinks: boolean;
  preserve: boolean;
  verbose: boolean;
  noClobber: boolean;
  update: boolean;
}

function cpOne(ctx: CommandContext, pl: Plan, o: CpOpts, out: Output): void {
  const srcNode = lookup(ctx.world, ctx.host, pl.srcAbs, '/', !o.followLinks);
  if (!srcNode.ok) return void out.err(`cp: cannot stat ${q(pl.src)}: ${STRERROR.ENOENT}\n`, 1);
  if (srcNode.value.type === 'dir' && !o.recursive) return void out.err(`cp: omitting directory ${q(pl.src)}\n`, 1);
  if (pl.srcAbs === pl.targetAbs) return void out.err(`cp: ${q(pl.src)} and ${q(pl.target)} are the same file\n`, 1);
  if (srcNode.value.type === 'dir' && isInside(pl.targetAbs, pl.srcAbs)) return void out.err(`cp: cannot copy a directory, ${q(pl.src)}, into itself, ${q(pl.target)}\n`, 1);
  copyTree(ctx, srcNode.value, pl.src, pl.target, pl.targetAbs, o, out, 0);
}

/**
 * `-i`: each operation runs in turn; one that would overwrite an existing file asks first
 * (`cp: overwrite `x'? `). Answers come from the terminal, through a Program.
 */
function interactively(ctx: CommandContext, prog: 'cp' | 'mv', plans: Plan[], run: (pl: Plan, out: Output) => void): CommandOutcome {
  const steps: ConfirmStep[] = plans.map((pl) => {
    const act = () => {
      const o = new Output();
      run(pl, o);
      const r = o.done();
      return { out: r.stdout, err: r.stderr, failed: r.exitCode !== 0 };
    };
    const src = lookup(ctx.world, ctx.host, pl.srcAbs);
    const target = lookup(ctx.world, ctx.host, pl.targetAbs);
    const asks = src.ok && target.ok && target.value.type !== 'dir' && pl.srcAbs !== pl.targetAbs;
    return asks ? { prompt: `${prog}: overwrite ${q(pl.target)}? `, yes: act } : { yes: act };
  });
  return { stdout: '', stderr: '', exitCode: 0, program: confirmProgram(steps) };
}

function copyTree(ctx: CommandContext, src: FsNode, srcShown: string, target: string, targetAbs: string, o: CpOpts, out: Output, depth: number): void {
  const existing = lookup(ctx.world, ctx.host, targetAbs);
  const now = ctx.world.clockMs;
  if (src.type === 'dir') {
    if (existing.ok && existing.value.type !== 'dir') {
      out.err(`cp: cannot overwrite non-directory ${q(target)} with directory ${q(srcShown)}\n`, 1);
      return;
    }
    if (!existing.ok) {
      const r = place(ctx.world, ctx.host, targetAbs, { type: 'dir', mode: src.mode, mtimeMs: o.preserve ? src.mtimeMs : now, children: {} });
      if (!r.ok) {
        out.err(`cp: cannot create directory ${q(target)}: ${STRERROR.ENOENT}\n`, 1);
        return;
      }
      if (o.verbose) out.out(`${q(srcShown)} -> ${q(target)}\n`);
    }
    if (depth > 64) return;
    for (const [name, child] of Object.entries(src.children)) {
      copyTree(ctx, child, `${srcShown.replace(/\/$/, '')}/${name}`, `${target.replace(/\/$/, '')}/${name}`, `${targetAbs}/${name}`, o, out, depth + 1);
    }
    return;
  }
  if (existing.ok && existing.value.type === 'dir') {
    out.err(`cp: cannot overwrite directory ${q(target)} with non-directory\n`, 1);
    return;
  }
  if (existing.ok && (o.noClobber || (o.update && existing.value.mtimeMs >= src.mtimeMs))) return;
  const r = place(ctx.world, ctx.host, targetAbs, cloneNode(src, now, o.preserve));
  if (!r.ok) {
    out.err(`cp: cannot create regular file ${q(target)}: ${r.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`, 1);
    return;
  }
  if (o.verbose) out.out(`${q(srcShown)} -> ${q(target)}\n`);
}

export const mv = defineCommand({
  name: 'mv',
  dir: '/bin',
  summary: 'move (rename) files',
  usage: 'mv [OPTION]... SOURCE... DIRECTORY',
  args: MV,
  run(ctx) {
    const a = ctx.parsed;
    const out = new Output();
    const plans = plan(ctx, 'mv', a.operands, out);
    if (!plans) return out.done();
    const opts = { noClobber: a.has('no-clobber'), update: a.has('update'), verbose: a.has('verbose') };
    if (a.last('interactive', 'force') === 'interactive' && !opts.noClobber) return interactively(ctx, 'mv', plans, (pl, step) => mvOne(ctx, pl, opts, step));
    for (const pl of plans) mvOne(ctx, pl, opts, out);
    return out.done();
  },
});

function mvOne(ctx: CommandContext, pl: Plan, a: { noClobber: boolean; update: boolean; verbose: boolean }, out: Output): void {
  const src = entryAt(ctx.world, ctx.host, pl.srcAbs);
  if (!src?.node) {
    out.err(`mv: cannot stat ${q(pl.src)}: ${STRERROR.ENOENT}\n`, 1);
    return;
  }
  const node = src.node;
  if (pl.srcAbs === pl.targetAbs) {
    out.err(`mv: ${q(pl.src)} and ${q(pl.target)} are the same file\n`, 1);
    return;
  }
  if (node.type === 'dir' && isInside(pl.targetAbs, pl.srcAbs)) {
    out.err(`mv: cannot move ${q(pl.src)} to a subdirectory of itself, ${q(pl.target)}\n`, 1);
    return;
  }
  if (ctx.host.mounts.some((m) => m.path !== '/' && isInside(m.path, pl.srcAbs)) || isMountPoint(ctx.host, pl.srcAbs)) {
    out.err(`mv: cannot move ${q(pl.src)} to ${q(pl.target)}: ${STRERROR.EBUSY}\n`, 1);
    return;
  }
  const dest = entryAt(ctx.world, ctx.host, pl.targetAbs);
  if (!dest) {
    out.err(`mv: cannot move ${q(pl.src)} to ${q(pl.target)}: ${STRERROR.ENOENT}\n`, 1);
    return;
  }
  const existing = dest.node;
  if (existing) {
    if (a.noClobber || (a.update && existing.mtimeMs >= node.mtimeMs)) return;
    if (node.type === 'dir' && existing.type !== 'dir') {
      out.err(`mv: cannot overwrite non-directory ${q(pl.target)} with directory ${q(pl.src)}\n`, 1);
      return;
    }
    if (node.type !== 'dir' && existing.type === 'dir') {
      out.err(`mv: cannot overwrite directory ${q(pl.target)} with non-directory\n`, 1);
      return;
    }
    if (existing.type === 'dir' && Object.keys(existing.children).length) {
      out.err(`mv: cannot move ${q(pl.src)} to ${q(pl.target)}: ${STRERROR.ENOTEMPTY}\n`, 1);
      return;
    }
  }
  // rename(2) keeps the node (and its times); across file systems it is copy and delete.
  unlinkEntry(ctx.world, ctx.host, pl.srcAbs);
  const r = place(ctx.world, ctx.host, pl.targetAbs, node);
  if (!r.ok) {
    place(ctx.world, ctx.host, pl.srcAbs, node);
    out.err(`mv: cannot move ${q(pl.src)} to ${q(pl.target)}: ${STRERROR.ENOENT}\n`, 1);
    return;
  }
  if (a.verbose) out.out(`${q(pl.src)} -> ${q(pl.target)}\n`);
}
