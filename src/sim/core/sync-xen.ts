// Mirrors the world's Xen structure into core handles: hosts (pCPUs), dom0 per host, running
// domains (vCPUs, weight, cap, demand, paused) and their VBDs (workload, routing). Runs every tick
// before the core ticks and lazily from the stats accessors; compares a few fields per domain, so
// repeated calls are cheap. The name → handle registry lives in core.meta.xen and is saved with
// the core's tables.
import { pcpuCount } from '../scenario/hosts';
import type { Sim } from '../sim';
import type { DomainState, HostState, WorldState } from '../types';
import type { Handle, SimCore } from './types';

interface HostEntry {
  h: Handle;
  dom0: Handle;
  pcpus: number;
  dom0Vcpus: number;
  /** Boot time of the dom0 instance mirrored (a reboot starts dom0's counters again). */
  bootMs: number;
  up: boolean;
  weight: number;
  cap: number;
}

interface DomainEntry {
  d: Handle;
  host: string;
  domid: number;
  vmax: number;
  vcpus: number;
  weight: number;
  cap: number;
  demand: number;
  run: boolean;
  /** One core VBD per disk, in `disks` order; workload signature to notice changes. */
  vbds: Handle[];
  io: string;
}

export interface XenRegistry {
  hosts: Record<string, HostEntry>;
  domains: Record<string, DomainEntry>;
}

/** Routes a domain's VBD to a multipath map (or -1: local). The storage model's, wired in by sim/wiring.ts. */
export type VbdRouter = (sim: Sim, d: DomainState, vbdIndex: number) => Handle;

let router: VbdRouter | null = null;

/**
 * The storage model registers how a running domain's VBDs reach multipath maps; it is asked when
 * a VBD is created. After a storage change, call `rerouteVbds(sim)`.
 */
export function registerVbdRouter(fn: VbdRouter | null): void {
  router = fn;
}

/** Dom0's CPU demand: a baseline plus backend work (blkback/netback) for its guests' I/O. */
const DOM0_BASE_PCPUS = 0.25;
const DOM0_PCPUS_PER_IOPS = 0.00002;

export function registry(core: SimCore): XenRegistry {
  let reg = core.meta.xen as XenRegistry | undefined;
  if (!reg) {
    reg = { hosts: {}, domains: {} };
    core.meta.xen = reg;
  }
  return reg;
}

/** Seed of the core's variation, derived from the world's seed (never Math.random). */
export function coreSeed(world: WorldState): number {
  let z = (world.seed ^ 0x2545f491) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const isScheduled = (d: DomainState): boolean => d.host !== null && d.domid !== null && d.state !== 'halted';
/** Running or blocked guests get CPU; paused, shut down, crashed or dying ones do not. */
const isRunnable = (d: DomainState): boolean => d.state === 'running' || d.state === 'blocked';
const clamp = (v: number, lo: number, hi: number): number => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);

/** Full sync: every host and domain of the world, removals included. */
export function syncXen(sim: Sim): XenRegistry {
  const { world, core } = sim;
  const reg = registry(core);
  if (Object.keys(reg.hosts).length === 0) core.setSeed(coreSeed(world));
  const iops = new Map<string, number>();
  for (const d of Object.values(world.domains)) {
    if (!isScheduled(d)) continue;
    iops.set(d.host!, (iops.get(d.host!) ?? 0) + (isRunnable(d) ? d.workload.readIops + d.workload.writeIops : 0));
  }
  for (const host of Object.values(world.hosts)) syncHost(sim, host, iops.get(host.name) ?? 0);
  for (const d of Object.values(world.domains)) {
    if (isScheduled(d)) syncDomain(sim, d);
    else if (reg.domains[d.name]) dropDomain(core, reg, d.name);
  }
  for (const name of Object.keys(reg.domains)) if (!world.domains[name]) dropDomain(core, reg, name);
  for (const name of Object.keys(reg.hosts)) {
    if (world.hosts[name]) continue;
    for (const [dn, e] of Object.entries(reg.domains)) if (e.host === name) dropDomain(core, reg, dn);
    const e = reg.hosts[name]!;
    core.removeDomain(e.dom0);
    core.removeHost(e.h);
    delete reg.hosts[name];
  }
  return reg;
}

/** The host's core handles, created or updated as needed. */
export function syncHost(sim: Sim, host: HostState, guestIops?: number): HostEntry {
  const { core } = sim;
  const reg = registry(core);
  if (Object.keys(reg.hosts).length === 0) core.setSeed(coreSeed(sim.world));
  const pcpus = pcpuCount(host);
  const dom0Vcpus = Math.max(1, host.dom0Vcpus);
  let e = reg.hosts[host.name];
  if (!e) {
    const h = core.addHost(pcpus);
    const dom0 = core.addDomain(h, dom0Vcpus);
    core.setDomainCpuTime(dom0, Math.max(0, host.dom0CpuS));
    e = { h, dom0, pcpus, dom0Vcpus, bootMs: host.bootMs, up: true, weight: 256, cap: 0 };
    reg.hosts[host.name] = e;
  }
  if (e.pcpus !== pcpus) {
    core.setHostPcpus(e.h, pcpus);
    e.pcpus = pcpus;
  }
  if (e.dom0Vcpus !== dom0Vcpus || e.bootMs !== host.bootMs) {
    // After a reboot dom0 is a new instance: its time starts from the world's figure.
    const cpuS = e.bootMs !== host.bootMs ? Math.max(0, host.dom0CpuS) : core.domainCpuS(e.dom0);
    core.removeDomain(e.dom0);
    e.dom0 = core.addDomain(e.h, dom0Vcpus);
    core.setDomainCpuTime(e.dom0, cpuS);
    e.dom0Vcpus = dom0Vcpus;
    e.bootMs = host.bootMs;
    e.up = true;
    e.weight = 256;
    e.cap = 0;
  }
  const up = !host.down;
  if (e.up !== up) {
    core.setDomainRunnable(e.dom0, up);
    e.up = up;
  }
  const weight = clamp(Math.round(host.dom0Weight ?? 256), 1, 65535);
  if (e.weight !== weight) {
    core.setDomainWeight(e.dom0, weight);
    e.weight = weight;
  }
  const cap = clamp(Math.round(host.dom0Cap ?? 0), 0, 65535);
  if (e.cap !== cap) {
    core.setDomainCap(e.dom0, cap);
    e.cap = cap;
  }
  if (guestIops !== undefined) core.setDomainDemand(e.dom0, clamp((DOM0_BASE_PCPUS + DOM0_PCPUS_PER_IOPS * guestIops) / dom0Vcpus, 0, 1));
  return e;
}

/** The running domain's core handle (created / updated from the world), or -1 when it is not scheduled. */
export function syncDomain(sim: Sim, d: DomainState): Handle {
  const { core } = sim;
  const reg = registry(core);
  if (!isScheduled(d) || !sim.world.hosts[d.host!]) {
    if (reg.domains[d.name]) dropDomain(core, reg, d.name);
    return -1;
  }
  const host = syncHost(sim, sim.world.hosts[d.host!]!);
  const vmax = Math.max(1, d.maxVcpus, d.vcpus);
  let e = reg.domains[d.name];
  if (e && e.domid !== d.domid) {
    // A new instance (restart, reboot): counters start again from the world's figures.
    dropDomain(core, reg, d.name);
    e = undefined;
  }
  if (e && e.vmax < vmax) {
    const cpuS = core.domainCpuS(e.d);
    dropDomain(core, reg, d.name);
    e = undefined;
    d.cpuTimeS = cpuS;
  }
  if (!e) {
    const h = core.addDomain(host.h, vmax);
    e = { d: h, host: d.host!, domid: d.domid!, vmax, vcpus: vmax, weight: 256, cap: 0, demand: 0, run: true, vbds: [], io: '' };
    reg.domains[d.name] = e;
    core.setDomainVcpus(h, clamp(Math.round(d.vcpus), 1, vmax));
    e.vcpus = clamp(Math.round(d.vcpus), 1, vmax);
    core.setDomainCpuTime(h, Math.max(0, d.cpuTimeS));
  }
  if (e.host !== d.host) {
    // Live migration: same instance, another host; it keeps its counters.
    core.moveDomain(e.d, host.h);
    e.host = d.host!;
  }
  const vcpus = clamp(Math.round(d.vcpus), 1, vmax);
  if (e.vcpus !== vcpus) {
    core.setDomainVcpus(e.d, vcpus);
    e.vcpus = vcpus;
  }
  const weight = clamp(Math.round(d.weight), 1, 65535);
  if (e.weight !== weight) {
    core.setDomainWeight(e.d, weight);
    e.weight = weight;
  }
  const cap = clamp(Math.round(d.cap), 0, 65535);
  if (e.cap !== cap) {
    core.setDomainCap(e.d, cap);
    e.cap = cap;
  }
  const demand = clamp(d.workload.cpuDemand, 0, 1);
  if (e.demand !== demand) {
    core.setDomainDemand(e.d, demand);
    e.demand = demand;
  }
  const run = isRunnable(d);
  if (e.run !== run) {
    core.setDomainRunnable(e.d, run);
    e.run = run;
  }
  syncVbds(sim, d, e);
  return e.d;
}

/** One core VBD per disk; the domain's IOPS split evenly over its non-CD-ROM disks. */
function syncVbds(sim: Sim, d: DomainState, e: DomainEntry): void {
  const { core } = sim;
  const w = d.workload;
  const io = `${d.disks.length}:${d.disks.map((x) => (x.cdrom ? 'c' : 'd')).join('')}:${w.readIops}:${w.writeIops}:${w.sectorsPerRequest}`;
  if (io === e.io) return;
  const fresh: number[] = [];
  while (e.vbds.length < d.disks.length) {
    fresh.push(e.vbds.length);
    e.vbds.push(core.addVbd(e.d));
  }
  while (e.vbds.length > d.disks.length) core.removeVbd(e.vbds.pop()!);
  const data = d.disks.filter((x) => !x.cdrom).length;
  d.disks.forEach((disk, i) => {
    const share = disk.cdrom || data === 0 ? 0 : 1 / data;
    core.setVbdWorkload(e.vbds[i]!, clamp(w.readIops * share, 0, 1e7), clamp(w.writeIops * share, 0, 1e7), clamp(w.sectorsPerRequest, 1, 65536));
  });
  if (router) for (const i of fresh) core.routeVbd(e.vbds[i]!, router(sim, d, i));
  e.io = io;
}

function dropDomain(core: SimCore, reg: XenRegistry, name: string): void {
  const e = reg.domains[name];
  if (!e) return;
  core.removeDomain(e.d);
  delete reg.domains[name];
}

/** Re-asks the registered router for every VBD (after a storage topology change). */
export function rerouteVbds(sim: Sim): void {
  if (!router) return;
  const reg = registry(sim.core);
  for (const [name, e] of Object.entries(reg.domains)) {
    const d = sim.world.domains[name];
    if (!d) continue;
    e.vbds.forEach((v, i) => sim.core.routeVbd(v, router!(sim, d, i)));
  }
}

/** The core VBD of a running domain's disk `index` (-1 when not running / no such disk). */
export function vbdHandle(sim: Sim, d: DomainState, index: number): Handle {
  if (syncDomain(sim, d) < 0) return -1;
  return registry(sim.core).domains[d.name]!.vbds[index] ?? -1;
}

/** Copies the core's cumulative CPU times back into the world (xm list reads them there too). */
export function writeBackCpu(sim: Sim): void {
  const reg = registry(sim.core);
  for (const [name, e] of Object.entries(reg.hosts)) {
    const host = sim.world.hosts[name];
    if (host) host.dom0CpuS = sim.core.domainCpuS(e.dom0);
  }
  for (const [name, e] of Object.entries(reg.domains)) {
    const d = sim.world.domains[name];
    if (d) d.cpuTimeS = sim.core.domainCpuS(e.d);
  }
}
