// o2hb's last resort: a node that cannot write its global heartbeat region for the dead threshold
// (61 iterations of 2 s on OVM 3) fences itself by restarting — what happens when every path to
// the pool file system LUN is lost. Logged as the kernel does, with a world event, then a reboot.
import { recordEvent } from '../../events';
import { syslog } from '../../logs';
import { rebootHost } from '../../power';
import { regionDevice } from './o2cb';
import { listBlockDevices, type BlockDevice } from '../san/block-devices';
import { volumeByUuid } from './ocfs2-volumes';
import type { HostState, WorldState } from '../../types';

export const FENCE_EVENT = 'ocfs2-fence';

/** The device name o2hb reports for a region (its map, even when dead). */
function regionKname(world: WorldState, host: string, region: string): string {
  const vol = volumeByUuid(world, region);
  const dev = vol && listBlockDevices(world, host).find((d) => d.kind === 'mpath' && d.mediumKey === vol.mediumKey && d.startSector === vol.startSector);
  return dev?.kname ?? 'dm-0';
}

/** Tick step for one host: tracks its lost regions and fences it when the threshold passes. */
export function o2hbCheck(world: WorldState, host: HostState, devices: readonly BlockDevice[]): void {
  {
    const node = world.ocfs2?.nodes[host.name];
    const running = node?.running;
    if (!node || !running || running.heartbeatMode !== 'global') return;
    const lost = (node.regionLostAtMs ??= {});
    for (const region of node.activeRegions) {
      if (regionDevice(world, host.name, region, devices)) {
        delete lost[region];
        continue;
      }
      lost[region] ??= world.clockMs;
      const timeoutMs = (running.deadThreshold - 1) * 2000;
      if (world.clockMs - lost[region]! < timeoutMs) continue;
      const dev = regionKname(world, host.name, region);
      syslog(world, host, 'kernel',
        `(o2hb-${region.slice(0, 10)},${1210},0):o2hb_write_timeout:303 ERROR: Heartbeat write timeout to device ${dev} after ${timeoutMs} milliseconds`,
        `(o2hb-${region.slice(0, 10)},${1210},0):o2hb_stop_all_regions:2873 ERROR: stopping heartbeat on all active regions.`,
        '*** ocfs2 is very sorry to be fencing this system by restarting ***',
      );
      recordEvent(world, host.name, FENCE_EVENT, `${host.name} fenced itself: heartbeat region ${region} on ${dev} unreachable for ${timeoutMs / 1000} s`);
      delete node.regionLostAtMs;
      rebootHost(world, host);
      return;
    }
  }
}
