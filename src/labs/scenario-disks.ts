// Guest overrides for disks and Windows: a guest's vm.cfg disks replaced by new images (ISOs for
// CD-ROMs) in its repository, spare images copied there, and a Windows system volume on its first disk.
import { dirname, mkdir, putNode } from '../sim/vfs';
import { ovmXenExtras } from '../sim/xen/vm-cfg';
import { createSystemVolume } from '../sim/xen/windows-volume';
import type { DomainState, WorldState } from '../sim/types';
import type { DiskOverride } from './types';

const GiB = 1024 ** 3;

/** The repository a guest's vm.cfg lives in (`…/VirtualMachines/<id>/vm.cfg`). */
function repoOf(d: DomainState): string {
  const i = d.cfgPath.indexOf('/VirtualMachines/');
  if (i < 0) throw new Error(`scenario override: ${d.simpleName}: disks need an OVM 3 repository guest`);
  return d.cfgPath.slice(0, i);
}

export function applyDiskOverrides(world: WorldState, d: DomainState, disks: readonly DiskOverride[]): void {
  const repo = repoOf(d);
  const owner = Object.values(world.hosts).find((h) => h.mounts.some((m) => m.path === repo));
  d.disks = [];
  for (const k of disks) {
    const path = k.cdrom ? `${repo}/ISOs/${k.id}.iso` : `${repo}/VirtualDisks/${k.id}.img`;
    if (owner) mkdir(world, owner, dirname(path), '/', true);
    if (owner) putNode(world, owner, path, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: (k.size_gb ?? (k.cdrom ? 1 : 20)) * GiB }, '/');
    if (k.attached === false) continue;
    if (!k.vdev) throw new Error(`scenario override: ${d.simpleName}: disk ${k.id} needs a vdev`);
    d.disks.push({ kind: 'file', path, vdev: k.vdev, mode: k.cdrom ? 'r' : 'w', cdrom: k.cdrom === true });
  }
}

/** A Windows Server 2003 HVM guest as converted from another hypervisor: its system volume, no PV drivers unless said. */
export function applyWindowsOverride(world: WorldState, d: DomainState, w: { hal: string; pv_drivers?: boolean }): void {
  const boot = d.disks.find((v) => !v.cdrom);
  if (!boot) throw new Error(`scenario override: ${d.simpleName}: a Windows guest needs a hard disk`);
  d.hvm = true;
  d.xen = { ...ovmXenExtras(d), domainType: w.pv_drivers ? 'xen_hvm_pv' : 'xen_hvm' };
  createSystemVolume(world, boot.path, w.hal, w.pv_drivers === true);
}
