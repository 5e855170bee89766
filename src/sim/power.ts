// Hosts going down and coming back: `reboot` (and later crashes and power faults). While a host
// is down its domains are gone, its processes and /proc are empty, ssh to it fails, and every
// login on it is closed (the tty session watches `host.down`). Boot brings services back as
// chkconfig says. Subsystems react with ONE line in ON_DOWN / ON_BOOT.
import { recordEvent } from './events';
import { procVersion } from './proc/kernel';
import { syslog } from './logs';
import { ocfs2OnBoot, ocfs2OnDown } from './storage/ocfs2/ocfs2-power';
import { storageOnBoot, storageOnDown } from './storage/boot';
import { guestsOn } from './memory';
import { allocPid } from './processes';
import { DEFAULT_RUNLEVEL, serviceLevels, servicesOf } from './services';
import type { Sim } from './sim';
import type { DomainState, HostState, WorldState } from './types';

/** How long a dom0 takes from `reboot` to a login prompt (POST, Xen, dom0, services). */
export const REBOOT_MS = 120_000;

type PowerHook = (world: WorldState, host: HostState) => void;

/** Called when a host goes down, after its domains died (e.g. o2hb on the other nodes). */
const ON_DOWN: readonly PowerHook[] = [ocfs2OnDown, storageOnDown];
/** Called when a host has booted, after its services came up. */
const ON_BOOT: readonly PowerHook[] = [storageOnBoot, ocfs2OnBoot];

/** A domain dies with its host: no shutdown, no save. */
function dieWithHost(world: WorldState, host: HostState, d: DomainState): void {
  recordEvent(world, host.name, 'domain.died', `${d.name} died with ${host.name}`);
  d.host = null;
  d.domid = null;
  d.state = 'halted';
  if (d.xen) {
    delete d.xen.pending;
    delete d.xen.migration;
    d.xen.pausedByAdmin = false;
  }
}

/** `reboot`: the host goes down now and is back after REBOOT_MS. */
export function rebootHost(world: WorldState, host: HostState): void {
  if (host.down) return;
  syslog(world, host, `shutdown[${allocPid(host)}]`, 'shutting down for system reboot');
  syslog(world, host, 'kernel', 'Kernel logging (proc) stopped.');
  for (const d of guestsOn(world, host.name)) dieWithHost(world, host, d);
  host.down = { sinceMs: world.clockMs, upAtMs: world.clockMs + REBOOT_MS, reason: 'reboot' };
  recordEvent(world, host.name, 'host.down', `${host.name} is rebooting`);
  for (const hook of ON_DOWN) hook(world, host);
}

/** A crash (kernel panic): the guests die, the host is down until the watchdog reboots it. */
export function crashHost(world: WorldState, host: HostState, backAfterMs: number): void {
  if (host.down) return;
  syslog(world, host, 'kernel', 'Kernel panic - not syncing: Fatal exception');
  for (const d of guestsOn(world, host.name)) dieWithHost(world, host, d);
  host.down = { sinceMs: world.clockMs, upAtMs: world.clockMs + backAfterMs, reason: 'crash' };
  recordEvent(world, host.name, 'host.crashed', `${host.name} crashed (kernel panic)`);
  for (const hook of ON_DOWN) hook(world, host);
}

/** The host has booted: fresh kernel, daemons as chkconfig says, new pids, empty ring buffer. */
export function bootHost(world: WorldState, host: HostState): void {
  // Deleted, never set to undefined: an undefined key keeps its place in the live object but is
  // gone from a snapshot, so the next crash would order the host's keys differently after a restore.
  delete host.down;
  host.bootMs = world.clockMs;
  host.nextDomId = 1;
  host.dom0CpuS = 0;
  delete host.pids;
  delete host.nextPid;
  delete host.dmesgClearedMs;
  delete host.xenConsole;
  for (const def of servicesOf(host)) host.services[def.name] = serviceLevels(host, def).includes(String(DEFAULT_RUNLEVEL)) ? 'running' : 'stopped';
  syslog(world, host, 'kernel', 'imklog 5.8.10, log source = /proc/kmsg started.');
  syslog(world, host, 'rsyslogd', '[origin software="rsyslogd" swVersion="5.8.10" x-pid="1429" x-info="http://www.rsyslog.com"] start');
  syslog(world, host, 'kernel', procVersion(host).trimEnd());
  recordEvent(world, host.name, 'host.up', `${host.name} is up`);
  for (const hook of ON_BOOT) hook(world, host);
}

/** Tick system: brings rebooting hosts back when their time has come. */
export function powerTick(sim: Sim): void {
  const { world } = sim;
  for (const host of Object.values(world.hosts)) {
    if (host.down && host.down.upAtMs !== null && world.clockMs >= host.down.upAtMs) bootHost(world, host);
  }
}
