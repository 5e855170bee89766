// Redirections: a command's fd table (> >> < 2> 2>&1 &> << <<< >&N to the VFS, /dev/null and
// /dev/tty), built before the command runs, and the stdout/stderr writers the table gives.
import { STRERROR } from '../sim/errno';
import { lookup, normalizePath, readFile, writeFile } from '../sim/vfs';
import { expandHereDoc, expandString, expandTarget, type ExpandEnv } from './expand';
import type { Redirect } from './parse';
import type { Sim } from '../sim/sim';
import type { Streams, Writer } from './streams';
import type { ShellFrame } from './types';

/** One command's file descriptors after its redirections. */
export type Sink = { kind: 'stream'; write: Writer; tty: boolean } | { kind: 'null' } | { kind: 'file'; abs: string } | { kind: 'closed' };

export type Redirected = { ok: true; table: Sink[]; stdin?: string } | { ok: false };

/**
 * Applies redirections in order to fds 0-2 (and up to 9); opens (creates, truncates) files now, as bash does.
 * `env` expands the targets; `tty` is the terminal, for `> /dev/tty`.
 */
export function applyRedirects(redirects: readonly Redirect[], frame: ShellFrame, streams: Streams, sim: Sim, env: ExpandEnv, tty: Writer): Redirected {
  const table: Sink[] = [{ kind: 'null' }, { kind: 'stream', write: streams.out, tty: streams.outIsTty }, { kind: 'stream', write: streams.err, tty: false }];
  let stdin: string | undefined;
  const world = sim.world;
  const host = world.hosts[frame.host]!;
  const fail = (msg: string) => {
    streams.err(`-bash: ${msg}\n`);
    return { ok: false as const };
  };
  for (const r of redirects) {
    // An expansion error in a here-document or a target propagates: it discards the line (executor.ts).
    if (r.op === '<<' || r.op === '<<-') {
      stdin = expandHereDoc(r.heredoc?.body ?? '', r.heredoc?.quoted ?? true, env);
      continue;
    }
    if (r.op === '<<<') {
      stdin = expandString(r.target, env) + '\n';
      continue;
    }
    const t = expandTarget(r.target, env);
    if (!t.ok) return fail(`${r.raw}: ${t.error}`);
    const target = t.path;
    const fd = r.fd ?? (r.op === '<' || r.op === '<&' || r.op === '<>' ? 0 : 1);
    // Duplicating (2>&1) copies the sink as it is now, so order matters as in bash.
    if ((r.op === '>&' || r.op === '<&') && /^\d+$|^-$/.test(target)) {
      if (target === '-') table[fd] = { kind: 'closed' };
      else {
        const src = table[Number(target)];
        if (!src || src.kind === 'closed') return fail(`${target}: ${STRERROR.EBADF}`);
        table[fd] = src;
      }
      continue;
    }
    if (r.op === '<' || r.op === '<&' || r.op === '<>') {
      if (target === '/dev/null' || target === '/dev/zero') {
        if (fd === 0) stdin = '';
        continue;
      }
      const content = readFile(world, host, target, frame.cwd);
      if (!content.ok && content.error !== 'EISDIR') return fail(`${target}: ${STRERROR[content.error]}`);
      if (fd === 0) stdin = content.ok ? content.value : '';
      continue;
    }
    // Output: > >> >| &> &>> >&file
    const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === null);
    const append = r.op === '>>' || r.op === '&>>';
    const sink = openOut(target, append, frame, table, sim, tty);
    if ('error' in sink) return fail(sink.error);
    if (both) table[1] = table[2] = sink;
    else table[fd] = sink;
  }
  return stdin === undefined ? { ok: true, table } : { ok: true, table, stdin };
}

/** Opens an output target: the /dev names map to sinks; a file is created or truncated now. */
function openOut(target: string, append: boolean, frame: ShellFrame, table: Sink[], sim: Sim, tty: Writer): Sink | { error: string } {
  if (target === '/dev/null') return { kind: 'null' };
  if (target === '/dev/stdout') return table[1]!;
  if (target === '/dev/stderr') return table[2]!;
  if (target === '/dev/tty') return { kind: 'stream', write: tty, tty: true };
  const world = sim.world;
  const host = world.hosts[frame.host]!;
  const abs = normalizePath(target, frame.cwd);
  const existing = lookup(world, host, abs);
  if (existing.ok && existing.value.type === 'dir') return { error: `${target}: ${STRERROR.EISDIR}` };
  if (!target) return { error: `: ${STRERROR.ENOENT}` };
  const w = append && existing.ok ? ({ ok: true } as const) : writeFile(world, host, abs, '', '/', append);
  if (!w.ok) return { error: `${target}: ${STRERROR[w.error]}` };
  return { kind: 'file', abs };
}

/** The stdout/stderr writers an fd table gives; `io.frame` is the session's top-level frame. */
export function toStreams(table: Sink[], io: { sim: Sim; frame: ShellFrame }): Streams {
  const writer = (s: Sink | undefined): Writer => {
    if (!s || s.kind === 'null' || s.kind === 'closed') return () => {};
    if (s.kind === 'stream') return s.write;
    return (text) => {
      if (!text) return;
      const world = io.sim.world;
      // The file was opened (created or truncated) before the command ran; writes append.
      writeFile(world, world.hosts[io.frame.host]!, s.abs, text, '/', true);
    };
  };
  const one = table[1];
  return { out: writer(one), err: writer(table[2]), outIsTty: one?.kind === 'stream' && one.tty };
}
