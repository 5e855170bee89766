// Domain lookup and lifecycle as xend performs them: resolve `<Domain>` arguments, start, pause,
// shut down (the guest takes a few seconds), reboot, reset, destroy. Pure functions over the
// world; xend's log lines and the world's events are written here as things happen.
import { recordEvent } from '../events';
import { activeDomains } from '../world';
import { kernelVifDown, kernelVifUp, qemuLogAppend, qemuLogStart, runsDeviceModel, xendLog } from './xend-log';
import type { DomainState, HostState, WorldState, XenDomainExtras } from '../types';

export const DOM0_NAME = 'Domain-0';
export const DOM0_UUID = '00000000-0000-0000-0000-000000000000';

/** What an `xm` `<Domain>` argument names: dom0 or a guest xend knows. */
export type XmTarget = { kind: 'dom0' } | { kind: 'guest'; d: DomainState };

/** A guest with PV drivers shuts down cleanly in this many seconds after `xm shutdown`. */
export const SHUTDOWN_DELAY_MS = 5000;
/** An HVM guest's PV drivers load this long after boot; until then xend shuts it down hard. */
export const PV_DRIVERS_AFTER_MS = 20_000;

/** The domain's xend extras, created with xend's defaults on first use. */
export function xenOf(d: DomainState): XenDomainExtras {
  return (d.xen ??= { onPoweroff: 'destroy', onReboot: 'restart', onCrash: 'restart' });
}

/** Domains this host's xend knows: running here, and managed (`xm new`) here while halted. */
export function knownDomains(world: WorldState, host: HostState): DomainState[] {
  const managed = Object.values(world.domains).filter((d) => d.managedOn === host.name && (d.host === null || d.domid === null));
  return [...activeDomains(world, host.name), ...managed];
}

/** Python's int() of an argument: optional sign, digits, surrounding blanks. */
export function pyInt(s: string): number | null {
  return /^\s*[+-]?\d+\s*$/.test(s) ? parseInt(s.trim(), 10) : null;
}

/** xend's domain_lookup_nr: by name (running, then managed), by domid, then by uuid. */
export function lookupDomain(world: WorldState, host: HostState, ref: string): XmTarget | undefined {
  if (ref === DOM0_NAME) return { kind: 'dom0' };
  const active = activeDomains(world, host.name);
  const known = knownDomains(world, host);
  const byName = known.find((d) => d.name === ref);
  if (byName) return { kind: 'guest', d: byName };
  const id = pyInt(ref);
  if (id !== null) {
    if (id === 0) return { kind: 'dom0' };
    const byId = active.find((d) => d.domid === id);
    if (byId) return { kind: 'guest', d: byId };
  }
  if (ref === DOM0_UUID) return { kind: 'dom0' };
  const byUuid = known.find((d) => d.uuid === ref);
  return byUuid ? { kind: 'guest', d: byUuid } : undefined;
}


/** True when xend would shut the guest down hard (HVM without PV drivers loaded yet). */
export function shutsDownHard(world: WorldState, d: DomainState): boolean {
  if (!d.hvm) return false;
  return xenOf(d).domainType === 'xen_hvm' || world.clockMs - d.startedAtMs < PV_DRIVERS_AFTER_MS;
}

/** Gives the domain a fresh domid on `host` and starts it (checks are the caller's). */
export function startOnHost(world: WorldState, host: HostState, d: DomainState, paused = false): void {
  const x = xenOf(d);
  d.host = host.name;
  d.domid = host.nextDomId++;
  d.state = paused ? 'paused' : 'blocked';
  d.startedAtMs = world.clockMs;
  d.cpuTimeS = 0;
  delete x.pending;
  delete x.migration;
  x.pausedByAdmin = false;
  xendLog(world, host, 'DEBUG', 'XendDomain:476', `Adding Domain: ${d.domid}`);
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:2836', `XendDomainInfo.initDomain: ${d.domid} ${d.weight === 27500 ? 256 : d.weight}`);
  xendLog(world, host, 'INFO', 'image:182', `buildDomain os=${d.hvm ? 'hvm' : 'linux'} dom=${d.domid} vcpus=${d.vcpus}`);
  for (const v of d.disks) {
    xendLog(world, host, 'INFO', 'XendDomainInfo:2357', `createDevice: vbd : {'uname': '${v.prefix ?? `${v.kind}:`}${v.path}', 'mode': '${v.mode}', 'dev': '${v.vdev}${v.cdrom ? ':cdrom' : ''}'}`);
  }
  d.vifs.forEach((v) => xendLog(world, host, 'INFO', 'XendDomainInfo:2357', `createDevice: vif : {'bridge': '${v.bridge}', 'mac': '${v.mac}'}`));
  xendLog(world, host, 'DEBUG', 'DevController:139', 'Waiting for devices vbd.');
  if (runsDeviceModel(d)) qemuLogStart(world, host, d);
  kernelVifUp(world, host, d);
  if (!paused) xendLog(world, host, 'INFO', 'XendDomain:1225', `Domain ${d.name} (${d.domid}) unpaused.`);
  recordEvent(world, host.name, 'domain.started', `${d.name} started on ${host.name} (id ${d.domid})`);
}

/** Tears the domain down at once (`xm destroy`, the end of a shutdown, a crash). */
export function destroyDomain(world: WorldState, d: DomainState, why = 'destroyed'): void {
  const host = d.host ? world.hosts[d.host] : undefined;
  if (host && d.domid !== null) {
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:3071', `XendDomainInfo.destroy: domid=${d.domid}`);
    if (d.hvm) {
      xendLog(world, host, 'DEBUG', 'XendDomainInfo:2416', 'Destroying device model');
      xendLog(world, host, 'INFO', 'image:615', `${d.name} device model terminated`);
      qemuLogAppend(world, host, d, `Issued domain ${d.domid} poweroff`);
    }
    kernelVifDown(world, host, d);
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:2401', `No device model`);
  }
  const x = xenOf(d);
  recordEvent(world, d.host, `domain.${why}`, `${d.name} ${why}${d.host ? ` on ${d.host}` : ''}`);
  d.host = null;
  d.domid = null;
  d.state = 'halted';
  delete x.pending;
  delete x.migration;
  x.pausedByAdmin = false;
}

export function pauseDomain(world: WorldState, d: DomainState): void {
  d.state = 'paused';
  xenOf(d).pausedByAdmin = true;
  const host = d.host ? world.hosts[d.host] : undefined;
  if (host) xendLog(world, host, 'INFO', 'XendDomain:1195', `Domain ${d.name} (${d.domid}) paused.`);
  recordEvent(world, d.host, 'domain.paused', `${d.name} paused`);
}

export function unpauseDomain(world: WorldState, d: DomainState): void {
  d.state = 'blocked';
  xenOf(d).pausedByAdmin = false;
  const host = d.host ? world.hosts[d.host] : undefined;
  if (host) xendLog(world, host, 'INFO', 'XendDomain:1225', `Domain ${d.name} (${d.domid}) unpaused.`);
  recordEvent(world, d.host, 'domain.unpaused', `${d.name} unpaused`);
}

/**
 * `xm shutdown` / `xm reboot`: writes the request; the guest acts on it after SHUTDOWN_DELAY_MS
 * (sim/xen/xen-tick.ts), or at once when xend shuts an HVM guest without PV drivers down hard.
 * Returns xend's error text, or null.
 */
export function requestShutdown(world: WorldState, d: DomainState, kind: 'poweroff' | 'reboot' | 'halt'): string | null {
  const x = xenOf(d);
  if (x.pending) return 'Domain cannot be shutdown';
  const host = world.hosts[d.host!]!;
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:560', `XendDomainInfo.shutdown(${kind})`);
  if (shutsDownHard(world, d)) {
    xendLog(world, host, 'INFO', 'XendDomainInfo:578', `HVM save:remote shutdown dom ${d.domid}!`);
    x.pending = { kind, atMs: world.clockMs };
    completeShutdown(world, d);
    return null;
  }
  x.pending = { kind, atMs: world.clockMs + SHUTDOWN_DELAY_MS };
  return null;
}

/** The guest has shut down: xend applies on_poweroff / on_reboot. */
export function completeShutdown(world: WorldState, d: DomainState): void {
  const x = xenOf(d);
  const kind = x.pending?.kind ?? 'poweroff';
  delete x.pending;
  const host = d.host ? world.hosts[d.host] : undefined;
  if (!host || d.domid === null) return;
  xendLog(world, host, 'INFO', 'XendDomainInfo:2079', `Domain has shutdown: name=${d.name} id=${d.domid} reason=${kind}.`);
  const action = kind === 'reboot' ? x.onReboot : x.onPoweroff;
  if (action === 'restart' || action === 'rename-restart') return restartDomain(world, d, kind === 'reboot' ? 'rebooted' : 'restarted');
  if (action === 'preserve') {
    d.state = 'shutdown';
    return;
  }
  destroyDomain(world, d, 'shutdown');
}

/** The domain is destroyed and started again on the same host with a new domid. */
export function restartDomain(world: WorldState, d: DomainState, why: 'rebooted' | 'restarted' | 'reset'): void {
  const host = world.hosts[d.host!]!;
  const x = xenOf(d);
  xendLog(world, host, 'INFO', 'XendDomainInfo:2211', `Domain ${why === 'reset' ? 'reset' : 'restart'} (${d.domid}): ${d.name}`);
  if (d.hvm) qemuLogAppend(world, host, d, 'reset requested in cpu_handle_ioreq.', `Issued domain ${d.domid} reboot`);
  kernelVifDown(world, host, d);
  x.restartCount = (x.restartCount ?? 0) + 1;
  recordEvent(world, host.name, `domain.${why}`, `${d.name} ${why} on ${host.name}`);
  startOnHost(world, host, d);
}
