// `mount -t ntfs-3g -o loop,offset=N image dir` on dom0: a Windows guest's image, its first
// partition at offset N, mounted through a loop device by the ntfs-3g helper (FUSE, type fuseblk).
import { lookup, normalizePath, realPath } from '../vfs';
import { ntfsFsId, PARTITION_OFFSET } from './windows-volume';
import type { HostState, Mount, WorldState } from '../types';

export type LoopMountOutcome = { ok: true; mount: Mount } | { ok: false; stderr: string; exitCode: number };

const fail = (stderr: string, exitCode = 32): LoopMountOutcome => ({ ok: false, stderr, exitCode });

/**
 * The ntfs-3g package's library (EPEL's ntfs-3g 2017.3.23): present when a lab installs the package.
 * /sbin is generated from the command table, so its helper (/sbin/mount.ntfs-3g) is inferred from this file.
 */
export const NTFS_3G_LIBRARY = '/usr/lib64/libntfs-3g.so.88';

/** mount(8) finds a helper for ntfs-3g (and ntfs, which the package links to it) once ntfs-3g is installed. */
export const hasMountHelper = (world: WorldState, host: HostState): boolean => lookup(world, host, NTFS_3G_LIBRARY).ok;

/** The first loop device no mount of this host uses. */
function freeLoop(host: HostState): string {
  for (let i = 0; ; i++) if (!host.mounts.some((m) => m.device === `/dev/loop${i}`)) return `/dev/loop${i}`;
}

/** The loop device a dom0 mount holds this image through, if any (xend's block script refuses such an image). */
export function dom0LoopOf(world: WorldState, host: HostState, imagePath: string): string | null {
  const r = realPath(world, host, imagePath);
  const id = ntfsFsId(r.ok ? r.value : imagePath);
  return host.mounts.find((m) => m.fsId === id)?.device ?? null;
}

export interface LoopMountRequest {
  image: string;
  dir: string;
  options: string[];
  cwd: string;
}

/** The checks in the order mount(8), losetup and ntfs-3g make them, then the mount (ntfs-3g's exit codes: 12 not NTFS, 14 unsafe). */
export function mountNtfsImage(world: WorldState, host: HostState, req: LoopMountRequest): LoopMountOutcome {
  const node = lookup(world, host, req.image, req.cwd);
  if (!node.ok) return fail(`mount: special device ${req.image} does not exist\n`);
  if (!req.options.includes('loop')) return fail(`mount: ${req.image} is not a block device (maybe try \`-o loop'?)\n`);
  const dir = normalizePath(req.dir, req.cwd);
  const st = lookup(world, host, dir);
  if (!st.ok) return fail(`mount: mount point ${req.dir} does not exist\n`);
  if (st.value.type !== 'dir') return fail(`mount: mount point ${req.dir} is not a directory\n`);
  const loop = freeLoop(host);
  const real = realPath(world, host, req.image, req.cwd);
  const image = real.ok ? real.value : normalizePath(req.image, req.cwd);
  const fsId = ntfsFsId(image);
  const offset = req.options.find((o) => o.startsWith('offset='))?.slice(7);
  if (!world.filesystems[fsId] || Number(offset) !== PARTITION_OFFSET) {
    return fail(
      `NTFS signature is missing.\nFailed to mount '${loop}': Invalid argument\nThe device '${loop}' doesn't seem to have a valid NTFS.\nMaybe the wrong device is used? Or the whole disk instead of a\npartition (e.g. /dev/sda, not /dev/sda1)? Or the other way around?\n`,
      12,
    );
  }
  if (host.mounts.some((m) => m.fsId === fsId)) return fail(`mount: ${req.image} is already mounted\n`);
  const inUse = Object.values(world.domains).some((d) => d.domid !== null && d.host !== null && d.disks.some((v) => v.path === image || v.path === normalizePath(req.image, req.cwd)));
  if (inUse) {
    return fail(
      `The disk contains an unclean file system (0, 0).\nMetadata kept in Windows cache, refused to mount.\nFailed to mount '${loop}': Operation not permitted\nThe NTFS partition is in an unsafe state. Please resume and shutdown\nWindows fully (no hibernation or fast restarting), or mount the volume\nread-only with the 'ro' mount option.\n`,
      14,
    );
  }
  const mount: Mount = { path: dir, fsId, fsType: 'fuseblk', device: loop, options: 'rw,nosuid,nodev,allow_other,blksize=4096' };
  host.mounts.push(mount);
  return { ok: true, mount };
}
