// Reading and saving files for the editors and pagers, through the host's VFS, so that a saved
// /etc/multipath.conf or vm.cfg is what the rest of the system reads next.
import { STRERROR } from '../sim/errno';
import { lookup, writeFile, type FsError } from '../sim/vfs';
import type { HostState } from '../sim/types';
import type { ProgramHost } from './program';

/** A file the command line named: absolute path for the VFS, and the name as typed (for messages). */
export interface FileArg {
  path: string;
  display: string;
}

export type Opened =
  | { kind: 'file'; content: string }
  | { kind: 'new'; dirMissing: boolean }
  | { kind: 'dir' }
  | { kind: 'error'; error: FsError };

export function hostOf(host: ProgramHost): HostState {
  const h = host.sim.world.hosts[host.hostName];
  if (!h) throw new Error(`host ${host.hostName} missing`);
  return h;
}

export function openFile(host: ProgramHost, path: string): Opened {
  const world = host.sim.world;
  const h = hostOf(host);
  const n = lookup(world, h, path);
  if (n.ok) {
    if (n.value.type === 'dir') return { kind: 'dir' };
    if (n.value.type === 'file') return { kind: 'file', content: n.value.content };
    return { kind: 'error', error: 'EINVAL' };
  }
  if (n.error !== 'ENOENT') return { kind: 'error', error: n.error };
  const parent = lookup(world, h, path.slice(0, path.lastIndexOf('/')) || '/');
  return { kind: 'new', dirMissing: !parent.ok || parent.value.type !== 'dir' };
}

export type Saved = { ok: true; created: boolean } | { ok: false; error: FsError };

export function saveFile(host: ProgramHost, path: string, content: string): Saved {
  const world = host.sim.world;
  const h = hostOf(host);
  const before = lookup(world, h, path);
  if (before.ok && before.value.type === 'dir') return { ok: false, error: 'EISDIR' };
  const r = writeFile(world, h, path, content);
  return r.ok ? { ok: true, created: !before.ok } : { ok: false, error: r.error };
}

export const errorText = (e: FsError): string => STRERROR[e];

/** Bytes in UTF-8, as editors count characters written. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** Splits file content into lines; `eol` tells whether the last line ended with a newline. */
export function splitLines(content: string): { lines: string[]; eol: boolean } {
  if (content === '') return { lines: [''], eol: true };
  const eol = content.endsWith('\n');
  const lines = (eol ? content.slice(0, -1) : content).split('\n');
  return { lines, eol };
}
