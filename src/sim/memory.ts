// Host memory arithmetic (reference §8.6): dom0 is fixed, guests share what is left.
import type { HostState, WorldState } from './types';

/** Oracle's default dom0_mem in MiB: 502 + 2.05 % of physical memory. */
export const defaultDom0MemMiB = (hostMiB: number): number => 502 + Math.floor(hostMiB * 0.0205);

/** Xen's own overhead in MiB (hypervisor heap, page tables): what total - dom0 - guests never reaches. */
export const XEN_OVERHEAD_MIB = 58;

/** Per-guest overhead Xen reserves beyond the guest's memory (shadow / p2m), in MiB. */
export const guestOverheadMiB = (memMiB: number): number => 1 + Math.ceil(memMiB / 1024);

export function guestsOn(world: WorldState, host: string) {
  return Object.values(world.domains).filter((d) => d.host === host && d.domid !== null);
}

/** `xm info` free_memory: what the hypervisor can still hand out, in MiB. */
export function freeMemoryMiB(world: WorldState, host: HostState): number {
  const used = guestsOn(world, host.name).reduce((n, d) => n + d.memoryMiB + guestOverheadMiB(d.memoryMiB), 0);
  return Math.max(0, host.memoryMiB - host.dom0MemMiB - XEN_OVERHEAD_MIB - used);
}
