// Dom0's load average: low and steady, a little higher with more guests to serve (backends,
// qemu-dm). Deterministic: a function of the world and the clock only.
import { guestsOn } from '../memory';
import type { HostState, WorldState } from '../types';

export function loadAverage(world: WorldState, host: HostState): [number, number, number] {
  const guests = guestsOn(world, host.name);
  const base = 0.04 + guests.length * 0.02 + guests.filter((d) => d.hvm).length * 0.03;
  // A slow wobble on the clock so that repeated looks differ a little, as on a real host.
  const step = Math.floor(world.clockMs / 5000);
  const wob = (n: number) => (((step + n) * 7919) % 13) / 100;
  const r = (x: number) => Math.round(x * 100) / 100;
  return [r(base + wob(0)), r(base + wob(3) * 0.6), r(base + wob(7) * 0.4)];
}

export const fmtLoad = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');
