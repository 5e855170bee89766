// Changes xend makes to a domain's settings: memory target and maximum, vCPU count and pins,
// credit-scheduler weight and cap, rename. Each checks xend's rules, writes xend.log, and returns
// xend's error text (null when done) — the xm commands and the Manager's jobs both call these.
import { DOM0_MIN_MEM_MIB, freeMemKiB } from '../memory';
import { pcpuCount } from '../scenario/hosts';
import { DOM0_NAME, xenOf, type XmTarget } from './domains';
import { xendLog } from './xend-log';
import type { DomainState, HostState, WorldState } from '../types';

const SANITY_MAX = 'memory_dynamic_max must be less than or equal to memory_static_max';
const NAME_RE = /^[A-Za-z0-9_\-.:+]+$/;

const isActive = (d: DomainState): boolean => d.domid !== null && d.host !== null;

/** xend refuses to take memory it does not have (dom0 never balloons down on OVM). */
function balloon(world: WorldState, host: HostState, needKiB: number): string | null {
  const free = freeMemKiB(world, host);
  return needKiB > free ? `Not enough free memory and enable-dom0-ballooning is False, so I cannot release any more.  I need ${needKiB} KiB but only have ${free}.` : null;
}

/** `xm mem-set`: the domain's memory target in MiB. */
export function setMemoryTarget(world: WorldState, host: HostState, t: XmTarget, mib: number): string | null {
  if (t.kind === 'dom0') {
    const cur = host.dom0MemMiB;
    if (mib < cur && mib < DOM0_MIN_MEM_MIB) return 'memory_dynamic_max too small';
    if (mib <= 0) return 'memory_dynamic_max must be greater than zero';
    if (host.dom0MaxMemMiB !== undefined && mib > host.dom0MaxMemMiB) return SANITY_MAX;
    if (mib > cur) {
      const e = balloon(world, host, (mib - cur) * 1024);
      if (e) return e;
    }
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:1500', `Setting memory target of domain Domain-0 (0) to ${mib} MiB.`);
    host.dom0MemMiB = mib;
    return null;
  }
  const d = t.d;
  if (mib <= 0) return 'memory_dynamic_max must be greater than zero';
  if (mib > d.maxMemMiB) return SANITY_MAX;
  const active = isActive(d);
  if (active && mib > d.memoryMiB) {
    const e = balloon(world, host, (mib - d.memoryMiB) * 1024);
    if (e) return e;
  }
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:1500', `Setting memory target of domain ${d.name} (${active ? d.domid : 'None'}) to ${mib} MiB.`);
  d.memoryMiB = mib;
  return null;
}

/** `xm mem-max`: the domain's memory maximum in MiB. */
export function setMemoryMax(world: WorldState, host: HostState, t: XmTarget, mib: number): string | null {
  if (t.kind === 'dom0') {
    if (mib < host.dom0MemMiB) return SANITY_MAX;
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:1530', `Setting memory maximum of domain Domain-0 (0) to ${mib} MiB.`);
    host.dom0MaxMemMiB = mib;
    return null;
  }
  const d = t.d;
  if (mib < d.memoryMiB) return SANITY_MAX;
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:1530', `Setting memory maximum of domain ${d.name} (${d.domid ?? 'None'}) to ${mib} MiB.`);
  d.maxMemMiB = mib;
  return null;
}

/** `xm vcpu-set`: online vCPUs of a running domain (up to its maximum); both counts of a halted one. */
export function setVcpuCount(world: WorldState, host: HostState, t: XmTarget, n: number): string | null {
  if (n <= 0) return 'Zero or less VCPUs is invalid';
  const tooMany = 'Cannot set vcpus greater than max vcpus on running domain';
  if (t.kind === 'dom0') {
    if (n > pcpuCount(host)) return tooMany;
    host.dom0Vcpus = n;
    xendLog(world, host, 'INFO', 'XendDomainInfo:1567', `Set VCPU count on domain Domain-0 to ${n}`);
    return null;
  }
  const d = t.d;
  const active = isActive(d);
  if (active && n > d.maxVcpus) return tooMany;
  if (active) d.vcpus = n;
  else {
    d.maxVcpus = n;
    d.vcpus = n;
  }
  xendLog(world, host, 'INFO', 'XendDomainInfo:1567', `Set VCPU count on domain ${d.name} to ${n}`);
  return null;
}

/**
 * `xm vcpu-pin`: the given vCPUs may run only on `map` (64 or more CPUs = any). Dom0's pins are
 * not kept (dom0_vcpus_pin fixes them at boot). The caller has checked the vCPU numbers.
 */
export function pinVcpus(t: XmTarget, which: readonly number[], map: readonly number[]): void {
  if (t.kind !== 'guest') return;
  const x = xenOf(t.d);
  const aff = x.affinity ?? Array.from({ length: t.d.maxVcpus }, () => null);
  for (const v of which) aff[v] = map.length >= 64 ? null : [...map];
  x.affinity = aff;
}

/** `xm sched-credit -d … -w/-c`: the credit scheduler's weight (1–65535) and cap (0–vCPUs×100). */
export function setSchedCredit(world: WorldState, host: HostState, t: XmTarget, weight: number | null, cap: number | null): string | null {
  const vcpus = t.kind === 'dom0' ? host.dom0Vcpus : t.d.vcpus;
  if (weight !== null && (weight < 1 || weight > 65535)) return 'Cpu weight out of range, valid values are within range from 1 to 65535';
  if (cap !== null && (cap < 0 || cap > vcpus * 100)) return `Cpu cap out of range, valid range is from 0 to ${vcpus * 100} for specified number of vcpus`;
  const name = t.kind === 'dom0' ? DOM0_NAME : t.d.name;
  if (t.kind === 'dom0') {
    if (weight !== null) host.dom0Weight = weight;
    if (cap !== null) host.dom0Cap = cap;
  } else {
    if (weight !== null) t.d.weight = weight;
    if (cap !== null) t.d.cap = cap;
  }
  xendLog(world, host, 'DEBUG', 'XendDomain:1598', `domain_sched_credit_set: ${name} weight=${weight ?? 0} cap=${cap ?? 4294967295}`);
  return null;
}

/** `xm rename`: a guest's new name, unique in the world. `ref` is what the user typed (for the dom0 message). */
export function renameDomain(world: WorldState, host: HostState, t: XmTarget, ref: string, to: string): string | null {
  if (t.kind === 'dom0') return `Cannot rename privileged domain ${ref}`;
  if (!NAME_RE.test(to)) return 'Invalid VM Name';
  const clash = world.domains[to];
  if (clash && clash !== t.d) return `VM name '${to}' already exists${clash.domid !== null ? ` as domain ${clash.domid}` : ''}`;
  const d = t.d;
  delete world.domains[d.name];
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:1591', `Renaming domain ${d.name} to ${to}`);
  d.name = to;
  world.domains[to] = d;
  return null;
}
