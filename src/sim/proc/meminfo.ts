// Dom0's own memory as its kernel sees it (/proc/meminfo, free): dom0 only has dom0_mem, the
// guests' memory belongs to the hypervisor. Figures are derived from the world, deterministic.
import { guestsOn } from '../memory';
import type { HostState, WorldState } from '../types';

export interface Dom0Memory {
  totalKiB: number;
  freeKiB: number;
  buffersKiB: number;
  cachedKiB: number;
  shmemKiB: number;
  anonKiB: number;
  slabKiB: number;
  swapTotalKiB: number;
  swapFreeKiB: number;
}

/** The swap partition the OVM installer creates on the boot disk. */
const SWAP_KIB = 4194300;

export function dom0Memory(world: WorldState, host: HostState): Dom0Memory {
  // The kernel keeps some of dom0_mem for itself (page tables, reserved ranges).
  const totalKiB = host.dom0MemMiB * 1024 - 40_960 - Math.floor(host.dom0MemMiB * 1024 * 0.012);
  const guests = guestsOn(world, host.name);
  const hvm = guests.filter((d) => d.hvm).length;
  // Daemons (xend, ovs-agent, multipathd …) plus backend work per guest and a qemu-dm per HVM guest.
  const anonKiB = 236_000 + guests.length * 6_144 + hvm * 28_672;
  const slabKiB = 98_000 + guests.length * 1_024;
  const upH = Math.max(0, (world.clockMs - host.bootMs) / 3_600_000);
  // Page cache fills over the first day, up to a third of what is left.
  const room = Math.max(0, totalKiB - anonKiB - slabKiB - 40_000);
  const cachedKiB = Math.floor(room * 0.33 * Math.min(1, 0.4 + upH / 40));
  const buffersKiB = Math.floor(room * 0.05 * Math.min(1, 0.5 + upH / 40));
  const freeKiB = Math.max(8_192, totalKiB - anonKiB - slabKiB - cachedKiB - buffersKiB - 24_000);
  return { totalKiB, freeKiB, buffersKiB, cachedKiB, shmemKiB: 1_040, anonKiB, slabKiB, swapTotalKiB: SWAP_KIB, swapFreeKiB: SWAP_KIB };
}

const row = (label: string, kib: number) => `${(label + ':').padEnd(16)}${String(kib).padStart(8)} kB\n`;
const pages = (label: string, n: number) => `${(label + ':').padEnd(16)}${String(n).padStart(8)}\n`;

/** /proc/meminfo of a UEK4 (4.1) dom0; OVM 2.2's 2.6.18 kernel prints the shorter old list. */
export function meminfo(world: WorldState, host: HostState): string {
  const m = dom0Memory(world, host);
  const used = m.totalKiB - m.freeKiB;
  const active = Math.floor(m.anonKiB * 0.95 + m.cachedKiB * 0.25);
  const inactive = Math.floor(m.cachedKiB * 0.75 + m.buffersKiB);
  const commitLimit = Math.floor(m.totalKiB / 2) + m.swapTotalKiB;
  if (host.release === 'ovm22') {
    return (
      row('MemTotal', m.totalKiB) + row('MemFree', m.freeKiB) + row('Buffers', m.buffersKiB) + row('Cached', m.cachedKiB) + row('SwapCached', 0) +
      row('Active', active) + row('Inactive', inactive) + row('HighTotal', 0) + row('HighFree', 0) + row('LowTotal', m.totalKiB) + row('LowFree', m.freeKiB) +
      row('SwapTotal', m.swapTotalKiB) + row('SwapFree', m.swapFreeKiB) + row('Dirty', 24) + row('Writeback', 0) + row('AnonPages', m.anonKiB) +
      row('Mapped', 36_664) + row('Slab', m.slabKiB) + row('PageTables', 7_228) + row('NFS_Unstable', 0) + row('Bounce', 0) +
      row('CommitLimit', commitLimit) + row('Committed_AS', Math.floor(used * 0.6)) + row('VmallocTotal', 34_359_738_367) + row('VmallocUsed', 4_720) +
      row('VmallocChunk', 34_359_733_059) + pages('HugePages_Total', 0) + pages('HugePages_Free', 0) + pages('HugePages_Rsvd', 0) + row('Hugepagesize', 2048)
    );
  }
  const available = m.freeKiB + Math.floor(m.cachedKiB * 0.9) + m.buffersKiB + Math.floor(m.slabKiB * 0.4);
  return (
    row('MemTotal', m.totalKiB) + row('MemFree', m.freeKiB) + row('MemAvailable', available) + row('Buffers', m.buffersKiB) + row('Cached', m.cachedKiB) +
    row('SwapCached', 0) + row('Active', active) + row('Inactive', inactive) + row('Active(anon)', Math.floor(m.anonKiB * 0.95)) + row('Inactive(anon)', 216) +
    row('Active(file)', active - Math.floor(m.anonKiB * 0.95)) + row('Inactive(file)', inactive - 216) + row('Unevictable', 0) + row('Mlocked', 0) +
    row('SwapTotal', m.swapTotalKiB) + row('SwapFree', m.swapFreeKiB) + row('Dirty', 20) + row('Writeback', 0) + row('AnonPages', m.anonKiB) + row('Mapped', 36_664) +
    row('Shmem', m.shmemKiB) + row('Slab', m.slabKiB) + row('SReclaimable', Math.floor(m.slabKiB * 0.48)) + row('SUnreclaim', m.slabKiB - Math.floor(m.slabKiB * 0.48)) +
    row('KernelStack', 4_640) + row('PageTables', 7_228) + row('NFS_Unstable', 0) + row('Bounce', 0) + row('WritebackTmp', 0) + row('CommitLimit', commitLimit) +
    row('Committed_AS', Math.floor(used * 0.6)) + row('VmallocTotal', 34_359_738_367) + row('VmallocUsed', 0) + row('VmallocChunk', 0) + row('HardwareCorrupted', 0) +
    row('AnonHugePages', 0) + pages('HugePages_Total', 0) + pages('HugePages_Free', 0) + pages('HugePages_Rsvd', 0) + pages('HugePages_Surp', 0) +
    row('Hugepagesize', 2048) + row('DirectMap4k', host.dom0MemMiB * 1024 + 43_008) + row('DirectMap2M', 0)
  );
}
