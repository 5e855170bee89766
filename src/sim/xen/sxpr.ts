// A domain's SXP record as xend returns it (XendConfig.to_sxp, reference §1.4 `xm list -l`),
// and the per-device records behind `xm network-list` / `xm block-list`. Numbers that are
// only identifiers (mfns, device uuids, event channels) are derived from the domain's name,
// never drawn from the world's random generator, so reading changes nothing.
import { hash32 } from '../processes';
import { domainMemKiB } from '../memory';
import { dom0Cpu, domainCpu } from '../stats';
import { stateString } from '../render/xm-list';
import { DOM0_NAME, DOM0_UUID, xenOf } from './domains';
import { vdevNumber } from './vm-config';
import type { Sxp } from '../render/xm-sxp';
import type { Sim } from '../sim';
import type { DomainState, HostState } from '../types';

/** A uuid derived from a seed string (device uuids). */
function derivedUuid(seed: string): string {
  const h = [0, 1, 2, 3].map((i) => hash32(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Python 2's str(float): 12 significant digits, always with a decimal point. */
export function pyFloat(x: number): string {
  let t = Number(x.toPrecision(12)).toString();
  if (/e/.test(t)) t = x.toFixed(1);
  return t.includes('.') ? t : `${t}.0`;
}

/** status: 0 halted, 1 paused, 2 running, 3 suspended, 4 shutting down, 5 crashed. */
function statusOf(d: DomainState): number {
  if (d.domid === null || d.host === null) return 0;
  return { paused: 1, shutdown: 4, crashed: 5, dying: 4, halted: 0, running: 2, blocked: 2 }[d.state];
}

function imageOf(d: DomainState): Sxp {
  const x = xenOf(d);
  if (d.hvm) {
    return [
      'image',
      [
        'hvm',
        ['kernel', ''],
        ['device_model', '/usr/lib/xen/bin/qemu-dm'],
        ['videoram', 4],
        ['boot', x.boot ?? 'c'],
        ['serial', x.serial ?? ''],
        ['vnc', x.vnc ? 1 : 0],
        ['vncunused', 1],
        ['keymap', x.keymap ?? 'en-us'],
        ['acpi', 1],
        ['apic', 1],
        ['pae', 1],
        ['usb', 0],
        ['xen_platform_pci', 1],
        ['notes', ['SUSPEND_CANCEL', 1]],
      ],
    ];
  }
  return ['image', ['linux', ['kernel', x.kernel ?? ''], ['videoram', 4], ['tsc_mode', 0], ['nomigrate', 0], ['notes', ['FEATURES', '!writable_page_tables|pae_pgdir_above_4gb'], ['VIRT_BASE', '18446744071562067968'], ['GUEST_OS', 'linux'], ['HYPERCALL_PAGE', '18446744071578849280'], ['LOADER', 'generic'], ['SUSPEND_CANCEL', 1], ['PAE_MODE', 'yes'], ['ENTRY', '18446744071584923648'], ['XEN_VERSION', 'xen-3.0']]]];
}

function devicesOf(d: DomainState): Sxp[] {
  const out: Sxp[] = [];
  d.vifs.forEach((v, i) => {
    const vif: Sxp[] = ['vif', ['bridge', v.bridge], ['mac', v.mac], ['script', '/etc/xen/scripts/vif-bridge'], ['uuid', derivedUuid(`${d.uuid}/vif/${i}`)], ['backend', 0]];
    if (v.type) vif.push(['type', v.type]);
    if (v.model) vif.push(['model', v.model]);
    out.push(['device', vif]);
  });
  d.disks.forEach((v, i) => {
    out.push([
      'device',
      ['vbd', ['uuid', derivedUuid(`${d.uuid}/vbd/${i}`)], ['bootable', i === 0 ? 1 : 0], ['driver', 'paravirtualised'], ['dev', `${v.vdev}:${v.cdrom ? 'cdrom' : 'disk'}`], ['uname', `${v.prefix ?? `${v.kind}:`}${v.path}`], ['mode', v.mode], ['backend', 0]],
    ]);
  });
  out.push(['device', ['console', ['protocol', 'vt100'], ['location', '2'], ['uuid', derivedUuid(`${d.uuid}/console`)]]]);
  if (d.hvm && xenOf(d).vnc) out.push(['device', ['vfb', ['vncunused', '1'], ['uuid', derivedUuid(`${d.uuid}/vfb`)], ['vnc', '1'], ['location', `127.0.0.1:${5900 + (d.domid ?? 0)}`]]]);
  return out;
}

/** `xm list -l` record of a guest. */
export function guestSxp(sim: Sim, d: DomainState): Sxp {
  const x = xenOf(d);
  const active = d.domid !== null && d.host !== null;
  const out: Sxp[] = ['domain'];
  if (active) out.push(['domid', d.domid!]);
  out.push(
    ['cpu_weight', d.weight],
    ['cpu_cap', d.cap],
    ['on_crash', x.onCrash],
    ['uuid', d.uuid],
    ['bootloader_args', x.bootloader ? '-q' : ''],
    ['vcpus', d.maxVcpus],
    ['name', d.name],
    ['on_poweroff', x.onPoweroff],
    ['pool_name', 'Pool-0'],
    ['on_reboot', x.onReboot],
    ['bootloader', x.bootloader ?? ''],
    ['description', ''],
    ['maxmem', d.maxMemMiB],
    ['memory', Math.floor(domainMemKiB(d) / 1024)],
    ['shadow_memory', d.hvm ? Math.ceil(d.maxMemMiB / 1024) * 2 : 0],
    ['features', ''],
    ['on_xend_start', 'ignore'],
    ['on_xend_stop', 'ignore'],
  );
  if (active) {
    const seed = hash32(`${d.name}/${d.domid}`);
    out.push(
      ['start_time', pyFloat((sim.world.epochMs + d.startedAtMs) / 1000)],
      ['cpu_time', pyFloat(domainCpu(sim, d).totalS)],
      ['online_vcpus', d.vcpus],
    );
    out.push(imageOf(d), ['status', statusOf(d)], ['state', stateString(d.state)], ['store_mfn', 1000000 + (seed % 8000000)], ['console_mfn', 1000000 + (seed % 8000000) - 1]);
  } else {
    out.push(imageOf(d), ['status', 0]);
  }
  out.push(...devicesOf(d));
  return out;
}

/** `xm list -l` record of dom0. */
export function dom0Sxp(sim: Sim, host: HostState): Sxp {
  return [
    'domain',
    ['domid', 0],
    ['cpu_weight', 256],
    ['cpu_cap', 0],
    ['on_crash', 'restart'],
    ['uuid', DOM0_UUID],
    ['bootloader_args', ''],
    ['vcpus', host.dom0Vcpus],
    ['name', DOM0_NAME],
    ['on_poweroff', 'destroy'],
    ['pool_name', 'Pool-0'],
    ['on_reboot', 'restart'],
    ['bootloader', ''],
    ['description', ''],
    ['maxmem', host.dom0MaxMemMiB ?? 16777215],
    ['memory', host.dom0MemMiB],
    ['shadow_memory', 0],
    ['features', ''],
    ['on_xend_start', 'ignore'],
    ['on_xend_stop', 'ignore'],
    ['start_time', pyFloat((sim.world.epochMs + host.bootMs) / 1000)],
    ['cpu_time', pyFloat(dom0Cpu(sim, host).totalS)],
    ['online_vcpus', host.dom0Vcpus],
    ['image', ['linux', ['kernel', ''], ['videoram', 4], ['tsc_mode', 0], ['nomigrate', 0]]],
    ['status', 2],
    ['state', 'r-----'],
    ['device', ['console', ['protocol', 'vt100'], ['location', '2'], ['uuid', derivedUuid(`${host.name}/dom0/console`)]]],
  ];
}

/** One device as getDeviceSxprs returns it: [devid, [[key, value] …]] with xenstore's values. */
export function vifDevices(d: DomainState): Array<[number, Array<[string, string]>]> {
  return d.vifs.map((v, i) => {
    return [
      i,
      [
        ['backend-id', '0'],
        ['mac', v.mac],
        ['handle', String(i)],
        ['state', '4'],
        ['backend', `/local/domain/0/backend/vif/${d.domid}/${i}`],
        ['tx-ring-ref', String(768 + i * 2)],
        ['rx-ring-ref', String(769 + i * 2)],
        ['event-channel', String(12 + i * 2 + d.disks.length)],
        ['request-rx-copy', '1'],
        ['feature-rx-notify', '1'],
        ['feature-sg', '1'],
        ['feature-gso-tcpv4', '1'],
      ],
    ];
  });
}

export function vbdDevices(d: DomainState): Array<[number, Array<[string, string]>]> {
  return d.disks.map((v, i) => {
    const dev = vdevNumber(v.vdev);
    return [
      dev,
      [
        ['backend-id', '0'],
        ['virtual-device', String(dev)],
        ['device-type', v.cdrom ? 'cdrom' : 'disk'],
        ['state', '4'],
        ['backend', `/local/domain/0/backend/vbd/${d.domid}/${dev}`],
        ['ring-ref', String(8 + i)],
        ['event-channel', String(10 + i)],
        ['protocol', 'x86_64-abi'],
      ],
    ];
  });
}
