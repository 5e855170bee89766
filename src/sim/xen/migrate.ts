// `xm migrate [-l]` as xend does it (reference §1.13, seeds 001/003): the domain's memory is sent
// to the target's relocation server (port 8002) at link speed — live migration keeps the guest
// running and sends dirtied pages again. xend makes NO memory check on the target: a guest that
// lands on a host without room dies there. Other pools refuse the connection; a target with a
// different CPU or without the guest's disks fails the restore, and the guest stays home.
import { pyErrno } from '../errno';
import { recordEvent } from '../events';
import { freeMemKiB, neededKiB } from '../memory';
import { serviceState } from '../services';
import { lookup } from '../vfs';
import { getHost } from '../world';
import { xenOf } from './domains';
import { afterLiveMigration } from './migration-alert';
import { kernelVifDown, kernelVifUp, qemuLogStart, runsDeviceModel, xendLog, xendStartFailed } from './xend-log';
import type { DomainState, HostState, MigrationState, WorldState } from '../types';

/** The dom0 NIC the relocation traffic uses, Mbit/s. */
export const LINK_MBIT = 1000;
/** Fixed cost of a migration (connect, device teardown/setup), seconds. */
const SETUP_S = 2;

export type MigrateStart = { ok: true; migration: MigrationState } | { ok: false; error: string };

const xcSave = (host: HostState): string => (host.release === 'ovm22' ? '/usr/lib/xen/bin/xc_save' : '/usr/lib64/xen/bin/xc_save');

/** The error xm prints when the target refused the guest mid-way (the restore failed there). */
export function migrateFailure(host: HostState, d: DomainState, live: boolean): string {
  return `${xcSave(host)} ${20 + ((d.domid ?? 0) % 10)} ${d.domid} 0 0 ${live ? 1 : 0} failed`;
}

/** Seconds the transfer takes: memory at ~90 % of the link; live adds the dirtied pages sent again. */
export function migrationSeconds(d: DomainState, live: boolean): number {
  const mibPerS = (LINK_MBIT / 8) * 0.9 * (1_000_000 / 1_048_576);
  const dirty = live ? Math.min(0.5, 0.1 + d.workload.cpuDemand * 0.5) : 0;
  return Math.ceil(SETUP_S + (d.memoryMiB * (1 + dirty)) / mibPerS);
}

/** Starts the migration of a running guest from `source` to `dst` (a host name, FQDN or IP). */
export function startMigration(world: WorldState, source: HostState, d: DomainState, dst: string, live: boolean): MigrateStart {
  const target = getHost(world, dst);
  if (!target) return { ok: false, error: "can't connect: [Errno -2] Name or service not known" };
  // OVM's relocation server only listens to its own pool (xend-relocation-hosts-allow).
  if (target.down || serviceState(target, 'xend') !== 'running' || target.poolId !== source.poolId) {
    return { ok: false, error: `can't connect: ${pyErrno('ECONNREFUSED')}` };
  }
  const sameCpu = target.cpu.model === source.cpu.model && target.cpu.virtFlag === source.cpu.virtFlag;
  const disksThere = d.disks.every((v) => lookup(world, target, v.path).ok);
  const seconds = migrationSeconds(d, live);
  const migration: MigrationState = { to: target.name, live, startMs: world.clockMs, endMs: world.clockMs + seconds * 1000, outcome: sameCpu && disksThere ? 'ok' : 'fail' };
  xenOf(d).migration = migration;
  if (!live) d.state = 'paused';
  xendLog(world, source, 'DEBUG', 'XendCheckpoint:124', `[xc_save]: ${migrateFailure(source, d, live).replace(/ failed$/, '')}`);
  xendLog(world, source, 'INFO', 'XendCheckpoint:423', 'Saving memory pages: iter 1   0%');
  recordEvent(world, source.name, 'domain.migrating', `${d.name} migrating from ${source.name} to ${target.name}${live ? ' (live)' : ''}`);
  return { ok: true, migration };
}

/** The transfer is over: the guest runs on the target, dies there, or stays home. */
export function finishMigration(world: WorldState, d: DomainState): void {
  const x = xenOf(d);
  const m = x.migration;
  const source = d.host ? world.hosts[d.host] : undefined;
  delete x.migration;
  if (!m || !source || d.domid === null) return;
  const target = world.hosts[m.to];
  if (m.outcome === 'fail' || !target || target.down) {
    xendLog(world, source, 'INFO', 'XendCheckpoint:423', 'Save exit rc=1');
    xendLog(world, source, 'ERROR', 'XendCheckpoint:133', 'Save failed on domain ' + d.name + ` (${d.domid}) - resuming.`);
    if (target) xendLog(world, target, 'ERROR', 'XendCheckpoint:357', `/usr/lib64/xen/bin/xc_restore 4 ${target.nextDomId} 1 2 0 0 0 0 failed`);
    if (!m.live) d.state = 'blocked';
    recordEvent(world, source.name, 'domain.migration-failed', `${d.name} could not be migrated to ${m.to}`);
    return;
  }
  xendLog(world, source, 'INFO', 'XendCheckpoint:135', `Domain ${d.domid} suspended.`);
  xendLog(world, source, 'DEBUG', 'XendDomainInfo:3071', `XendDomainInfo.destroy: domid=${d.domid}`);
  kernelVifDown(world, source, d);
  const need = neededKiB(d.memoryMiB, d.hvm);
  const free = freeMemKiB(world, target);
  const newId = target.nextDomId++;
  xendLog(world, target, 'DEBUG', 'XendCheckpoint:305', `[xc_restore]: /usr/lib64/xen/bin/xc_restore 4 ${newId} 1 2 0 0 0 0`);
  if (need > free) {
    // No check was made before sending: the guest's memory arrives and there is nowhere to put it.
    xendStartFailed(world, target, 'VmError', `Not enough free memory and enable-dom0-ballooning is False, so I cannot release any more.  I need ${need} KiB but only have ${free}.`);
    xendLog(world, target, 'DEBUG', 'XendDomainInfo:3071', `XendDomainInfo.destroy: domid=${newId}`);
    recordEvent(world, target.name, 'domain.crashed', `${d.name} crashed on ${target.name} after migration from ${source.name}: not enough free memory`);
    d.host = null;
    d.domid = null;
    d.state = 'halted';
    x.pausedByAdmin = false;
    return;
  }
  d.host = target.name;
  d.domid = newId;
  d.state = 'blocked';
  x.pausedByAdmin = false;
  xendLog(world, target, 'INFO', 'XendCheckpoint:423', 'Memory reloaded (0 pages)');
  if (runsDeviceModel(d)) qemuLogStart(world, target, d);
  kernelVifUp(world, target, d);
  xendLog(world, target, 'INFO', 'XendDomain:1225', `Domain ${d.name} (${d.domid}) unpaused.`);
  recordEvent(world, target.name, 'domain.migrated', `${d.name} migrated from ${source.name} to ${target.name} (id ${d.domid})`);
  if (m.live) afterLiveMigration(world, target, d);
}
