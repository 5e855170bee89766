// The /proc tree of a dom0, generated from the world on every read (registered with the VFS).
// Add a file with ONE line in PROC_FILES: path under /proc → its content for a host.
import { processTable } from '../processes';
import { newDir, registerGeneratedTree, type FsResult } from '../vfs';
import { cpuinfo } from './cpuinfo';
import { procVersion, uptimeS } from './kernel';
import { loadAverage } from './loadavg';
import { meminfo } from './meminfo';
import { procPartitions } from './partitions';
import { writeSysrq } from './sysrq';
import type { FsNode, HostState, WorldState } from '../types';

type ProcFile = (world: WorldState, host: HostState) => string;

const PROC_FILES: Record<string, ProcFile> = {
  cpuinfo: (_w, h) => cpuinfo(h),
  meminfo,
  partitions: procPartitions,
  uptime: (w, h) => {
    const up = uptimeS(w.clockMs, h);
    return `${up.toFixed(2)} ${(up * h.dom0Vcpus * 0.93).toFixed(2)}\n`;
  },
  loadavg: (w, h) => {
    const procs = processTable(w, h);
    const last = procs.reduce((m, p) => Math.max(m, p.pid), 0);
    return `${loadAverage(w, h).map((x) => x.toFixed(2)).join(' ')} 1/${procs.length} ${last}\n`;
  },
  version: (_w, h) => procVersion(h),
  cmdline: (_w, h) =>
    h.release === 'ovm22'
      ? 'ro root=LABEL=/ \n'
      : 'ro root=UUID=8c2a52e4-39d7-4bd8-a0ef-5c7c5d6e1a0b rd_NO_LUKS rd_NO_LVM LANG=en_US.UTF-8 rd_NO_MD SYSFONT=latarcyrheb-sun16 KEYBOARDTYPE=pc KEYTABLE=us rd_NO_DM rhgb quiet\n',
  mounts: (_w, h) => mounts(h),
  swaps: () => 'Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/dev/sda3                               partition\t4194300\t0\t-1\n',
  'xen/capabilities': () => 'control_d\n',
};

function mounts(h: HostState): string {
  const sys = h.release === 'ovm22'
    ? ['rootfs / rootfs rw 0 0', 'proc /proc proc rw 0 0', 'sysfs /sys sysfs rw 0 0', 'devpts /dev/pts devpts rw 0 0', '/dev/sda1 /boot ext3 rw,data=ordered 0 0', 'tmpfs /dev/shm tmpfs rw 0 0', 'none /proc/sys/fs/binfmt_misc binfmt_misc rw 0 0', 'none /proc/xen xenfs rw 0 0']
    : ['rootfs / rootfs rw 0 0', 'proc /proc proc rw,relatime 0 0', 'sysfs /sys sysfs rw,relatime 0 0', 'devtmpfs /dev devtmpfs rw,relatime,size=4096k,nr_inodes=1048576,mode=755 0 0', 'devpts /dev/pts devpts rw,relatime,gid=5,mode=620,ptmxmode=000 0 0', 'tmpfs /dev/shm tmpfs rw,relatime 0 0', '/dev/sda1 /boot ext4 rw,relatime,barrier=1,data=ordered 0 0', 'none /proc/sys/fs/binfmt_misc binfmt_misc rw,relatime 0 0', 'none /proc/xen xenfs rw,relatime 0 0', 'none /sys/kernel/config configfs rw,relatime 0 0', 'ocfs2_dlmfs /dlm ocfs2_dlmfs rw,relatime 0 0'];
  const own = h.mounts.map((m) => {
    const opts = m.path === '/' ? (h.release === 'ovm22' ? 'rw,data=ordered' : 'rw,relatime,barrier=1,data=ordered') : m.fsType === 'ocfs2' ? `rw,relatime,${m.options.replace(/^rw,?/, '')}${m.options.includes('heartbeat') ? '' : ',heartbeat=local'},nointr,data=ordered,errors=remount-ro,atime_quantum=60,coherency=full,user_xattr,acl` : m.options;
    return `${m.device} ${m.path} ${m.fsType} ${opts} 0 0`;
  });
  const [rootfs, ...rest] = sys;
  return [rootfs, ...own.slice(0, 1), ...rest, ...own.slice(1)].join('\n') + '\n';
}

function buildProc(world: WorldState, host: HostState): FsNode {
  const root = newDir(world.clockMs, 0o555);
  for (const [path, gen] of Object.entries(PROC_FILES)) {
    const parts = path.split('/');
    let dir = root;
    for (const p of parts.slice(0, -1)) {
      const next = dir.children[p];
      dir = next && next.type === 'dir' ? next : (dir.children[p] = newDir(world.clockMs, 0o555));
    }
    dir.children[parts[parts.length - 1]!] = { type: 'file', mode: 0o444, mtimeMs: world.clockMs, content: gen(world, host), sizeBytes: 0 };
  }
  root.children['sysrq-trigger'] = { type: 'file', mode: 0o200, mtimeMs: world.clockMs, content: '', sizeBytes: 0 };
  return root;
}

/** The one writable file of /proc: sysrq-trigger (sysrq.ts). */
function writeProc(world: WorldState, host: HostState, rel: string, content: string): FsResult<null> {
  if (rel === '/sysrq-trigger') return writeSysrq(world, host, content);
  return { ok: false, error: 'EACCES' };
}

let registered = false;

/** Hooks /proc into every host's VFS (idempotent; imported by the system commands). */
export function registerProc(): void {
  if (registered) return;
  registered = true;
  registerGeneratedTree('/proc', { build: buildProc, write: writeProc });
}
