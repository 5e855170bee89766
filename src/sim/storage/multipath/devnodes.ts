// Mirrors a host's block devices into its /dev: /dev/sdX, /dev/sdXN, /dev/dm-N, /dev/mapper/*
// and /dev/mpath/* (OL5). Rebuilt from the storage model after every change, so `ls /dev/mapper`
// tells the kernel's truth. (/sys is generated on access: sysfs.ts.)
import { lookup, mkdir } from '../../vfs';
import type { FsNode, WorldState } from '../../types';
import { listBlockDevices } from '../san/block-devices';
import { hostSan } from '../san/san';

/** S_IFBLK | 0660: block device nodes (the VFS keeps them as empty files with this mode). */
export const BLOCK_NODE_MODE = 0o060660;

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
  const devs = listBlockDevices(world, host);
  for (const d of devs) {
    dev.children[d.kname] = { type: 'file', mode: BLOCK_NODE_MODE, mtimeMs: 0, content: '' };
    if (d.kind === 'mpath' || d.kind === 'mpath-part') {
      const name = d.path.slice('/dev/mapper/'.length);
      mapper[name] = { type: 'file', mode: BLOCK_NODE_MODE, mtimeMs: 0, content: '' };
      if (ovm22) mpath[name] = { type: 'link', mode: 0o777, mtimeMs: 0, target: `../${d.kname}` };
    }
  }
  dev.children['mapper'] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: mapper };
  if (ovm22) dev.children['mpath'] = { type: 'dir', mode: 0o755, mtimeMs: 0, children: mpath };
  // The sysfs trees themselves are generated (sysfs.ts); their mount points exist for `ls /sys`.
  const sys = dirNode(world, host, '/sys');
  if (sys) sys.children['block'] ??= { type: 'dir', mode: 0o755, mtimeMs: 0, children: {} };
  const cls = dirNode(world, host, '/sys/class');
  if (cls) cls.children['scsi_host'] ??= { type: 'dir', mode: 0o755, mtimeMs: 0, children: {} };
}

/** Refreshes every host's nodes (after a change that may touch several hosts, e.g. the array). */
export function syncAllDevNodes(world: WorldState): void {
  for (const host of Object.keys(world.san?.hosts ?? {})) syncDevNodes(world, host);
}
