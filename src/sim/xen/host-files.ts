// The Xen files of a freshly booted Oracle VM Server: /etc/xen/xend-config.sxp, the toolstack's
// binaries (present, not runnable), and /var/log/xen as boot and the running guests left it
// (xend.log history, one qemu-dm log per running HVM guest). Scenario builders call seedXenHost.
import { ymdHms } from '../../lib/calendar';
import { wallTime } from '../clock';
import { servicePid } from '../processes';
import { guestsOn } from '../memory';
import { mkdir, putNode, writeFile } from '../vfs';
import { asctime, qemuLogStart, runsDeviceModel, XEND_DEBUG_LOG, XEND_LOG } from './xend-log';
import type { HostState, WorldState } from '../types';

const XEND_CONFIG = `# -*- sh -*-
#
# Xend configuration file.
#
# Oracle VM Server: xend is driven by the Oracle VM Agent.

(xend-unix-server yes)
(xend-relocation-server yes)
(xend-relocation-ssl-server no)
(xend-unix-path /var/lib/xend/xend-socket)
(xend-relocation-port 8002)
(xend-relocation-address '')
(xend-relocation-hosts-allow '')
(network-script /bin/true)
(vif-script vif-bridge)
(dom0-min-mem 196)
(enable-dom0-ballooning no)
(total_available_memory 0)
(dom0-cpus 0)
(vncpasswd '')
(xend-domains-path /var/lib/xend/domains)
`;

const stampAt = (world: WorldState, ms: number): string => ymdHms(wallTime(world, ms));

const binary = (world: WorldState, host: HostState, path: string, size: number) =>
  putNode(world, host, path, { type: 'file', mode: 0o755, mtimeMs: host.bootMs, content: '', sizeBytes: size });

/** Writes the Xen configuration, binaries and log history of a host (call after placing guests). */
export function seedXenHost(world: WorldState, host: HostState): void {
  for (const dir of ['/etc/xen/scripts', '/etc/xen/auto', '/usr/lib/xen/bin', '/usr/lib/xen/boot', '/usr/lib64/xen/bin', '/usr/bin', '/var/lib/xend/domains', '/var/log/xen', '/var/xen/dump', '/var/run/xend']) {
    mkdir(world, host, dir, '/', true);
  }
  writeFile(world, host, '/etc/xen/xend-config.sxp', XEND_CONFIG);
  for (const s of ['block', 'vif-bridge', 'network-bridge', 'xen-hotplug-common.sh', 'xen-script-common.sh']) binary(world, host, `/etc/xen/scripts/${s}`, 4096);
  binary(world, host, '/usr/lib/xen/boot/hvmloader', 150_000);
  binary(world, host, '/usr/lib/xen/bin/qemu-dm', 1_200_000);
  binary(world, host, '/usr/lib64/xen/bin/xc_save', 18_000);
  binary(world, host, '/usr/lib64/xen/bin/xc_restore', 18_000);
  binary(world, host, '/usr/bin/pygrub', 24_000);
  binary(world, host, '/usr/sbin/xentop', 40_000);
  binary(world, host, '/usr/sbin/xm', 1_500);

  const pid = servicePid(host, 'xend');
  const rec = (ms: number, level: string, where: string, msg: string) => `[${stampAt(world, ms)} ${pid}] ${level} (${where}) ${msg}`;
  const lines = [
    rec(host.bootMs + 40_000, 'INFO', 'SrvDaemon:332', 'Xend Daemon started'),
    rec(host.bootMs + 40_000, 'INFO', 'SrvDaemon:336', 'Xend changeset: unavailable.'),
    rec(host.bootMs + 41_000, 'INFO', 'XendNetwork:114', 'Not recreating missing unmanaged network xenbr0'),
    rec(host.bootMs + 42_000, 'INFO', 'SrvServer:117', 'unix path=/var/lib/xend/xend-socket'),
    rec(host.bootMs + 42_000, 'INFO', 'XMLRPCServer:156', 'Opening Unix domain socket XML-RPC server on /var/lib/xend/xend-socket.'),
    rec(host.bootMs + 42_000, 'INFO', 'relocate:149', 'Listening for relocation connections on port 8002.'),
  ];
  const guests = guestsOn(world, host.name).sort((a, b) => a.startedAtMs - b.startedAtMs);
  for (const d of guests) {
    lines.push(
      rec(d.startedAtMs, 'DEBUG', 'XendDomainInfo:103', `XendDomainInfo.create(['vm', ['name', '${d.name}'], ['memory', ${d.memoryMiB}], ...])`),
      rec(d.startedAtMs, 'DEBUG', 'XendDomain:476', `Adding Domain: ${d.domid}`),
      rec(d.startedAtMs + 1000, 'INFO', 'image:182', `buildDomain os=${d.hvm ? 'hvm' : 'linux'} dom=${d.domid} vcpus=${d.vcpus}`),
      rec(d.startedAtMs + 2000, 'INFO', 'XendDomain:1225', `Domain ${d.name} (${d.domid}) unpaused.`),
    );
    if (runsDeviceModel(d)) qemuLogStart(world, host, d);
  }
  writeFile(world, host, XEND_LOG, lines.join('\n') + '\n');
  writeFile(world, host, XEND_DEBUG_LOG, `Xend started at ${asctime(world, host.bootMs + 40_000)}.\n`);
  for (const f of ['xen-hotplug.log', 'domain-builder-ng.log']) writeFile(world, host, `/var/log/xen/${f}`, '');
}
