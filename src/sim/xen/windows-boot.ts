// A Windows guest whose HAL does not fit its drivers stops with a blue screen during boot and,
// with "automatically restart" on (the default), reboots itself — every boot, a new domain id each time.
import { completeShutdown, requestShutdown, xenOf } from './domains';
import { bootsCleanly, installPvDrivers } from './windows-volume';
import type { DomainState, WorldState } from '../types';

/** How long a Windows Server 2003 guest takes from power-on to the HAL's blue screen and its dump. */
export const BLUE_SCREEN_AFTER_MS = 75_000;

/** Called each tick for a running guest: a mismatched HAL brings it down as a guest-requested reboot. */
export function windowsBootTick(world: WorldState, d: DomainState): void {
  if (d.domid === null || d.state === 'paused' || xenOf(d).pending) return;
  if (world.clockMs - d.startedAtMs < BLUE_SCREEN_AFTER_MS || bootsCleanly(world, d)) return;
  xenOf(d).pending = { kind: 'reboot', atMs: world.clockMs };
  completeShutdown(world, d);
}

/** The PV driver installer: the files, then the restart it asks for (a running guest only). */
export function installPvDriversAndRestart(world: WorldState, d: DomainState): boolean {
  if (!installPvDrivers(world, d)) return false;
  if (d.domid !== null && d.host !== null && !xenOf(d).pending) requestShutdown(world, d, 'reboot');
  return true;
}
