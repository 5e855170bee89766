// `xm save` / `xm restore` checkpoint files: the real ones start with the "LinuxGuestRecord"
// signature followed by the domain's config and memory; here the signature, then the domain's
// record as JSON (the memory is only an apparent size). Restoring gives a new domain id.
import { recordEvent } from '../events';
import { normalizePath, putNode, readFile } from '../vfs';
import { startRecord, type XendResult } from './create';
import { destroyDomain, xenOf } from './domains';
import { xendLog } from './xend-log';
import type { DomainState, HostState, WorldState } from '../types';

export const SIGNATURE = 'LinuxGuestRecord';

/** Writes the checkpoint; without `keepRunning` the domain is gone afterwards. */
export function saveDomain(world: WorldState, host: HostState, d: DomainState, path: string, keepRunning: boolean): void {
  xendLog(world, host, 'DEBUG', 'XendCheckpoint:124', `[xc_save]: /usr/lib64/xen/bin/xc_save 22 ${d.domid} 0 0 0`);
  putNode(world, host, path, { type: 'file', mode: 0o600, mtimeMs: world.clockMs, content: `${SIGNATURE}\n${JSON.stringify(d)}\n`, sizeBytes: d.memoryMiB * 1048576 + 4096 });
  xendLog(world, host, 'INFO', 'XendCheckpoint:135', `Domain ${d.domid} suspended.`);
  recordEvent(world, host.name, 'domain.saved', `${d.name} saved to ${path}`);
  if (!keepRunning) destroyDomain(world, d, 'saved');
}

/** Reads a checkpoint and starts the domain it holds (memory and disks checked as for create). */
export function restoreDomain(world: WorldState, host: HostState, path: string, paused: boolean): XendResult {
  const text = readFile(world, host, path);
  const content = text.ok ? text.value : '';
  if (!content.startsWith(SIGNATURE + '\n')) {
    return { ok: false, error: `not a valid guest state file: found '${content.slice(0, SIGNATURE.length).replace(/[^\x20-\x7e]/g, '.')}'` };
  }
  let saved: DomainState;
  try {
    saved = JSON.parse(content.slice(SIGNATURE.length + 1)) as DomainState;
  } catch {
    return { ok: false, error: `/usr/lib64/xen/bin/xc_restore 4 ${host.nextDomId} 1 2 0 0 0 0 failed` };
  }
  if (typeof saved?.name !== 'string' || typeof saved.memoryMiB !== 'number') return { ok: false, error: `/usr/lib64/xen/bin/xc_restore 4 ${host.nextDomId} 1 2 0 0 0 0 failed` };
  const prior = world.domains[saved.name];
  const record: DomainState = { ...saved, host: null, domid: null, state: 'halted', ...(prior?.managedOn && { managedOn: prior.managedOn }) };
  const started = { startedAtMs: saved.startedAtMs, cpuTimeS: saved.cpuTimeS };
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:2940', `XendDomainInfo.restore(['domain', ['name', '${saved.name}'], ...])`);
  const r = startRecord(world, host, record, paused);
  if (r.ok) {
    // The guest carries on where it was saved: its uptime and CPU time continue.
    r.d.startedAtMs = started.startedAtMs;
    r.d.cpuTimeS = started.cpuTimeS;
    xenOf(r.d).pausedByAdmin = false;
    recordEvent(world, host.name, 'domain.restored', `${r.d.name} restored from ${normalizePath(path)} (id ${r.d.domid})`);
  }
  return r;
}
