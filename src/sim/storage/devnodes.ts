// Mirrors a host's block devices into its file tree: /dev/sdX, /dev/dm-N, /dev/mapper/*,
// /dev/mpath/* (OL5), /sys/block/*/size, /sys/block/sdX/device/{state,rescan}, and
// /sys/class/scsi_host/hostN/scan. Rebuilt from the storage model after every change, so
// `ls /dev/mapper` and `cat /sys/block/sdh/size` tell the kernel's truth.
import { lookup, mkdir } from '../vfs';
import type { FsNode, WorldState } from '../types';
import { listBlockDevices } from './block-devices';
import { hostSan } from './san';

/** S_IFBLK | 0660: block device nodes (the VFS keeps them as empty files with this mode). */
export const BLOCK_NODE_MODE = 0o060660;

const file = (content: string, mode = 0o444): FsNode => ({ type: 'file', mode, mtimeMs: 0, content });

function dirNode(world: WorldState, host: string, path: string): Extract<FsNode, { type: 'dir' }> | null {
  const h = world.hosts[host]!;
  mkdir(world, h, path, '/', true);
  const n = lookup(world, h, path, '/', true);
  return n.ok && n.value.type === 'dir' ? n.value : null;
}

/** Rebuilds the device nodes and sysfs files of one host from the storage model. */
export function syncDevNodes(world: WorldState, host: string): void {
  const h = world.hosts[host];
  const hs = hostSan(world, host);
  if (!h || !hs) return;
  const dev = dirNode(world, host, '/dev');
  if (!dev) return;
  const ovm22 = h.release === 'ovm22';
  for (const name of Object.keys(dev.children)) if (/^(sd[a-z]+\d*|dm-\d+)$/.test(name)) delete dev.children[name];
  const mapper: Record<string, FsNode> = { control: { type: 'file', mode: 0o020600, mtimeMs: 0, content: '' } };
  const mpath: Record<string, FsNode> = {};
  const sysBlock: Record<string, FsNode> = {};
  const devs = listBlockDevices(world, host);
  for (const d of devs) {
    dev.children[d.kname] = { type: 'file', mode: BLOCK_NODE_MODE, mtimeMs: 0, content: '' };
    const sectors = String(Math.floor(d.sizeBytes / 512)) + '\n';
    if (d.kind === 'disk') {
      const disk = hs.disks.find((x) => x.name === d.kname)!;
      const children: Record<string, FsNode> = {
        size: file(sectors),
        device: {
          type: 'dir',
          mode: 0o755,
          mtimeMs: 0,
          children: {
            state: file(disk.state + '\n', 0o644),
            rescan: file('', 0o200),
            vendor: file(disk.vendor.padEnd(8) + '\n'),
            model: file(disk.product.padEnd(16) + '\n'),
            rev: file(disk.rev + '\n'),
          },
        },
      };
      for (const p of disk.parts) children[`${d.kname}${p.num}`] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: { size: file(String(p.sectors) + '\n'), start: file(String(p.startSector) + '\n') } };
      sysBlock[d.kname] = { type: 'dir', mode: 0o755, mtimeMs: 0, children };
    } else if (d.kind === 'mpath' || d.kind === 'mpath-part') {
      const name = d.path.slice('/dev/mapper/'.length);
      mapper[name] = { type: 'file', mode: BLOCK_NODE_MODE, mtimeMs: 0, content: '' };
      if (ovm22) mpath[name] = { type: 'link', mode: 0o777, mtimeMs: 0, target: `../${d.kname}` };
      sysBlock[d.kname] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: { size: file(sectors), dm: { type: 'dir', mode: 0o755, mtimeMs: 0, children: { name: file(name + '\n'), uuid: file((hs.dm.find((x) => x.name === name)?.uuid ?? '') + '\n') } } } };
    }
  }
  dev.children['mapper'] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: mapper };
  if (ovm22) dev.children['mpath'] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: mpath };
  const sys = dirNode(world, host, '/sys/block');
  if (sys) sys.children = sysBlock;
  const scsiHost: Record<string, FsNode> = {};
  const hostNums = new Set<number>([0, ...hs.hbas.map((b) => b.scsiHost)]);
  for (const n of [...hostNums].sort((a, b) => a - b)) {
    const hba = hs.hbas.find((b) => b.scsiHost === n);
    scsiHost[`host${n}`] = {
      type: 'dir',
      mode: 0o755,
      mtimeMs: 0,
      children: { scan: file('', 0o200), proc_name: file((hba?.driver ?? 'ahci') + '\n') },
    };
  }
  const cls = dirNode(world, host, '/sys/class/scsi_host');
  if (cls) cls.children = scsiHost;
}

/** Refreshes every host's nodes (after a change that may touch several hosts, e.g. the array). */
export function syncAllDevNodes(world: WorldState): void {
  for (const host of Object.keys(world.san?.hosts ?? {})) syncDevNodes(world, host);
}
