// Mounting and unmounting on a host, with OCFS2's rules (mount.ocfs2 1.8 / 1.4 order of checks):
// the device must exist and answer, carry an OCFS2 superblock, the cluster must be online (and
// heartbeating in global mode), the on-disk cluster must be the running one, the mount point must
// be a directory, and a slot must be free. Errors come back as the tools' exact text.
import { STRERROR, type Errno } from '../../errno';
import { lookup, normalizePath } from '../../vfs';
import { syslog } from '../../logs';
import { clusterOnline, heartbeatActive, localNodeNumber, o2cbNode } from './o2cb';
import { releaseSlot, takeSlot, volumeAtPath } from './ocfs2-volumes';
import { listBlockDevices, type BlockDevice } from '../san/block-devices';
import { allocPid } from '../../processes';
import type { HostState, Mount, WorldState } from '../../types';
import type { Ocfs2Volume } from './ocfs2-types';

export type MountOutcome = { ok: true; mount: Mount } | { ok: false; stderr: string; exitCode: number };

const fail = (stderr: string, exitCode = 1): MountOutcome => ({ ok: false, stderr, exitCode });

/** The volume mounted at a host mount entry, if it is OCFS2. */
export function volumeOfMount(world: WorldState, m: Mount): Ocfs2Volume | undefined {
  if (m.fsType !== 'ocfs2') return undefined;
  return Object.values(world.ocfs2?.volumes ?? {}).find((v) => v.fsId === m.fsId);
}

/** Hosts that have a volume mounted (any mount point), in host order. */
export function hostsMounting(world: WorldState, vol: Ocfs2Volume): string[] {
  return Object.values(world.hosts)
    .filter((h) => h.mounts.some((m) => m.fsId === vol.fsId))
    .map((h) => h.name);
}

/** Whether another holder keeps the block device open exclusively (multipath over a path disk). */
export function deviceHeldByMultipath(world: WorldState, host: string, dev: BlockDevice): boolean {
  if (dev.kind !== 'disk' && dev.kind !== 'part') return false;
  return listBlockDevices(world, host).some((d) => d.kind === 'mpath' && d.mediumKey === dev.mediumKey);
}

/** The `(major,minor)` the kernel names a device by in its OCFS2 messages. */
const devNum = (d: BlockDevice): string => `(${d.major},${d.minor})`;

/** A pid-ish number for kernel log lines `(mount.ocfs2,PID,CPU)`: from the host's pid counter. */
function procTag(world: WorldState, host: HostState): string {
  void world;
  return `(mount.ocfs2,${allocPid(host)},${host.cpu.sockets > 1 ? 1 : 0})`;
}

export interface Ocfs2MountRequest {
  device: string;
  dir: string;
  /** `-o` options as given (comma list split), without heartbeat= (added here). */
  options: string[];
  cwd: string;
}

/** mount -t ocfs2 / mount.ocfs2: every check in the order the real helper makes them. */
export function mountOcfs2(world: WorldState, host: HostState, req: Ocfs2MountRequest): MountOutcome {
  const v14 = host.release === 'ovm22';
  const p = 'mount.ocfs2: ';
  const { dev, vol } = volumeAtPath(world, host.name, req.device, req.cwd);
  if (!dev) return fail(`${p}Device name specified was not found while opening device ${req.device}\n`);
  if (!dev.visible) return fail(`${p}I/O error on channel while opening device ${req.device}\n`);
  if (!vol) return fail(`${p}Bad magic number in superblock while opening device ${req.device}\n`);

  if (!vol.local) {
    if (!clusterOnline(world, host.name)) {
      return fail(v14 ? `${p}Unable to access cluster service Cannot initialize cluster\n` : `${p}Unable to access cluster service while trying initialize cluster\n`);
    }
  }
  const dir = normalizePath(req.dir, req.cwd);
  const st = lookup(world, host, dir);
  if (!st.ok) return fail(`${p}mount directory ${req.dir} does not exist\n`);
  if (st.value.type !== 'dir') return fail(`${p}mount directory ${req.dir} is not a directory\n`);

  const running = o2cbNode(world, host.name).running;
  if (!vol.local && vol.clusterInfo && running && vol.clusterInfo.name !== running.name) {
    // The superblock names another cluster (a LUN moved from another pool: seed 000).
    return fail(`${p}Invalid name for a cluster while trying to join the group\n`);
  }
  const kernelFail = (errno: Errno, klines: string[]): MountOutcome => {
    if (klines.length) syslog(world, host, 'kernel', ...klines);
    const text = STRERROR[errno];
    return fail(v14 ? `${p}${text} while mounting ${req.device} on ${req.dir}\n` : `${p}${text} while mounting ${req.device} on ${req.dir}. Check 'dmesg' for more information on this error.\n`);
  };
  if (deviceHeldByMultipath(world, host.name, dev) || host.mounts.some((m) => m.fsId === vol.fsId)) {
    return kernelFail('EBUSY', []);
  }
  const tag = procTag(world, host);
  if (!vol.local && running?.heartbeatMode === 'global' && !heartbeatActive(world, host.name)) {
    return kernelFail('ENOTCONN', [
      `o2hb: No heartbeat region is active on node ${localNodeNumber(world, host.name) ?? 0}`,
      `${tag}:dlm_join_domain:1859 ERROR: status = -107`,
      `${tag}:ocfs2_dlm_init:3083 ERROR: status = -107`,
      `${tag}:ocfs2_mount_volume:1873 ERROR: status = -107`,
      `ocfs2: Unmounting device ${devNum(dev)} on (node ${localNodeNumber(world, host.name) ?? 0})`,
    ]);
  }
  const slot = takeSlot(vol, host.name);
  if (slot === null) {
    return kernelFail('EINVAL', [
      `${tag}:ocfs2_find_slot:492 ERROR: no free slots available!`,
      `${tag}:ocfs2_mount_volume:1897 ERROR: status = -22`,
      `ocfs2: Unmounting device ${devNum(dev)} on (node ${localNodeNumber(world, host.name) ?? 0})`,
    ]);
  }

  const node = localNodeNumber(world, host.name) ?? 0;
  const members = liveMembers(world, vol, host.name);
  syslog(world, host, 'kernel',
    v14 ? `ocfs2_dlm: Nodes in domain ("${vol.uuid}"): ${members.join(' ')} ` : `o2dlm: Joining domain ${vol.uuid} ( ${members.join(' ')} ) ${members.length} node${members.length === 1 ? '' : 's'}`,
    `ocfs2: Mounting device ${devNum(dev)} on (node ${node}, slot ${slot}) with ordered data mode.`,
  );
  const hb = vol.local ? 'heartbeat=none' : running?.heartbeatMode === 'global' ? 'heartbeat=global' : 'heartbeat=local';
  const flags = req.options.filter((o) => o && o !== 'defaults' && o !== 'rw' && o !== '_netdev' && !o.startsWith('heartbeat='));
  const ro = flags.includes('ro');
  const options = [ro ? 'ro' : 'rw', ...flags.filter((o) => o !== 'ro'), ...(vol.local ? [] : ['_netdev']), hb].join(',');
  // mtab keeps the name the device was mounted by: OVM 2.2 shows /dev/mpath/<alias>p1 (repos.py's
  // source) in df and mount, not the dm-N its symlink points to.
  const device = normalizePath(req.device, req.cwd);
  const mount: Mount = { path: dir, fsId: vol.fsId, fsType: 'ocfs2', device, options };
  host.mounts.push(mount);
  return { ok: true, mount };
}

/** Node numbers that share the volume's DLM domain once this host joins (sorted). */
function liveMembers(world: WorldState, vol: Ocfs2Volume, joining: string): number[] {
  const nums = new Set<number>();
  for (const h of [...hostsMounting(world, vol), joining]) {
    const n = localNodeNumber(world, h);
    if (n !== null) nums.add(n);
  }
  return [...nums].sort((a, b) => a - b);
}

export type UmountOutcome = { ok: true; mount: Mount } | { ok: false; stderr: string; exitCode: number };

/** Why a mount is busy: a shell inside it, a running guest's disk on it, or the root. */
export type BusyCheck = (mount: Mount) => boolean;

/**
 * umount by mount point or device (util-linux 2.17 wording). `busy` tells whether something
 * holds the file system (shells' working directories, running guests): the caller knows them.
 */
export function umountTarget(world: WorldState, host: HostState, target: string, cwd: string, busy: BusyCheck): UmountOutcome {
  const abs = target.startsWith('/') || target.startsWith('.') ? normalizePath(target, cwd) : target;
  // The last mount wins (mounts stack), like the kernel.
  let idx = -1;
  for (let i = host.mounts.length - 1; i >= 0; i--) {
    const m = host.mounts[i]!;
    if (m.path === abs || m.device === target || m.device === abs) {
      idx = i;
      break;
    }
  }
  if (idx < 0) {
    const exists = lookup(world, host, abs);
    return { ok: false, stderr: exists.ok ? `umount: ${target}: not mounted\n` : `umount: ${target}: not found\n`, exitCode: 1 };
  }
  const m = host.mounts[idx]!;
  if (m.path === '/' || busy(m)) {
    return {
      ok: false,
      stderr: `umount: ${m.path}: device is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n`,
      exitCode: 1,
    };
  }
  host.mounts.splice(idx, 1);
  const vol = volumeOfMount(world, m);
  if (vol) {
    releaseSlot(vol, host.name);
    const dev = volumeAtPath(world, host.name, m.device).dev;
    syslog(world, host, 'kernel', `ocfs2: Unmounting device ${dev ? devNum(dev) : '(0,0)'} on (node ${localNodeNumber(world, host.name) ?? 0})`);
  }
  return { ok: true, mount: m };
}
