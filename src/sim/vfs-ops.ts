// File operations built on the VFS primitives, for cp, mv, ln, rm, find, du and stat: copying
// trees (also across mounts), moving, symbolic links, bounded walks, and the numbers `stat` and
// `ls -l` show (link counts, 1K blocks, stable inode numbers). Errors are values, as in vfs.ts.
import { setOwn } from '../lib/own';
import { basename, dirname, lookup, normalizePath, putNode, nodeSize, type FsResult } from './vfs';
import type { FsNode, HostState, WorldState } from './types';

type Dir = Extract<FsNode, { type: 'dir' }>;

/** Deepest directory nesting a walk or a copy descends (real trees here are shallow). */
export const MAX_DEPTH = 64;

/** A deep copy of a node; without `preserve`, every copied node gets time `now` (cp without -p). */
export function cloneNode(node: FsNode, now: number, preserve = false): FsNode {
  const mtimeMs = preserve ? node.mtimeMs : now;
  if (node.type === 'file') return { ...node, mtimeMs };
  if (node.type === 'link') return { ...node, mtimeMs };
  const children: Record<string, FsNode> = {};
  for (const [k, v] of Object.entries(node.children)) setOwn(children, k, cloneNode(v, now, preserve));
  return { type: 'dir', mode: node.mode, mtimeMs, children };
}

/** The directory entry at `abs` without following a final link (null if missing), and its parent. */
export function entryAt(world: WorldState, host: HostState, abs: string): { parent: Dir; name: string; node: FsNode | null } | null {
  const parent = lookup(world, host, dirname(abs));
  if (!parent.ok || parent.value.type !== 'dir') return null;
  const name = basename(abs);
  return { parent: parent.value, name, node: (Object.hasOwn(parent.value.children, name) ? parent.value.children[name] : null) ?? null };
}

/** Places a node at `abs`, touching the parent directory's time. */
export function place(world: WorldState, host: HostState, abs: string, node: FsNode): FsResult<null> {
  const r = putNode(world, host, abs, node);
  if (r.ok) {
    const parent = lookup(world, host, dirname(abs));
    if (parent.ok) parent.value.mtimeMs = world.clockMs;
  }
  return r;
}

/** Removes the entry at `abs` (no checks: callers decide what may go). */
export function unlinkEntry(world: WorldState, host: HostState, abs: string): boolean {
  const e = entryAt(world, host, abs);
  if (!e?.node) return false;
  delete e.parent.children[e.name];
  e.parent.mtimeMs = world.clockMs;
  return true;
}

/** Is `abs` a mount point on this host (cannot be removed or moved)? */
export const isMountPoint = (host: HostState, abs: string): boolean => host.mounts.some((m) => m.path === abs && m.path !== '/');

/** Is `inner` the same as or below `outer`? */
export const isInside = (inner: string, outer: string): boolean => inner === outer || outer === '/' || inner.startsWith(outer + '/');

export function symlink(world: WorldState, host: HostState, target: string, abs: string): FsResult<null> {
  return place(world, host, abs, { type: 'link', mode: 0o777, mtimeMs: world.clockMs, target });
}

export interface WalkEntry {
  /** The path as the walk shows it (built from the start path as given). */
  path: string;
  abs: string;
  node: FsNode;
  depth: number;
}

/**
 * Pre-order walk from `start` (shown as `shown`), not following links below the start, down to
 * `maxDepth`. Entries in name order. `visit` returning false skips a directory's children;
 * `postOrder` visits a directory after its children (`find -depth`, `du`).
 */
export function walk(world: WorldState, host: HostState, start: string, shown: string, maxDepth: number, visit: (e: WalkEntry) => boolean | void, postOrder = false): void {
  const root = lookup(world, host, start);
  if (!root.ok) return;
  const rec = (abs: string, path: string, node: FsNode, depth: number) => {
    if (!postOrder && visit({ path, abs, node, depth }) === false) return;
    if (node.type !== 'dir' || depth >= Math.min(maxDepth, MAX_DEPTH)) {
      if (postOrder) visit({ path, abs, node, depth });
      return;
    }
    const names = Object.keys(node.children).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const childAbs = abs === '/' ? `/${name}` : `${abs}/${name}`;
      let child = node.children[name]!;
      // Walk the tree in hand; only an empty directory may hide a mount or a generated tree.
      if (child.type === 'dir' && Object.keys(child.children).length === 0) {
        const mounted = lookup(world, host, childAbs);
        if (mounted.ok) child = mounted.value;
      }
      rec(childAbs, path.endsWith('/') ? path + name : `${path}/${name}`, child, depth + 1);
    }
    if (postOrder) visit({ path, abs, node, depth });
  };
  rec(normalizePath(start), shown, root.value, 0);
}

/** Link count as `ls -l` and `stat` show it: 2 + subdirectories for a directory, else 1. */
export function linkCount(node: FsNode): number {
  if (node.type !== 'dir') return 1;
  return 2 + Object.values(node.children).filter((c) => c.type === 'dir').length;
}

/** Allocated 512-byte blocks (ext4, 4 KiB blocks): what `stat` calls Blocks. */
export function blocks512(node: FsNode): number {
  if (node.type === 'dir') return 8;
  if (node.type === 'link') return 0;
  return Math.ceil(nodeSize(node) / 4096) * 8;
}

/** A stable inode number for a path (a hash: the same file shows the same number every time). */
export function inodeOf(abs: string): number {
  let h = 2166136261;
  for (let i = 0; i < abs.length; i++) h = Math.imul(h ^ abs.charCodeAt(i), 16777619) >>> 0;
  return abs === '/' ? 2 : 131073 + (h % 2_000_000);
}

/** Total 512-byte blocks of a tree (for `du`), bounded by MAX_DEPTH. */
export function treeBlocks(node: FsNode, depth = 0): number {
  if (node.type !== 'dir' || depth >= MAX_DEPTH) return blocks512(node);
  let sum = blocks512(node);
  for (const c of Object.values(node.children)) sum += treeBlocks(c, depth + 1);
  return sum;
}
