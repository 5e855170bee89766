// A host's storage coming up: local disks, a quiet scan of every HBA port, the maps that
// `multipath` at boot creates (with udev's kpartx), and multipathd loading its config.
import { readFile } from '../vfs';
import type { WorldState } from '../types';
import { fileConfig, commitMap, planMaps, MULTIPATH_CONF } from './multipath/maps';
import { attachLocalDisks, scanHba } from './san/scsi';
import { syncDevNodes } from './multipath/devnodes';
import { bumpSan, hostSan } from './san/san';
import { emptyConfig } from './multipath/multipath-conf';

/** Discovers everything a booting host sees and builds its maps, writing no log lines. */
export function bootStorage(world: WorldState, host: string): void {
  const hs = hostSan(world, host);
  const h = world.hosts[host];
  if (!hs || !h) return;
  attachLocalDisks(world, host);
  for (const hba of hs.hbas) scanHba(world, host, hba, true);
  const parsed = fileConfig(world, host);
  const cfg = parsed?.ok ? parsed.config : emptyConfig();
  for (const action of planMaps(world, host, cfg)) if (action.kind === 'create') commitMap(world, host, action);
  const text = readFile(world, h, MULTIPATH_CONF);
  hs.multipathd = { running: h.services['multipathd'] !== 'stopped', configText: text.ok && parsed?.ok ? text.value : null, startedAtMs: world.clockMs };
  syncDevNodes(world, host);
}

/** The host went down: its kernel's SCSI disks, dm devices and multipathd are gone. */
export function storageOnDown(world: WorldState, host: { name: string }): void {
  const hs = hostSan(world, host.name);
  if (!hs) return;
  hs.disks = [];
  hs.dm = [];
  hs.maps = [];
  hs.multipathd.running = false;
  bumpSan(world);
}

/** The host booted: a fresh kernel discovers everything again (sd names from sda) and builds its maps. */
export function storageOnBoot(world: WorldState, host: { name: string }): void {
  const hs = hostSan(world, host.name);
  if (!hs) return;
  hs.nextSdIndex = 0;
  hs.nextDmMinor = 0;
  bootStorage(world, host.name);
}
