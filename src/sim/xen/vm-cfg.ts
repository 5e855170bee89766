// Writes a domain's vm.cfg the way Oracle VM Manager 3 does (reference §3, seed 002): Python
// assignments, one per line, in the Manager's dict order — the HVM flavour (builder 'hvm',
// serial/vnc/boot keys) or the PV one (pygrub, vfb). Parsing lives in pycfg.ts / vm-config.ts.
import type { DomainState, XenDomainExtras } from '../types';

const q = (s: string) => `'${s}'`;
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;

/** What xend knows of a domain whose vm.cfg renderVmCfg wrote. */
export function ovmXenExtras(d: DomainState): XenDomainExtras {
  return d.hvm
    ? { onPoweroff: 'destroy', onReboot: 'restart', onCrash: 'restart', serial: 'pty', vnc: true, keymap: 'en-us', boot: 'cd', domainType: 'xen_hvm_pv' }
    : { onPoweroff: 'destroy', onReboot: 'restart', onCrash: 'restart', bootloader: '/usr/bin/pygrub', domainType: 'xen_pvm' };
}

export function renderVmCfg(d: DomainState): string {
  const x = d.xen ?? ovmXenExtras(d);
  const disk = d.disks.map((v) => `${v.prefix ?? `${v.kind}:`}${v.path},${v.vdev}${v.cdrom ? ':cdrom' : ''},${v.mode}`);
  const vif = d.vifs.map((v) => `mac=${v.mac},bridge=${v.bridge}${v.type ? `,type=${v.type}` : ''}${v.model ? `,model=${v.model}` : ''}`);
  const rows: Array<[string, string]> = d.hvm
    ? [
        ['vif', list(vif)],
        ['OVM_simple_name', q(d.simpleName)],
        ['vnclisten', q('127.0.0.1')],
        ['serial', q(x.serial ?? 'pty')],
        ['disk', list(disk)],
        ['vncunused', '1'],
        ['uuid', q(d.uuid)],
        ['on_reboot', q(x.onReboot)],
        ['boot', q(x.boot ?? 'cd')],
        ['name', q(d.name)],
        ['cpu_weight', String(d.weight)],
        ['memory', String(d.memoryMiB)],
        ['cpu_cap', String(d.cap)],
        ['maxvcpus', String(d.maxVcpus)],
        ['OVM_high_availability', 'False'],
        ['vnc', '1'],
        ['OVM_description', q('')],
        ['on_poweroff', q(x.onPoweroff)],
        ['on_crash', q(x.onCrash)],
        ['guest_os_type', q(/Windows/i.test(d.osType) ? 'windows' : 'linux')],
        ['usbdevice', q('tablet')],
        ['builder', q('hvm')],
        ['vcpus', String(d.vcpus)],
        ['keymap', q(x.keymap ?? 'en-us')],
        ['OVM_os_type', q(d.osType)],
        ['OVM_cpu_compat_group', q('')],
        ['OVM_domain_type', q(x.domainType ?? 'xen_hvm_pv')],
      ]
    : [
        ['vif', list(vif)],
        ['OVM_simple_name', q(d.simpleName)],
        ['disk', list(disk)],
        ['bootloader', q(x.bootloader ?? '/usr/bin/pygrub')],
        ['uuid', q(d.uuid)],
        ['on_reboot', q(x.onReboot)],
        ['cpu_weight', String(d.weight)],
        ['memory', String(d.memoryMiB)],
        ['cpu_cap', String(d.cap)],
        ['maxvcpus', String(d.maxVcpus)],
        ['OVM_high_availability', 'False'],
        ['vfb', list([`type=vnc,vncunused=1,vnclisten=127.0.0.1,keymap=${x.keymap ?? 'en-us'}`])],
        ['OVM_description', q('')],
        ['on_poweroff', q(x.onPoweroff)],
        ['on_crash', q(x.onCrash)],
        ['name', q(d.name)],
        ['guest_os_type', q('linux')],
        ['builder', q('linux')],
        ['vcpus', String(d.vcpus)],
        ['OVM_os_type', q(d.osType)],
        ['OVM_cpu_compat_group', q('')],
        ['OVM_domain_type', q(x.domainType ?? 'xen_pvm')],
      ];
  if (d.maxMemMiB !== d.memoryMiB) rows.splice(rows.findIndex(([k]) => k === 'memory') + 1, 0, ['maxmem', String(d.maxMemMiB)]);
  return rows.map(([k, v]) => `${k} = ${v}`).join('\n') + '\n';
}
