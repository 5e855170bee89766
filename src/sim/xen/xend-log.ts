// The logs xend and its helpers write, in their real formats (reference §1.15):
// /var/log/xen/xend.log `[YYYY-MM-DD HH:MM:SS <pid>] LEVEL (module:line) msg`, xend-debug.log,
// and qemu-dm-<name>.log per guest with a device model (HVM, or PV with a VNC framebuffer;
// rewritten at each start, as qemu-dm opens it anew).
import { appendLog, isoStamp, syslog } from '../logs';
import { asctime as cAsctime } from '../../lib/calendar';
import { wallTime } from '../clock';
import { servicePid } from '../pids';
import { writeFile } from '../vfs';
import { emulatedDisks, emulatedName } from './device-model';
import type { DomainState, HostState, WorldState } from '../types';

export const XEND_LOG = '/var/log/xen/xend.log';
export const XEND_DEBUG_LOG = '/var/log/xen/xend-debug.log';
export const qemuLogPath = (name: string): string => `/var/log/xen/qemu-dm-${name}.log`;

/** Python's time.asctime(): `Mon Jun  3 10:00:00 2013`. */
export const asctime = (world: WorldState, ms: number): string => cAsctime(wallTime(world, ms));

export type XendLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** One xend.log record; continuation lines (tracebacks) follow it unprefixed. */
export function xendLog(world: WorldState, host: HostState, level: XendLevel, where: string, message: string, ...continuation: string[]): void {
  appendLog(world, host, XEND_LOG, `[${isoStamp(world)} ${servicePid(host, 'xend')}] ${level} (${where}) ${message}`, ...continuation);
}

const PY_SITE = (host: HostState) => (host.release === 'ovm22' ? '/usr/lib/python2.4/site-packages' : '/usr/lib64/python2.6/site-packages');

/** An ERROR record with the traceback xend logs for a failed start. */
export function xendStartFailed(world: WorldState, host: HostState, exception: string, message: string): void {
  const site = PY_SITE(host);
  xendLog(
    world,
    host,
    'ERROR',
    'XendDomainInfo:488',
    'VM start failed',
    'Traceback (most recent call last):',
    `  File "${site}/xen/xend/XendDomainInfo.py", line 474, in start`,
    '    XendTask.log_progress(31, 60, self._initDomain)',
    `  File "${site}/xen/xend/XendTask.py", line 209, in log_progress`,
    '    retval = func(*args, **kwds)',
    `  File "${site}/xen/xend/XendDomainInfo.py", line 3040, in _initDomain`,
    '    raise VmError(str(exn))',
    `${exception}: ${message}`,
  );
}

/** Kernel lines in /var/log/messages when a guest's backend devices come and go. */
export function kernelVifUp(world: WorldState, host: HostState, d: DomainState): void {
  d.vifs.forEach((v, i) => {
    const dev = `vif${d.domid}.${i}`;
    syslog(world, host, 'kernel', `device ${dev} entered promiscuous mode`, `${v.bridge || 'xenbr0'}: port ${i + 2}(${dev}) entering forwarding state`);
  });
}

export function kernelVifDown(world: WorldState, host: HostState, d: DomainState): void {
  d.vifs.forEach((v, i) => {
    const dev = `vif${d.domid}.${i}`;
    syslog(world, host, 'kernel', `${v.bridge || 'xenbr0'}: port ${i + 2}(${dev}) entering disabled state`, `device ${dev} left promiscuous mode`);
  });
}

/** qemu-dm's log of an HVM guest's start (the device model rewrites it each time). */
/**
 * Whether qemu-dm runs for a domain: every HVM guest, and a PV guest with a VNC framebuffer
 * (vfb), which OVM writes into every PV vm.cfg it creates (seed 002 lists one log per VM).
 */
export function runsDeviceModel(d: DomainState): boolean {
  return d.hvm || !d.xen || d.xen.domainType === 'xen_pvm' || d.xen.vnc === true;
}

/** The device model's log for a PV guest: qemu-dm only serves the framebuffer [INFERRED lines]. */
function pvQemuLog(d: DomainState): string[] {
  return [
    `domid: ${d.domid}`,
    `Watching /local/domain/${d.domid}/logdirty/next-active`,
    `Watching /local/domain/0/device-model/${d.domid}/command`,
    `Guest uuid = ${d.uuid}`,
    `xs_read(/local/domain/0/device-model/${d.domid}/xen_extended_power_mgmt): read error`,
  ];
}

export function qemuLogStart(world: WorldState, host: HostState, d: DomainState): void {
  if (!d.hvm) {
    writeFile(world, host, qemuLogPath(d.name), pvQemuLog(d).join('\n') + '\n');
    return;
  }
  const renamed = d.disks.filter((v) => emulatedName(d, v) !== v.vdev && emulatedName(d, v) !== null).map((v) => `Change ${v.vdev} to look like ${emulatedName(d, v)}`);
  const disks = emulatedDisks(d).map((v) => (v.cdrom ? `medium change watch on \`${emulatedName(d, v)}' (index: ${d.disks.indexOf(v)}): ${v.path}` : `Using file ${v.path} in read-write mode`));
  const lines = [
    `domid: ${d.domid}`,
    '-videoram option does not work with cirrus vga device model. Videoram set to 4M.',
    ...renamed,
    ...disks,
    `Watching /local/domain/0/device-model/${d.domid}/logdirty/cmd`,
    `Watching /local/domain/0/device-model/${d.domid}/command`,
    `Watching /local/domain/${d.domid}/cpu`,
    `char device redirected to /dev/pts/${(d.domid ?? 0) % 8 + 2}`,
    'qemu_map_cache_init nr_buckets = 10000 size 4194304',
    'shared page at pfn feffd',
    'buffered io page at pfn feffb',
    `Guest uuid = ${d.uuid}`,
    'populating video RAM at ff000000',
    'mapping video RAM from ff000000',
    'Register xen platform.',
    'Done register platform.',
    'platform_fixed_ioport: changed ro/rw state of ROM memory area. now is rw state.',
    `xs_read(/local/domain/0/device-model/${d.domid}/xen_extended_power_mgmt): read error`,
    'I/O request not ready: 0, ptr: 0, port: 0, data: 0, count: 0, size: 0',
  ];
  writeFile(world, host, qemuLogPath(d.name), lines.join('\n') + '\n');
}

export function qemuLogAppend(world: WorldState, host: HostState, d: DomainState, ...lines: string[]): void {
  appendLog(world, host, qemuLogPath(d.name), ...lines);
}
