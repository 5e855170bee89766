// Creating and removing names (coreutils 8.4): mkdir (-p -v -m), rmdir (-p), touch (-c),
// ln (-s -f -v; a hard link is stored as a copy), rm (-r -f -v, refusing `/`, `.` and mount points).
import { STRERROR } from '../../../sim/errno';
import { lookup, mkdir as vfsMkdir, normalizePath, dirname } from '../../../sim/vfs';
import { cloneNode, entryAt, isMountPoint, place, symlink, unlinkEntry } from '../../../sim/vfs-ops';
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand, ok } from '../../types';
import { missingOperand, q } from './common';
import { confirmProgram, type ConfirmStep } from './confirm';
import type { FsNode } from '../../../sim/types';
import type { CommandContext } from '../../types';

const MKDIR = defineArgs({
  prog: 'mkdir',
  help: { usage: 'mkdir [OPTION]... DIRECTORY...', description: 'Create the DIRECTORY(ies), if they do not already exist.' },
  options: [
    { short: 'm', long: 'mode', arg: 'required', argName: 'MODE', help: 'set file mode (as in chmod), not a=rwx - umask' },
    { short: 'p', long: 'parents', help: 'no error if existing, make parent directories as needed' },
    { short: 'v', long: 'verbose', help: 'print a message for each created directory' },
    { long: 'help' },
  ],
});

export const mkdir = defineCommand({
  name: 'mkdir',
  dir: '/bin',
  summary: 'make directories',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  args: MKDIR,
  run(ctx) {
    const a = ctx.parsed;
    if (!a.operands.length) return { stdout: '', stderr: missingOperand('mkdir'), exitCode: 1 };
    const modeText = a.value('mode');
    if (modeText !== undefined && !/^[0-7]{1,4}$/.test(modeText)) return { stdout: '', stderr: `mkdir: invalid mode ${q(modeText)}\n`, exitCode: 1 };
    const out = new Output();
    for (const d of a.operands) {
      const abs = normalizePath(d, ctx.frame.cwd);
      const created: string[] = [];
      if (a.has('parents')) {
        // Report each directory that -p creates, outermost first.
        const parts = abs.split('/').filter(Boolean);
        for (let i = 1; i <= parts.length; i++) {
          const sub = '/' + parts.slice(0, i).join('/');
          if (!lookup(ctx.world, ctx.host, sub).ok) created.push(sub);
        }
      }
      const r = vfsMkdir(ctx.world, ctx.host, abs, '/', a.has('parents'));
      if (!r.ok) {
        const why = r.error === 'EEXIST' ? STRERROR.EEXIST : r.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT;
        out.err(`mkdir: cannot create directory ${q(d)}: ${why}\n`, 1);
        continue;
      }
      if (modeText !== undefined) {
        const n = lookup(ctx.world, ctx.host, abs);
        if (n.ok) n.value.mode = parseInt(modeText, 8);
      }
      if (a.has('verbose')) {
        const shown = a.has('parents') ? created.map((c) => relativeShown(d, abs, c)) : [d];
        for (const s of shown) out.out(`mkdir: created directory ${q(s)}\n`);
      }
    }
    return out.done();
  },
});

/** How `mkdir -pv a/b/c` names an intermediate directory: as a prefix of what was typed. */
function relativeShown(typed: string, abs: string, sub: string): string {
  const suffix = abs.slice(sub.length);
  return suffix && typed.endsWith(suffix) ? typed.slice(0, typed.length - suffix.length) : sub === abs ? typed : sub;
}

const RMDIR = defineArgs({
  prog: 'rmdir',
  help: { usage: 'rmdir [OPTION]... DIRECTORY...', description: 'Remove the DIRECTORY(ies), if they are empty.' },
  options: [
    { long: 'ignore-fail-on-non-empty', help: 'ignore each failure that is solely because a directory is non-empty' },
    { short: 'p', long: 'parents', help: 'remove DIRECTORY and its ancestors' },
    { short: 'v', long: 'verbose', help: 'output a diagnostic for every directory processed' },
    { long: 'help' },
  ],
});

export const rmdir = defineCommand({
  name: 'rmdir',
  dir: '/bin',
  summary: 'remove empty directories',
  usage: 'rmdir [OPTION]... DIRECTORY...',
  args: RMDIR,
  run(ctx) {
    const a = ctx.parsed;
    if (!a.operands.length) return { stdout: '', stderr: missingOperand('rmdir'), exitCode: 1 };
    const out = new Output();
    for (const d of a.operands) {
      const chain = [d];
      if (a.has('parents')) for (let x = d.replace(/\/+$/, ''); x.includes('/'); ) chain.push((x = x.slice(0, x.lastIndexOf('/'))));
      for (const name of chain.filter(Boolean)) {
        const abs = normalizePath(name, ctx.frame.cwd);
        const e = entryAt(ctx.world, ctx.host, abs);
        if (a.has('verbose')) out.out(`rmdir: removing directory, ${q(name)}\n`);
        let why = '';
        if (!e?.node) why = STRERROR.ENOENT;
        else if (e.node.type !== 'dir') why = STRERROR.ENOTDIR;
        else if (isMountPoint(ctx.host, abs)) why = STRERROR.EBUSY;
        else if (Object.keys(e.node.children).length) why = a.has('ignore-fail-on-non-empty') ? '-' : STRERROR.ENOTEMPTY;
        if (why === '-') break;
        if (why) {
          out.err(`rmdir: failed to remove ${q(name)}: ${why}\n`, 1);
          break;
        }
        unlinkEntry(ctx.world, ctx.host, abs);
      }
    }
    return out.done();
  },
});

const TOUCH = defineArgs({
  prog: 'touch',
  help: { usage: 'touch [OPTION]... FILE...', description: "Update the access and modification times of each FILE to the current time.\n\nA FILE argument that does not exist is created empty, unless -c is supplied." },
  options: [
    { short: 'a', help: 'change only the access time' },
    { short: 'c', long: 'no-create', help: 'do not create any files' },
    { short: 'm', help: 'change only the modification time' },
    { long: 'help' },
  ],
});

export const touch = defineCommand({
  name: 'touch',
  dir: '/bin',
  summary: 'change file timestamps (create empty files)',
  usage: 'touch [OPTION]... FILE...',
  args: TOUCH,
  run(ctx) {
    const a = ctx.parsed;
    if (!a.operands.length) return { stdout: '', stderr: `touch: missing file operand\nTry \`touch --help' for more information.\n`, exitCode: 1 };
    const out = new Output();
    for (const f of a.operands) {
      const abs = normalizePath(f, ctx.frame.cwd);
      const n = lookup(ctx.world, ctx.host, abs);
      if (n.ok) {
        if (!a.has('a') || a.has('m')) n.value.mtimeMs = ctx.world.clockMs;
        continue;
      }
      if (a.has('no-create')) continue;
      const r = n.error === 'ENOENT' ? place(ctx.world, ctx.host, abs, { type: 'file', mode: 0o644, mtimeMs: ctx.world.clockMs, content: '' }) : n;
      if (!r.ok) out.err(`touch: cannot touch ${q(f)}: ${r.error === 'ENOTDIR' ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`, 1);
    }
    return out.done();
  },
});

const LN = defineArgs({
  prog: 'ln',
  help: { usage: 'ln [OPTION]... [-T] TARGET LINK_NAME   (1st form)\n  or:  ln [OPTION]... TARGET                  (2nd form)\n  or:  ln [OPTION]... TARGET... DIRECTORY     (3rd form)', description: 'Create a link to TARGET with the name LINK_NAME.' },
  options: [
    { short: 'f', long: 'force', help: 'remove existing destination files' },
    { short: 'n', long: 'no-dereference', help: 'treat LINK_NAME as a normal file if it is a symbolic link to a directory' },
    { short: 's', long: 'symbolic', help: 'make symbolic links instead of hard links' },
    { short: 'v', long: 'verbose', help: 'print name of each linked file' },
    { long: 'help' },
  ],
});

export const ln = defineCommand({
  name: 'ln',
  dir: '/bin',
  summary: 'make links between files',
  usage: 'ln [OPTION]... TARGET... DIRECTORY',
  args: LN,
  run(ctx) {
    const a = ctx.parsed;
    const ops = a.operands;
    if (!ops.length) return { stdout: '', stderr: `ln: missing file operand\nTry \`ln --help' for more information.\n`, exitCode: 1 };
    const sym = a.has('symbolic');
    const out = new Output();
    const destGiven = ops.length > 1 ? ops[ops.length - 1]! : '.';
    const targets = ops.length > 1 ? ops.slice(0, -1) : ops;
    const destAbs = normalizePath(destGiven, ctx.frame.cwd);
    const destNode = lookup(ctx.world, ctx.host, destAbs, '/', a.has('no-dereference'));
    const intoDir = destNode.ok && destNode.value.type === 'dir';
    if (targets.length > 1 && !intoDir) return { stdout: '', stderr: `ln: target ${q(destGiven)} is not a directory\n`, exitCode: 1 };
    for (const t of targets) {
      const base = t.replace(/\/+$/, '').slice(t.replace(/\/+$/, '').lastIndexOf('/') + 1);
      const link = intoDir ? (ops.length > 1 ? `${destGiven.replace(/\/$/, '')}/${base}` : base) : destGiven;
      const linkAbs = normalizePath(link, ctx.frame.cwd);
      const kind = sym ? 'symbolic link' : 'hard link';
      const shownPair = sym ? q(link) : `${q(link)} => ${q(t)}`;
      let src: FsNode | null = null;
      if (!sym) {
        const s = lookup(ctx.world, ctx.host, t, ctx.frame.cwd);
        if (!s.ok) {
          out.err(`ln: accessing ${q(t)}: ${STRERROR.ENOENT}\n`, 1);
          continue;
        }
        if (s.value.type === 'dir') {
          out.err(`ln: ${q(t)}: hard link not allowed for directory\n`, 1);
          continue;
        }
        src = s.value;
      }
      const existing = entryAt(ctx.world, ctx.host, linkAbs);
      if (!existing) {
        out.err(`ln: creating ${kind} ${shownPair}: ${STRERROR.ENOENT}\n`, 1);
        continue;
      }
      if (existing.node) {
        if (!a.has('force')) {
          out.err(`ln: creating ${kind} ${shownPair}: ${STRERROR.EEXIST}\n`, 1);
          continue;
        }
        if (existing.node.type === 'dir') {
          out.err(`ln: cannot remove ${q(link)}: ${STRERROR.EISDIR}\n`, 1);
          continue;
        }
        unlinkEntry(ctx.world, ctx.host, linkAbs);
      }
      // The VFS has no inodes shared between names: a hard link is stored as a copy.
      const r = sym ? symlink(ctx.world, ctx.host, t, linkAbs) : place(ctx.world, ctx.host, linkAbs, cloneNode(src!, src!.mtimeMs, true));
      if (!r.ok) {
        out.err(`ln: creating ${kind} ${shownPair}: ${STRERROR.ENOENT}\n`, 1);
        continue;
      }
      if (a.has('verbose')) out.out(`${q(link)} ${sym ? '->' : '=>'} ${q(t)}\n`);
    }
    return out.done();
  },
});

const RM = defineArgs({
  prog: 'rm',
  help: { usage: 'rm [OPTION]... FILE...', description: 'Remove (unlink) the FILE(s).' },
  options: [
    { short: 'f', long: 'force', help: 'ignore nonexistent files, never prompt' },
    { short: 'i', help: 'prompt before every removal' },
    { short: 'I', help: 'prompt once before removing more than three files, or when removing recursively' },
    { long: 'no-preserve-root', help: 'do not treat `/\' specially' },
    { long: 'preserve-root', help: 'do not remove `/\' (default)' },
    { short: 'r', long: 'recursive', key: 'recursive', help: 'remove directories and their contents recursively' },
    { short: 'R', key: 'recursive' },
    { short: 'v', long: 'verbose', help: 'explain what is being done' },
    { long: 'help' },
  ],
});

export const rm = defineCommand({
  name: 'rm',
  dir: '/bin',
  summary: 'remove files or directories',
  usage: 'rm [OPTION]... FILE...',
  args: RM,
  run(ctx) {
    const a = ctx.parsed;
    const force = a.last('force', 'i', 'I') === 'force';
    if (!a.operands.length) return force ? ok() : { stdout: '', stderr: missingOperand('rm'), exitCode: 1 };
    const recursive = a.has('recursive');
    const verbose = a.has('verbose');
    if (a.last('force', 'i', 'I') === 'i') return { ...ok(), program: confirmProgram(a.operands.map((f) => rmAsk(ctx, f, recursive, verbose, a.has('no-preserve-root')))) };
    const out = new Output();
    for (const f of a.operands) {
      const abs = normalizePath(f, ctx.frame.cwd);
      if (recursive && abs === '/' && !a.has('no-preserve-root')) {
        out.err("rm: it is dangerous to operate recursively on `/'\nrm: use --no-preserve-root to override this failsafe\n", 1);
        continue;
      }
      const lastComp = f.replace(/\/+$/, '').split('/').pop();
      if (lastComp === '.' || lastComp === '..') {
        out.err(`rm: cannot remove directory: ${q(f)}\n`, 1);
        continue;
      }
      const e = entryAt(ctx.world, ctx.host, abs);
      if (!e?.node) {
        if (!force) out.err(`rm: cannot remove ${q(f)}: ${e === null && lookup(ctx.world, ctx.host, dirname(abs)).ok ? STRERROR.ENOTDIR : STRERROR.ENOENT}\n`, 1);
        continue;
      }
      if (e.node.type === 'dir' && !recursive) {
        out.err(`rm: cannot remove ${q(f)}: ${STRERROR.EISDIR}\n`, 1);
        continue;
      }
      removeTree(ctx, abs, f, e.node, verbose, out, 0);
    }
    return out.done();
  },
});

/** What `rm -i` asks about a file, a link or a directory (`rm: remove regular file `x'? `). */
function describe(node: FsNode): string {
  if (node.type === 'dir') return 'directory';
  if (node.type === 'link') return 'symbolic link';
  return node.content === '' && !node.sizeBytes ? 'regular empty file' : 'regular file';
}

/** One operand of `rm -i`: errors at once, else a question; `-ri` descends asking as it goes. */
function rmAsk(ctx: CommandContext, shown: string, recursive: boolean, verbose: boolean, noPreserveRoot: boolean): ConfirmStep {
  const abs = normalizePath(shown, ctx.frame.cwd);
  const error = (msg: string): ConfirmStep => ({ yes: () => ({ err: msg, failed: true }) });
  if (recursive && abs === '/' && !noPreserveRoot) return error("rm: it is dangerous to operate recursively on `/'\nrm: use --no-preserve-root to override this failsafe\n");
  const lastComp = shown.replace(/\/+$/, '').split('/').pop();
  if (lastComp === '.' || lastComp === '..') return error(`rm: cannot remove directory: ${q(shown)}\n`);
  const e = entryAt(ctx.world, ctx.host, abs);
  if (!e?.node) return error(`rm: cannot remove ${q(shown)}: ${STRERROR.ENOENT}\n`);
  const node = lookup(ctx.world, ctx.host, abs, '/', true);
  const n = node.ok ? node.value : e.node;
  if (n.type === 'dir' && !recursive) return error(`rm: cannot remove ${q(shown)}: ${STRERROR.EISDIR}\n`);
  const removeIt = () => {
    if (isMountPoint(ctx.host, abs)) return { err: `rm: cannot remove ${q(shown)}: ${STRERROR.EBUSY}\n`, failed: true };
    const now = lookup(ctx.world, ctx.host, abs, '/', true);
    if (now.ok && now.value.type === 'dir' && Object.keys(now.value.children).length) return { err: `rm: cannot remove ${q(shown)}: ${STRERROR.ENOTEMPTY}\n`, failed: true };
    unlinkEntry(ctx.world, ctx.host, abs);
    return { out: verbose ? (n.type === 'dir' ? `removed directory: ${q(shown)}\n` : `removed ${q(shown)}\n`) : '' };
  };
  if (n.type !== 'dir' || Object.keys(n.children).length === 0) return { prompt: `rm: remove ${describe(n)} ${q(shown)}? `, yes: removeIt };
  return {
    prompt: `rm: descend into directory ${q(shown)}? `,
    yes: () => ({
      then: [
        ...Object.keys(n.children)
          .sort()
          .map((c) => rmAsk(ctx, `${shown.replace(/\/+$/, '')}/${c}`, true, verbose, noPreserveRoot)),
        { prompt: `rm: remove directory ${q(shown)}? `, yes: removeIt },
      ],
    }),
  };
}

/**
 * Depth-first removal. Like the real rm, it descends into mounted file systems (emptying them:
 * there is no --one-file-system by default) but cannot remove the mount point itself (busy).
 */
function removeTree(ctx: CommandContext, abs: string, shown: string, node: FsNode, verbose: boolean, out: Output, depth: number): boolean {
  let all = true;
  if (node.type === 'dir' && depth < 64) {
    const dir = lookup(ctx.world, ctx.host, abs);
    const children = dir.ok && dir.value.type === 'dir' ? dir.value.children : node.children;
    for (const [name, child] of Object.entries(children)) {
      if (!removeTree(ctx, `${abs === '/' ? '' : abs}/${name}`, `${shown.replace(/\/+$/, '')}/${name}`, child, verbose, out, depth + 1)) all = false;
    }
  }
  if (isMountPoint(ctx.host, abs)) {
    out.err(`rm: cannot remove ${q(shown)}: ${STRERROR.EBUSY}\n`, 1);
    return false;
  }
  if (!all) return false;
  unlinkEntry(ctx.world, ctx.host, abs);
  if (verbose) out.out(node.type === 'dir' ? `removed directory: ${q(shown)}\n` : `removed ${q(shown)}\n`);
  return true;
}
