// The network interfaces of a dom0, derived from the world (what ip, ifconfig and brctl show):
// NICs bonded in pairs, one bridge per Oracle VM network (the management bridge named after its
// subnet, as `c0a80100` for 192.168.1.0; VM networks with their 10-hex ids), and a vifD.N
// (plus tapD.N for HVM guests) per running guest's vNIC on the bridge its vm.cfg names.
import { guestsOn } from './memory';
import { hash32 } from './processes';
import type { HostState, WorldState } from './types';

export interface NetIf {
  index: number;
  name: string;
  mac: string;
  kind: 'loopback' | 'nic' | 'bond' | 'bridge' | 'vif' | 'tap';
  /** Bond or bridge this interface is enslaved to / a port of. */
  master?: string;
  ipv4?: { addr: string; prefix: number };
  mtu: number;
  /** Guest domid and vNIC index for vif/tap. */
  guest?: { domid: number; name: string; vif: number };
}

export interface Bridge {
  name: string;
  id: string;
  stp: boolean;
  ports: string[];
}

/** Oracle VM's management bridge name: the subnet address as 8 hex digits. */
export function managementBridge(host: HostState, prefix = 24): string {
  const ip = host.ip.split('.').map(Number);
  const mask = prefix >= 32 ? 0xffffffff : ~(0xffffffff >>> prefix) >>> 0;
  const num = ((ip[0]! << 24) | (ip[1]! << 16) | (ip[2]! << 8) | ip[3]!) >>> 0;
  return ((num & mask) >>> 0).toString(16).padStart(8, '0');
}

/** A NIC's burned-in address: Oracle/Sun OUI and bytes from the host name. */
function nicMac(host: HostState, n: number): string {
  const h = hash32(`${host.name}:nic`);
  const b = [0x00, 0x10, 0xe0, (h >>> 16) & 0xff, (h >>> 8) & 0xff, ((h & 0xff) + n) & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** VM networks present in the pool: every bridge a guest's vNIC names, sorted. */
function vmNetworks(world: WorldState, host: HostState): string[] {
  const names = new Set<string>();
  for (const d of Object.values(world.domains)) {
    const on = d.host ? world.hosts[d.host] : undefined;
    if (!on || on.poolId === host.poolId) for (const v of d.vifs) names.add(v.bridge);
  }
  return [...names].filter((b) => b !== managementBridge(host)).sort();
}

/**
 * OVM 2.2 (Xen 3.4's network-bridge script): the NIC is renamed pethN and enslaved to xenbrN
 * with MAC fe:ff:ff:ff:ff:ff; dom0 talks through ethN (the real MAC, the IP) via vif0.N.
 */
function xen3Interfaces(world: WorldState, host: HostState): NetIf[] {
  const nets = [...new Set(['xenbr0', ...vmNetworks(world, host)])].filter((n) => /^xenbr\d+$/.test(n)).sort();
  const FE = 'fe:ff:ff:ff:ff:ff';
  const out: NetIf[] = [{ index: 1, name: 'lo', mac: '00:00:00:00:00:00', kind: 'loopback', ipv4: { addr: '127.0.0.1', prefix: 8 }, mtu: 16436 }];
  for (const br of nets) {
    const n = Number(br.slice(5));
    out.push({ index: out.length + 1, name: `peth${n}`, mac: FE, kind: 'nic', master: br, mtu: 1500 });
    out.push({ index: out.length + 1, name: `eth${n}`, mac: nicMac(host, n), kind: 'nic', ...(n === 0 && { ipv4: { addr: host.ip, prefix: 24 } }), mtu: 1500 });
    out.push({ index: out.length + 1, name: `vif0.${n}`, mac: FE, kind: 'vif', master: br, mtu: 1500 });
    out.push({ index: out.length + 1, name: br, mac: FE, kind: 'bridge', mtu: 1500 });
  }
  let index = out.length + 1;
  for (const d of [...guestsOn(world, host.name)].sort((a, b) => (a.domid ?? 0) - (b.domid ?? 0))) {
    d.vifs.forEach((v, i) => {
      out.push({ index: index++, name: `vif${d.domid}.${i}`, mac: FE, kind: 'vif', master: v.bridge, mtu: 1500, guest: { domid: d.domid!, name: d.name, vif: i } });
      if (d.hvm) out.push({ index: index++, name: `tap${d.domid}.${i}`, mac: FE, kind: 'tap', master: v.bridge, mtu: 1500, guest: { domid: d.domid!, name: d.name, vif: i } });
    });
  }
  return out;
}

export function interfaces(world: WorldState, host: HostState): NetIf[] {
  if (host.release === 'ovm22') return xen3Interfaces(world, host);
  const mgmt = managementBridge(host);
  const nets = vmNetworks(world, host);
  const out: NetIf[] = [{ index: 1, name: 'lo', mac: '00:00:00:00:00:00', kind: 'loopback', ipv4: { addr: '127.0.0.1', prefix: 8 }, mtu: 65536 }];
  const bonds = Math.max(1, Math.min(2, 1 + nets.length));
  for (let i = 0; i < bonds * 2; i++) out.push({ index: out.length + 1, name: `eth${i}`, mac: nicMac(host, i), kind: 'nic', master: `bond${Math.floor(i / 2)}`, mtu: 1500 });
  for (let b = 0; b < bonds; b++) out.push({ index: out.length + 1, name: `bond${b}`, mac: nicMac(host, b * 2), kind: 'bond', master: b === 0 ? mgmt : nets[0], mtu: 1500 });
  out.push({ index: out.length + 1, name: mgmt, mac: nicMac(host, 0), kind: 'bridge', ipv4: { addr: host.ip, prefix: 24 }, mtu: 1500 });
  nets.forEach((n, i) => out.push({ index: out.length + 1, name: n, mac: nicMac(host, i === 0 && bonds > 1 ? 2 : 0), kind: 'bridge', mtu: 1500 }));
  const guests = [...guestsOn(world, host.name)].sort((a, b) => (a.domid ?? 0) - (b.domid ?? 0));
  let index = out.length + 4;
  for (const d of guests) {
    d.vifs.forEach((v, i) => {
      out.push({ index: index++, name: `vif${d.domid}.${i}`, mac: 'fe:ff:ff:ff:ff:ff', kind: 'vif', master: v.bridge, mtu: 1500, guest: { domid: d.domid!, name: d.name, vif: i } });
      if (d.hvm) out.push({ index: index++, name: `tap${d.domid}.${i}`, mac: 'fe:ff:ff:ff:ff:ff', kind: 'tap', master: v.bridge, mtu: 1500, guest: { domid: d.domid!, name: d.name, vif: i } });
    });
  }
  return out;
}

/** Bridges with their ports in sysfs (name) order; bridge id = priority 8000 + lowest port MAC. */
export function bridges(world: WorldState, host: HostState): Bridge[] {
  const ifs = interfaces(world, host);
  return ifs
    .filter((i) => i.kind === 'bridge')
    .map((br) => {
      const ports = ifs.filter((i) => i.master === br.name).map((i) => i.name).sort();
      const macs = ifs.filter((i) => i.master === br.name).map((i) => i.mac).sort();
      const mac = (macs[0] ?? br.mac).replace(/:/g, '');
      return { name: br.name, id: `8000.${mac}`, stp: false, ports };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Packet and byte counters of an interface: steady traffic since boot, deterministic. */
export function ifCounters(world: WorldState, host: HostState, nif: NetIf): { rxPkts: number; txPkts: number; rxBytes: number; txBytes: number } {
  const upS = Math.max(0, (world.clockMs - host.bootMs) / 1000);
  if (nif.kind === 'loopback') return { rxPkts: Math.floor(upS * 2.1), txPkts: Math.floor(upS * 2.1), rxBytes: Math.floor(upS * 410), txBytes: Math.floor(upS * 410) };
  const backupSlave = nif.kind === 'nic' && Number(nif.name.slice(3)) % 2 === 1;
  const rate = { nic: backupSlave ? 0.2 : 20, bond: 20, bridge: nif.ipv4 ? 12 : 1, vif: 3, tap: 0.01 }[nif.kind];
  const rxPkts = Math.floor(upS * rate * (1 + (hash32(nif.name) % 7) / 10));
  const txPkts = Math.floor(rxPkts * 0.8);
  return { rxPkts, txPkts, rxBytes: rxPkts * 412, txBytes: txPkts * 530 };
}
