// Showing dom0's interfaces: `ip addr|link` (iproute 2.6.32) and `ifconfig` (net-tools 1.60).
import { ifCounters, interfaces, type NetIf } from '../../../sim/network';
import type { HostState, WorldState } from '../../../sim/types';
import { defineCommand, fail, ok } from '../../types';

function flags(i: NetIf, forIp: boolean): string[] {
  if (i.kind === 'loopback') return forIp ? ['LOOPBACK', 'UP', 'LOWER_UP'] : ['UP', 'LOOPBACK', 'RUNNING'];
  if (forIp) {
    const f = ['BROADCAST', 'MULTICAST'];
    if (i.kind === 'nic' && i.master?.startsWith('bond')) f.push('SLAVE');
    if (i.kind === 'bond') f.push('MASTER');
    return [...f, 'UP', 'LOWER_UP'];
  }
  const f = ['UP', 'BROADCAST', 'RUNNING'];
  if (i.kind === 'nic' && i.master?.startsWith('bond')) f.push('SLAVE');
  if (i.kind === 'bond') f.push('MASTER');
  return [...f, 'MULTICAST'];
}

const bcast = (addr: string, prefix: number) => {
  const n = addr.split('.').map(Number).reduce((a, b) => ((a << 8) | b) >>> 0, 0);
  const host = prefix >= 32 ? 0 : 0xffffffff >>> prefix;
  const b = (n | host) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
};
const mask = (prefix: number) => {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
};

function ipEntry(i: NetIf, addr: boolean, old: boolean): string {
  const qdisc = i.kind === 'loopback' || i.kind === 'bridge' || i.kind === 'bond' ? 'noqueue' : i.kind === 'nic' ? 'mq' : 'pfifo_fast';
  const master = i.master ? ` master ${i.master}` : '';
  const state = i.kind === 'nic' || i.kind === 'bond' ? 'UP' : 'UNKNOWN';
  const qlen = i.kind === 'nic' ? ' qlen 1000' : i.kind === 'vif' || i.kind === 'tap' ? ' qlen 32' : '';
  // OL5's iproute (2.6.18) prints neither the master nor the operational state.
  let s = old ? `${i.index}: ${i.name}: <${flags(i, true).filter((f) => f !== 'SLAVE').join(',')}> mtu ${i.mtu} qdisc ${qdisc === 'mq' ? 'pfifo_fast' : qdisc}${qlen}\n` : `${i.index}: ${i.name}: <${flags(i, true).join(',')}> mtu ${i.mtu} qdisc ${qdisc}${master} state ${state}${qlen}\n`;
  s += i.kind === 'loopback' ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff\n`;
  if (addr && i.ipv4) {
    s += i.kind === 'loopback' ? `    inet ${i.ipv4.addr}/${i.ipv4.prefix} scope host lo\n` : `    inet ${i.ipv4.addr}/${i.ipv4.prefix} brd ${bcast(i.ipv4.addr, i.ipv4.prefix)} scope global ${i.name}\n`;
  }
  return s;
}

const IP_USAGE = 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { link | addr | addrlabel | route | rule | neigh | ntable |\n                   tunnel | maddr | mroute | monitor | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -f[amily] { inet | inet6 | ipx | dnet | link } |\n                    -o[neline] | -t[imestamp] | -b[atch] [filename] |\n                    -rc[vbuf] [size]}\n';

function matches(word: string, full: string, min = 1): boolean {
  return word.length >= min && full.startsWith(word);
}

export const ip = defineCommand({
  name: 'ip',
  dir: '/sbin',
  summary: 'show network interfaces and addresses (ip addr, ip link, ip route)',
  man: { section: 8, name: 'show / manipulate routing, devices, policy routing and tunnels', synopsis: ['ip [ OPTIONS ] OBJECT { COMMAND | help }'], description: ['ip addr shows the addresses of the interfaces; on Oracle VM Server the server\'s IP address sits on the management bridge, not on the physical NIC.'] },
  usage: 'ip [ OPTIONS ] OBJECT { COMMAND | help }',
  complete: (_c, words, cur) => (words.length ? ['show', 'list'] : ['addr', 'link', 'route']).filter((w) => w.startsWith(cur)),
  run(ctx) {
    const args = ctx.args.filter((a) => !/^-(4|s|d)$/.test(a));
    const [obj, cmd = 'show', ...rest] = args;
    if (!obj || obj === 'help') return fail(IP_USAGE, obj ? 0 : 255);
    const all = interfaces(ctx.world, ctx.host);
    const isShow = ['show', 'list', 'lst'].some((w) => matches(cmd, w));
    let dev = rest[0] === 'dev' ? rest[1] : rest[0];
    if (cmd !== 'show' && !isShow && all.some((i) => i.name === cmd)) dev = cmd;
    if (matches(obj, 'address') || obj === 'a' || obj === 'addr') {
      if (!isShow && !dev) return fail(`Command "${cmd}" is unknown, try "ip addr help".\n`, 255);
      const pick = dev ? all.filter((i) => i.name === dev) : all;
      if (dev && !pick.length) return fail(`Device "${dev}" does not exist.\n`, 1);
      return ok(pick.map((i) => ipEntry(i, true, ctx.host.release === 'ovm22')).join(''));
    }
    if (matches(obj, 'link')) {
      const pick = dev ? all.filter((i) => i.name === dev) : all;
      if (dev && !pick.length) return fail(`Device "${dev}" does not exist.\n`, 1);
      return ok(pick.map((i) => ipEntry(i, false, ctx.host.release === 'ovm22')).join(''));
    }
    if (matches(obj, 'route')) {
      const br = all.find((i) => i.kind !== 'loopback' && i.ipv4)!;
      const net = br.ipv4!.addr.split('.').slice(0, 3).join('.') + '.0';
      const gw = br.ipv4!.addr.split('.').slice(0, 3).join('.') + '.1';
      return ok(`${net}/24 dev ${br.name}  proto kernel  scope link  src ${br.ipv4!.addr} \n169.254.0.0/16 dev ${br.name}  scope link  metric 1007 \ndefault via ${gw} dev ${br.name} \n`);
    }
    return fail(`Object "${obj}" is unknown, try "ip help".\n`, 255);
  },
});

function human(bytes: number): string {
  const units = ['b', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes}.0 b` : `${v.toFixed(1)} ${units[u]}`;
}

function ifconfigEntry(world: WorldState, host: HostState, i: NetIf): string {
  const c = ifCounters(world, host, i);
  const pad = ' '.repeat(10);
  let s = i.kind === 'loopback' ? `${i.name.slice(0, 9).padEnd(9)} Link encap:Local Loopback  \n` : `${i.name.slice(0, 9).padEnd(9)} Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  \n`;
  if (i.ipv4) s += i.kind === 'loopback' ? `${pad}inet addr:${i.ipv4.addr}  Mask:${mask(i.ipv4.prefix)}\n` : `${pad}inet addr:${i.ipv4.addr}  Bcast:${bcast(i.ipv4.addr, i.ipv4.prefix)}  Mask:${mask(i.ipv4.prefix)}\n`;
  s += `${pad}${flags(i, false).join(' ')}  MTU:${i.mtu}  Metric:1\n`;
  s += `${pad}RX packets:${c.rxPkts} errors:0 dropped:0 overruns:0 frame:0\n`;
  s += `${pad}TX packets:${c.txPkts} errors:0 dropped:0 overruns:0 carrier:0\n`;
  s += `${pad}collisions:0 txqueuelen:${i.kind === 'nic' ? 1000 : i.kind === 'vif' || i.kind === 'tap' ? 32 : 0} \n`;
  s += `${pad}RX bytes:${c.rxBytes} (${human(c.rxBytes)})  TX bytes:${c.txBytes} (${human(c.txBytes)})\n`;
  if (i.kind === 'nic') s += `${pad}Interrupt:${32 + Number(i.name.slice(3))} Memory:fb${Number(i.name.slice(3)) * 2}00000-fb${Number(i.name.slice(3)) * 2}20000 \n`;
  return s + '\n';
}

export const ifconfig = defineCommand({
  name: 'ifconfig',
  dir: '/sbin',
  summary: 'show network interfaces (net-tools)',
  man: { section: 8, name: 'configure a network interface', synopsis: ['ifconfig [-a] [interface]'], description: ['Ifconfig is used to configure the kernel-resident network interfaces. If no arguments are given, ifconfig displays the status of the currently active interfaces.'] },
  usage: 'ifconfig [-a] [INTERFACE]',
  run(ctx) {
    const all = interfaces(ctx.world, ctx.host);
    const args = ctx.args.filter((a) => a !== '-a' && a !== '-v');
    const bad = args.find((a) => a.startsWith('-'));
    if (bad) return fail(`ifconfig: option \`${bad}' not recognised.\nifconfig: \`--help' gives usage information.\n`, 1);
    if (args.length > 1) return fail('SIOCSIFADDR: Operation not permitted in this sandbox\n', 1);
    if (args.length === 1) {
      const i = all.find((x) => x.name === args[0]);
      if (!i) return fail(`${args[0]}: error fetching interface information: Device not found\n`, 1);
      return ok(ifconfigEntry(ctx.world, ctx.host, i));
    }
    // net-tools lists interfaces in /proc/net/dev order: by name within the kernel's list.
    const order = [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return ok(order.map((i) => ifconfigEntry(ctx.world, ctx.host, i)).join(''));
  },
});
