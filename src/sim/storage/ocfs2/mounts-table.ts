// A host's mount table as /etc/mtab lists it (root, the kernel's pseudo file systems, configfs and
// ocfs2_dlmfs while O2CB is loaded, then what was mounted since), and statfs for each entry:
// what `mount` and `df` print. OCFS2 sizes come from the shared volume, so every node agrees.
import { o2cbNode } from './o2cb';
import { treeClusters, volumeUsage } from './ocfs2-volumes';
import { resolveBlockDevice } from '../san/block-devices';
import { volumeOfMount } from './mounts';
import type { HostState, Mount, WorldState } from '../../types';

export interface MtabEntry {
  device: string;
  path: string;
  type: string;
  options: string;
  /** The host mount behind it (null for pseudo file systems). */
  mount: Mount | null;
}

/** /etc/mtab in order. */
export function mtab(world: WorldState, host: HostState): MtabEntry[] {
  const [root, ...rest] = host.mounts;
  const out: MtabEntry[] = [];
  const real = (m: Mount): MtabEntry => ({ device: m.device, path: m.path, type: m.fsType, options: m.options, mount: m });
  if (root) out.push(real(root));
  const pseudo = (device: string, path: string, type: string, options = 'rw') => out.push({ device, path, type, options, mount: null });
  pseudo('proc', '/proc', 'proc');
  pseudo('sysfs', '/sys', 'sysfs');
  pseudo('devpts', '/dev/pts', 'devpts', 'rw,gid=5,mode=620');
  pseudo('tmpfs', '/dev/shm', 'tmpfs');
  pseudo('none', '/proc/sys/fs/binfmt_misc', 'binfmt_misc');
  if (host.release !== 'ovm22') pseudo('none', '/proc/xen', 'xenfs');
  if (host.release !== 'ovm22') pseudo('sunrpc', '/var/lib/nfs/rpc_pipefs', 'rpc_pipefs');
  if (o2cbNode(world, host.name).loaded) {
    pseudo(host.release === 'ovm22' ? 'configfs' : 'none', '/sys/kernel/config', 'configfs');
    pseudo('ocfs2_dlmfs', '/dlm', 'ocfs2_dlmfs');
  }
  for (const m of rest) out.push(real(m));
  return out;
}

export interface FsStat {
  /** Block size statfs reports (the OCFS2 cluster size, 4096 for ext). */
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
}

const GiB = 1024 ** 3;

/** What statfs returns for an mtab entry; null for pseudo file systems df leaves out (0 blocks). */
export function statfs(world: WorldState, host: HostState, e: MtabEntry): FsStat | null {
  if (e.type === 'tmpfs') {
    // tmpfs defaults to half of the RAM dom0 sees, nothing used on an OVM server.
    const blocks = Math.floor((host.dom0MemMiB * 1024 * 1024) / 2 / 4096);
    return { bsize: 4096, blocks, bfree: blocks, bavail: blocks };
  }
  if (!e.mount) return null;
  const vol = volumeOfMount(world, e.mount);
  if (vol) {
    const u = volumeUsage(world, vol);
    return { bsize: vol.clusterSize, blocks: u.totalClusters, bfree: u.freeClusters, bavail: u.freeClusters };
  }
  if (e.type === 'ext4' || e.type === 'ext3') return extStat(world, host, e.mount);
  return null;
}

/** An ext3/ext4 root: its partition minus inode tables, 5% reserved, an installed dom0 plus files. */
function extStat(world: WorldState, host: HostState, m: Mount): FsStat {
  const dev = resolveBlockDevice(world, host.name, m.device);
  const partBytes = dev?.sizeBytes ?? (host.release === 'ovm22' ? 30 : 50) * GiB;
  const bsize = 4096;
  const total = Math.floor((partBytes / bsize) * 0.984);
  const installed = Math.floor(((host.release === 'ovm22' ? 1.6 : 2.2) * GiB) / bsize);
  const used = Math.min(total, installed + treeClusters(world.filesystems[m.fsId], bsize));
  const free = total - used;
  const reserved = Math.floor(total * 0.05);
  return { bsize, blocks: total, bfree: free, bavail: Math.max(0, free - reserved) };
}
