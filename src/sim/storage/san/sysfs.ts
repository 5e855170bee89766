// sysfs of the SCSI layer, generated from the storage model on every access: /sys/block/*
// (size, device/{state,rescan,delete,vendor,model,rev}, dm/{name,uuid}) and
// /sys/class/scsi_host/hostN/{scan,proc_name}. Writes act: `- - -` > scan rescans an HBA,
// 1 > device/rescan re-reads a capacity, 1 > device/delete removes a disk, state sets it.
import { syslog } from '../../logs';
import { newDir, registerGeneratedTree, type FsResult } from '../../vfs';
import type { FsNode, HostState, WorldState } from '../../types';
import { listBlockDevices } from './block-devices';
import { syncDevNodes } from '../multipath/devnodes';
import { allPaths } from '../multipath/maps';
import { uevents } from '../multipath/multipathd';
import { bumpSan, hostSan } from './san';
import { revalidateDisk, scanHba } from './scsi';

const file = (content: string, mode = 0o444): FsNode => ({ type: 'file', mode, mtimeMs: 0, content });
const dir = (children: Record<string, FsNode>): FsNode => ({ type: 'dir', mode: 0o755, mtimeMs: 0, children });
const ok: FsResult<null> = { ok: true, value: null };
const einval: FsResult<null> = { ok: false, error: 'EINVAL' };
const enoent: FsResult<null> = { ok: false, error: 'ENOENT' };
const eacces: FsResult<null> = { ok: false, error: 'EACCES' };

function buildBlock(world: WorldState, host: HostState): FsNode {
  const root = newDir(0);
  const hs = hostSan(world, host.name);
  if (!hs) return root;
  for (const d of listBlockDevices(world, host.name)) {
    const size = file(String(Math.floor(d.sizeBytes / 512)) + '\n');
    if (d.kind === 'disk') {
      const disk = hs.disks.find((x) => x.name === d.kname)!;
      const children: Record<string, FsNode> = {
        size,
        dev: file(`${d.major}:${d.minor}\n`),
        device: dir({
          state: file(disk.state + '\n', 0o644),
          rescan: file('', 0o200),
          delete: file('', 0o200),
          vendor: file(disk.vendor.padEnd(8) + '\n'),
          model: file(disk.product.padEnd(16) + '\n'),
          rev: file(disk.rev + '\n'),
        }),
      };
      for (const p of disk.parts) children[`${d.kname}${p.num}`] = dir({ size: file(`${p.sectors}\n`), start: file(`${p.startSector}\n`), dev: file(`${d.major}:${d.minor + p.num}\n`) });
      root.children[d.kname] = dir(children);
    } else if (d.kind === 'mpath' || d.kind === 'mpath-part') {
      const name = d.path.slice('/dev/mapper/'.length);
      const uuid = hs.dm.find((x) => x.name === name)?.uuid ?? '';
      root.children[d.kname] = dir({ size, dev: file(`${d.major}:${d.minor}\n`), dm: dir({ name: file(name + '\n'), uuid: file(uuid + '\n') }) });
    }
  }
  return root;
}

function buildScsiHost(world: WorldState, host: HostState): FsNode {
  const root = newDir(0);
  const hs = hostSan(world, host.name);
  const nums = new Set<number>([0, ...(hs?.hbas.map((b) => b.scsiHost) ?? [])]);
  for (const n of [...nums].sort((a, b) => a - b)) {
    const hba = hs?.hbas.find((b) => b.scsiHost === n);
    root.children[`host${n}`] = dir({ scan: file('', 0o200), proc_name: file((hba?.driver ?? 'ahci') + '\n') });
  }
  return root;
}

/** `- - -`, or channel/target/lun numbers with `-` wildcards (scsi_scan's store_scan). */
function validScan(content: string): boolean {
  const w = content.trim().split(/\s+/);
  return w.length === 3 && w.every((x) => x === '-' || /^\d+$/.test(x));
}

function writeScsiHost(world: WorldState, host: HostState, rel: string, content: string): FsResult<null> {
  const m = /^\/host(\d+)\/(scan|proc_name)$/.exec(rel);
  if (!m) return /^\/host\d+$/.test(rel) ? { ok: false, error: 'EISDIR' } : enoent;
  const n = Number(m[1]);
  const hs = hostSan(world, host.name);
  if (n !== 0 && !hs?.hbas.some((b) => b.scsiHost === n)) return enoent;
  if (m[2] !== 'scan') return eacces;
  // The shell opens (truncates) the file before it writes: opening does nothing.
  if (content === '') return ok;
  if (!validScan(content)) return einval;
  const hba = hs?.hbas.find((b) => b.scsiHost === n);
  if (hba) uevents(world, host.name, scanHba(world, host.name, hba));
  return ok;
}

/** Removes a SCSI disk (device/delete): the kernel drops it, multipathd drops the path. */
export function deleteDisk(world: WorldState, host: string, name: string): void {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  const d = hs?.disks.find((x) => x.name === name);
  if (!hs || !h || !d) return;
  bumpSan(world);
  syslog(world, h, 'kernel', `sd ${d.host}:${d.channel}:${d.target}:${d.lun}: [${d.name}] Synchronizing SCSI cache`);
  hs.disks = hs.disks.filter((x) => x !== d);
  for (const m of hs.maps) {
    if (!allPaths(m).some((p) => p.dev === name)) continue;
    for (const g of m.groups) g.paths = g.paths.filter((p) => p.dev !== name);
    m.groups = m.groups.filter((g) => g.paths.length);
    m.activeGroup = Math.min(m.activeGroup, Math.max(0, m.groups.length - 1));
    m.stats.mapLoads++;
    if (hs.multipathd.running) syslog(world, h, 'multipathd', `${name}: remove path (uevent)`);
  }
  syncDevNodes(world, host);
}

function writeBlock(world: WorldState, host: HostState, rel: string, content: string): FsResult<null> {
  const m = /^\/([^/]+)\/device\/(rescan|delete|state)$/.exec(rel);
  const hs = hostSan(world, host.name);
  if (!m) return rel.split('/').length > 2 ? eacces : { ok: false, error: 'EISDIR' };
  const d = hs?.disks.find((x) => x.name === m[1]);
  if (!d) return enoent;
  if (content === '') return ok;
  const v = content.trim();
  if (m[2] === 'rescan') {
    revalidateDisk(world, host.name, d);
    syncDevNodes(world, host.name);
  } else if (m[2] === 'delete') {
    if (v !== '1') return einval;
    deleteDisk(world, host.name, d.name);
  } else {
    if (v !== 'running' && v !== 'offline') return einval;
    d.state = v;
    bumpSan(world);
  }
  return ok;
}

let registered = false;

/** Hooks the generated /sys/block and /sys/class/scsi_host into every host's VFS (idempotent). */
export function registerSysfs(): void {
  if (registered) return;
  registered = true;
  registerGeneratedTree('/sys/block', { build: buildBlock, write: writeBlock });
  registerGeneratedTree('/sys/class/scsi_host', { build: buildScsiHost, write: writeScsiHost });
}
