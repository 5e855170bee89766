// SAN faults and array-side changes, for labs, the sandbox's fault menu and naviseccli: an FC
// cable, an HBA port, a switch, an SP port, a whole SP (its LUNs trespass to the peer), a LUN's
// page83 id, a LUN's size. Each changes the physical truth, then the hosts' kernels react at
// once (LOOP DOWN, offline devices, dm failing paths that carry I/O); multipathd notices on its
// next check. Functions return false (changing nothing) for a target that does not exist.
import { nextHex } from '../../../lib/rng';
import { syslog } from '../../logs';
import type { WorldState } from '../../types';
import { syncAllDevNodes } from '../multipath/devnodes';
import { kernelIo } from '../multipath/multipathd';
import { bumpSan, diskReachable, findArray, findLun } from './san';
import type { HbaPort, LunRef, SpName } from '../types';

/** Recomputes every disk's SCSI state from the links, logs HBA loop changes, lets dm react. */
function settle(world: WorldState, loopChanged: Array<{ host: string; hba: HbaPort; up: boolean }> = []): void {
  bumpSan(world);
  for (const c of loopChanged) {
    const h = world.hosts[c.host];
    if (h) syslog(world, h, 'kernel', c.up ? `qla2xxx ${c.hba.pciAddr}: LOOP UP detected (4 Gbps).` : `qla2xxx ${c.hba.pciAddr}: LOOP DOWN detected (2 7 0 0).`);
  }
  for (const [host, hs] of Object.entries(world.san?.hosts ?? {})) {
    for (const d of hs.disks) {
      if (d.to.kind !== 'san') continue;
      d.state = diskReachable(world, host, d) ? 'running' : 'offline';
    }
    kernelIo(world, host);
  }
  syncAllDevNodes(world);
}

function hbaOf(world: WorldState, host: string, scsiHost: number): HbaPort | undefined {
  return world.san?.hosts[host]?.hbas.find((b) => b.scsiHost === scsiHost);
}

/** Pulls (false) or plugs (true) the FC cable of a host's HBA port (`host5`). */
export function setCable(world: WorldState, host: string, scsiHost: number, plugged: boolean): boolean {
  const hba = hbaOf(world, host, scsiHost);
  if (!hba) return false;
  if (hba.cable === plugged) return true;
  const wasUp = hba.up && hba.cable;
  hba.cable = plugged;
  const isUp = hba.up && hba.cable;
  settle(world, wasUp !== isUp ? [{ host, hba, up: isUp }] : []);
  return true;
}

/** Fails (false) or repairs (true) an HBA port. */
export function setHbaPort(world: WorldState, host: string, scsiHost: number, up: boolean): boolean {
  const hba = hbaOf(world, host, scsiHost);
  if (!hba) return false;
  if (hba.up === up) return true;
  const wasUp = hba.up && hba.cable;
  hba.up = up;
  const isUp = hba.up && hba.cable;
  settle(world, wasUp !== isUp ? [{ host, hba, up: isUp }] : []);
  return true;
}

/** Takes an FC switch (fabric 0 or 1) down or up: every HBA port on it loses or regains its loop. */
export function setSwitch(world: WorldState, fabric: number, up: boolean): boolean {
  const f = world.san?.fabrics[fabric];
  if (!f) return false;
  if (f.up === up) return true;
  f.up = up;
  const changed: Array<{ host: string; hba: HbaPort; up: boolean }> = [];
  for (const [host, hs] of Object.entries(world.san!.hosts)) for (const hba of hs.hbas) if (hba.fabric === fabric && hba.up && hba.cable) changed.push({ host, hba, up });
  settle(world, changed);
  return true;
}

/** Fails or repairs one front-end port of a storage processor. */
export function setSpPort(world: WorldState, array: string, sp: SpName, port: number, up: boolean): boolean {
  const p = findArray(world, array)?.sps[sp].ports.find((x) => x.index === port);
  if (!p) return false;
  p.up = up;
  settle(world);
  return true;
}

/** Fails or repairs a whole SP. A failing SP's LUNs trespass to the peer, and stay there. */
export function setSp(world: WorldState, array: string, sp: SpName, up: boolean): boolean {
  const arr = findArray(world, array);
  if (!arr) return false;
  arr.sps[sp].up = up;
  if (!up) {
    const peer: SpName = sp === 'A' ? 'B' : 'A';
    if (arr.sps[peer].up) for (const l of arr.luns) if (l.owner === sp) l.owner = peer;
  }
  settle(world);
  return true;
}

/** Changes a LUN's page 0x83 identifier (a SAN-to-SAN copy, a re-created LUN): hosts learn it on the next inquiry. */
export function changePage83(world: WorldState, ref: LunRef, newWwid?: string): string | null {
  const lun = findLun(world, ref);
  if (!lun) return null;
  lun.wwid = newWwid ?? lun.wwid.slice(0, 17) + nextHex(world.rng, 16);
  return lun.wwid;
}

/** Grows a LUN on the array. No host notices until it re-reads each path device (and resizes its map). */
export function growLun(world: WorldState, ref: LunRef, newSizeBytes: number): boolean {
  const lun = findLun(world, ref);
  if (!lun || newSizeBytes < lun.sizeBytes) return false;
  lun.sizeBytes = newSizeBytes;
  return true;
}
