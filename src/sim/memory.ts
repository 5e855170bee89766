// Host memory arithmetic (reference §8.6): dom0 is fixed, guests share what is left, nothing is
// overcommitted. Everything is counted in KiB as the hypervisor does; MiB figures round down.
import type { DomainState, HostState, WorldState } from './types';

/** Oracle's default dom0_mem in MiB: 502 + 2.05 % of physical memory. */
export const defaultDom0MemMiB = (hostMiB: number): number => 502 + Math.floor(hostMiB * 0.0205);

/** Xen's own overhead in MiB (hypervisor heap, frame table): what total - dom0 - guests never reaches. */
export const XEN_OVERHEAD_MIB = 58;

/** dom0-min-mem of xend-config.sxp: the floor `xm mem-set 0` refuses to go below. */
export const DOM0_MIN_MEM_MIB = 196;

/** HVM guests get video RAM (4 MiB) on top of `memory`, less the 36 KiB VGA hole (seed 002: 16348 → 16744412k). */
const HVM_VIDEORAM_MIB = 4;
const HVM_HOLE_KIB = 36;

/** Pages a guest holds now, KiB (xentop MEM(k); `xm list` Mem is this / 1024, rounded down). */
export function domainMemKiB(d: DomainState): number {
  return d.hvm ? (d.memoryMiB + HVM_VIDEORAM_MIB) * 1024 - HVM_HOLE_KIB : d.memoryMiB * 1024;
}

/** The guest's static maximum, KiB (xentop MAXMEM(k)). */
export function domainMaxMemKiB(d: DomainState): number {
  return d.hvm ? (d.maxMemMiB + HVM_VIDEORAM_MIB) * 1024 : d.maxMemMiB * 1024;
}

/** Shadow / p2m memory Xen reserves beyond a guest's pages: 1 MiB per GiB, as KiB. */
export const guestOverheadKiB = (memMiB: number): number => Math.max(1, Math.ceil(memMiB / 1024)) * 1024;

/** What xend asks balloon.free() for to start a guest of `memMiB` (its pages plus overhead), KiB. */
export function neededKiB(memMiB: number, hvm: boolean): number {
  return (hvm ? (memMiB + HVM_VIDEORAM_MIB) * 1024 - HVM_HOLE_KIB : memMiB * 1024) + guestOverheadKiB(memMiB);
}

export function guestsOn(world: WorldState, host: string): DomainState[] {
  return Object.values(world.domains).filter((d) => d.host === host && d.domid !== null);
}

export const totalMemKiB = (host: HostState): number => host.memoryMiB * 1024;
export const dom0MemKiB = (host: HostState): number => host.dom0MemMiB * 1024;

/** Memory in use on the host, KiB: Xen itself, dom0, every guest and its overhead. */
export function usedMemKiB(world: WorldState, host: HostState): number {
  const guests = guestsOn(world, host.name).reduce((n, d) => n + domainMemKiB(d) + guestOverheadKiB(d.memoryMiB), 0);
  return XEN_OVERHEAD_MIB * 1024 + dom0MemKiB(host) + guests;
}

/** What the hypervisor can still hand out, KiB (balloon's "only have"). */
export function freeMemKiB(world: WorldState, host: HostState): number {
  return Math.max(0, totalMemKiB(host) - usedMemKiB(world, host));
}

/** `xm info` free_memory: what the hypervisor can still hand out, in MiB. */
export function freeMemoryMiB(world: WorldState, host: HostState): number {
  return Math.floor(freeMemKiB(world, host) / 1024);
}
