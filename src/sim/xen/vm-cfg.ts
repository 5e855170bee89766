// Writes a domain's vm.cfg the way Oracle VM Manager 3 does (reference §3): Python assignments,
// one per line, in the Manager's dict order. Parsing lives with `xm create`.
import type { DomainState } from '../types';

const q = (s: string) => `'${s}'`;
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;

export function renderVmCfg(d: DomainState): string {
  const disk = d.disks.map((v) => `${v.kind}:${v.path},${v.vdev}${v.cdrom ? ':cdrom' : ''},${v.mode}`);
  const vif = d.vifs.map((v) => `mac=${v.mac},bridge=${v.bridge}`);
  const rows: Array<[string, string]> = [
    ['vif', list(vif)],
    ['OVM_simple_name', q(d.simpleName)],
    ['vnclisten', q('127.0.0.1')],
    ['serial', q('pty')],
    ['disk', list(disk)],
    ['vncunused', '1'],
    ['uuid', q(d.uuid)],
    ['on_reboot', q('restart')],
    ['boot', q('cd')],
    ['name', q(d.name)],
    ['cpu_weight', String(d.weight)],
    ['memory', String(d.memoryMiB)],
    ['cpu_cap', String(d.cap)],
    ['maxvcpus', String(d.maxVcpus)],
    ['OVM_high_availability', 'False'],
    ['vnc', '1'],
    ['OVM_description', q('')],
    ['on_poweroff', q('destroy')],
    ['on_crash', q('restart')],
    ['guest_os_type', q('linux')],
    ['usbdevice', q('tablet')],
    ['builder', q(d.hvm ? 'hvm' : 'linux')],
    ['vcpus', String(d.vcpus)],
    ['keymap', q('en-us')],
    ['OVM_os_type', q(d.osType)],
    ['OVM_cpu_compat_group', q('')],
    ['OVM_domain_type', q(d.hvm ? 'xen_hvm_pv' : 'xen_pvm')],
  ];
  if (d.maxMemMiB !== d.memoryMiB) rows.splice(12, 0, ['maxmem', String(d.maxMemMiB)]);
  return rows.map(([k, v]) => `${k} = ${v}`).join('\n') + '\n';
}
