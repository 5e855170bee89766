// The virtual file system of each host: one tree per file system, mounted by path on hosts.
// A shared file system (an OCFS2 repository) is one tree mounted on several hosts, so every
// host sees the same bytes. Pure functions over WorldState; errors are values (errno names).
import { setOwn } from '../lib/own';
import type { Errno } from './errno';
import type { FsNode, HostState, Mount, WorldState } from './types';

/** The errnos a file system operation fails with; sim/errno.ts's STRERROR words them. */
export type FsError = Extract<Errno, 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'ELOOP' | 'EACCES'>;
export type FsResult<T> = { ok: true; value: T } | { ok: false; error: FsError };

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const fail = (error: FsError): FsResult<never> => ({ ok: false, error });

/**
 * Trees generated from the world on every access (/proc …), by mount path; sim/proc
 * registers them. `write` accepts writes into the tree (e.g. a rescan trigger); without it the
 * tree is read-only (EACCES).
 */
export interface GeneratedTree {
  build(world: WorldState, host: HostState): FsNode;
  write?(world: WorldState, host: HostState, relPath: string, content: string): FsResult<null>;
}
const GENERATED = new Map<string, GeneratedTree>();
export function registerGeneratedTree(path: string, tree: GeneratedTree): void {
  GENERATED.set(path, tree);
}
function generatedFor(absPath: string): [string, GeneratedTree] | undefined {
  for (const entry of GENERATED) if (absPath === entry[0] || absPath.startsWith(entry[0] + '/')) return entry;
  return undefined;
}

export const rootFsId = (host: string): string => `root:${host}`;

export function newDir(mtimeMs: number, mode = 0o755): Extract<FsNode, { type: 'dir' }> {
  return { type: 'dir', mode, mtimeMs, children: {} };
}

/** Normalises `path` against `cwd`: resolves `.`/`..`, collapses slashes. Always absolute. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

export const dirname = (path: string): string => {
  const n = normalizePath(path);
  const i = n.lastIndexOf('/');
  return i <= 0 ? '/' : n.slice(0, i);
};
export const basename = (path: string): string => {
  const n = normalizePath(path);
  return n.slice(n.lastIndexOf('/') + 1);
};

/** The mount whose path is the longest prefix of `path` on this host. */
export function mountFor(host: HostState, path: string): Mount {
  let best: Mount | undefined;
  for (const m of host.mounts) {
    const inside = m.path === '/' || path === m.path || path.startsWith(m.path + '/');
    if (inside && (!best || m.path.length > best.path.length)) best = m;
  }
  if (!best) throw new Error(`host ${host.name} has no root mount`);
  return best;
}

interface Located {
  fs: FsNode;
  /** Path components inside that file system. */
  parts: string[];
  mount: Mount;
}

function locate(world: WorldState, host: HostState, absPath: string): Located {
  const gen = generatedFor(absPath);
  if (gen) return { fs: gen[1].build(world, host), parts: absPath.slice(gen[0].length).split('/').filter(Boolean), mount: { path: gen[0], fsId: `gen:${gen[0]}`, fsType: 'proc', device: 'proc', options: 'rw' } };
  const mount = mountFor(host, absPath);
  const rel = mount.path === '/' ? absPath : absPath.slice(mount.path.length);
  const fs = world.filesystems[mount.fsId];
  if (!fs) throw new Error(`file system ${mount.fsId} missing`);
  return { fs, parts: rel.split('/').filter(Boolean), mount };
}

/**
 * Resolves a path to its node, following symbolic links (also in the last component unless
 * `noFollow`). Links are resolved against the host's whole namespace, so they may cross mounts.
 */
export function lookup(world: WorldState, host: HostState, path: string, cwd = '/', noFollow = false): FsResult<FsNode> {
  const r = resolveReal(world, host, normalizePath(path, cwd), noFollow, 0);
  return r.ok ? ok(r.value.node) : r;
}

/** The canonical absolute path of `path` after following links (like `realpath`). */
export function realPath(world: WorldState, host: HostState, path: string, cwd = '/'): FsResult<string> {
  const r = resolveReal(world, host, normalizePath(path, cwd), false, 0);
  return r.ok ? ok(r.value.path) : r;
}

function resolveReal(
  world: WorldState,
  host: HostState,
  abs: string,
  noFollow: boolean,
  depth: number,
): FsResult<{ node: FsNode; path: string }> {
  if (depth > 16) return fail('ELOOP');
  const parts = abs.split('/').filter(Boolean);
  let done = '/';
  // Walked one component at a time, starting again only where a file system is mounted (or a
  // generated tree begins): the same node `locate` would find for each prefix, without walking
  // every prefix again from its root (paths are resolved thousands of times building a world).
  let node: FsNode = locate(world, host, '/').fs;
  for (let i = 0; ; i++) {
    if (node.type === 'link' && !(noFollow && i === parts.length)) {
      const target = normalizePath(node.target, dirname(done));
      const rest = parts.slice(i).join('/');
      return resolveReal(world, host, normalizePath(rest, target), noFollow, depth + 1);
    }
    if (i === parts.length) return ok({ node, path: done });
    if (node.type !== 'dir') return fail('ENOTDIR');
    const name = parts[i]!;
    done = done === '/' ? `/${name}` : `${done}/${name}`;
    const gen = generatedFor(done);
    const startsHere = gen ? gen[0] === done : host.mounts.some((m) => m.path === done);
    // Where a tree starts, `locate` gives its root (no components left inside it).
    const next: FsNode | undefined = startsHere ? locate(world, host, done).fs : Object.hasOwn(node.children, name) ? node.children[name] : undefined;
    if (!next) return fail('ENOENT');
    node = next;
  }
}

/** The directory that would contain `path`, and the entry name in it. */
function parentOf(world: WorldState, host: HostState, abs: string): FsResult<{ dir: Extract<FsNode, { type: 'dir' }>; name: string }> {
  const name = basename(abs);
  if (!name) return fail('EINVAL');
  const dir = lookup(world, host, dirname(abs));
  if (!dir.ok) return dir;
  if (dir.value.type !== 'dir') return fail('ENOTDIR');
  return ok({ dir: dir.value, name });
}

export function readFile(world: WorldState, host: HostState, path: string, cwd = '/'): FsResult<string> {
  const n = lookup(world, host, path, cwd);
  if (!n.ok) return n;
  if (n.value.type === 'dir') return fail('EISDIR');
  return n.value.type === 'file' ? ok(n.value.content) : fail('EINVAL');
}

/** Calls of writeFile so far, in any world: the lab host re-evaluates after a line whose redirections wrote. */
let writes = 0;
export const writeCount = (): number => writes;

/** Creates or replaces a file's content (like `>`); with `append`, adds to it (like `>>`). */
export function writeFile(world: WorldState, host: HostState, path: string, content: string, cwd = '/', append = false): FsResult<null> {
  writes++;
  const abs = normalizePath(path, cwd);
  const real = realPath(world, host, abs);
  const gen = generatedFor(real.ok ? real.value : abs);
  if (gen) return gen[1].write ? gen[1].write(world, host, (real.ok ? real.value : abs).slice(gen[0].length), content) : fail('EACCES');
  const existing = lookup(world, host, abs);
  if (existing.ok) {
    const node = existing.value;
    if (node.type === 'dir') return fail('EISDIR');
    if (node.type === 'file') {
      node.content = append ? node.content + content : content;
      node.mtimeMs = world.clockMs;
      delete node.sizeBytes;
      return ok(null);
    }
  }
  const parent = parentOf(world, host, abs);
  if (!parent.ok) return parent;
  setOwn(parent.value.dir.children, parent.value.name, { type: 'file', mode: 0o644, mtimeMs: world.clockMs, content });
  parent.value.dir.mtimeMs = world.clockMs;
  return ok(null);
}

/** `mkdir` (with `parents`, `mkdir -p`: no error if it exists, creates missing parents). */
export function mkdir(world: WorldState, host: HostState, path: string, cwd = '/', parents = false): FsResult<null> {
  const abs = normalizePath(path, cwd);
  const existing = lookup(world, host, abs);
  if (existing.ok) return parents && existing.value.type === 'dir' ? ok(null) : fail('EEXIST');
  if (parents && abs !== '/') {
    const up = mkdir(world, host, dirname(abs), '/', true);
    if (!up.ok) return up;
  }
  const parent = parentOf(world, host, abs);
  if (!parent.ok) return parent;
  setOwn(parent.value.dir.children, parent.value.name, newDir(world.clockMs));
  parent.value.dir.mtimeMs = world.clockMs;
  return ok(null);
}

/** Removes a file, link or (with `recursive`, or when empty) a directory. */
export function remove(world: WorldState, host: HostState, path: string, cwd = '/', recursive = false): FsResult<null> {
  const abs = normalizePath(path, cwd);
  if (host.mounts.some((m) => m.path === abs)) return fail('EINVAL');
  const parent = parentOf(world, host, abs);
  if (!parent.ok) return parent;
  const node = Object.hasOwn(parent.value.dir.children, parent.value.name) ? parent.value.dir.children[parent.value.name] : undefined;
  if (!node) return fail('ENOENT');
  if (node.type === 'dir' && !recursive && Object.keys(node.children).length) return fail('ENOTEMPTY');
  delete parent.value.dir.children[parent.value.name];
  parent.value.dir.mtimeMs = world.clockMs;
  return ok(null);
}

/** Places `node` at `path` (the parent must exist); used by cp/mv/ln and scenario builders. */
export function putNode(world: WorldState, host: HostState, path: string, node: FsNode, cwd = '/'): FsResult<null> {
  const parent = parentOf(world, host, normalizePath(path, cwd));
  if (!parent.ok) return parent;
  setOwn(parent.value.dir.children, parent.value.name, node);
  return ok(null);
}

/** Entries of a directory, sorted by name (byte order, as `ls` in the C locale). */
export function listDir(world: WorldState, host: HostState, path: string, cwd = '/'): FsResult<Array<[string, FsNode]>> {
  const n = lookup(world, host, path, cwd);
  if (!n.ok) return n;
  if (n.value.type !== 'dir') return fail('ENOTDIR');
  const entries = Object.entries(n.value.children);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ok(entries);
}

/** Size in bytes as `ls -l` shows it. */
export function nodeSize(node: FsNode): number {
  if (node.type === 'file') return node.sizeBytes ?? utf8Length(node.content);
  if (node.type === 'link') return node.target.length;
  return 4096;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
