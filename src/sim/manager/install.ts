// Installing the Manager into a world: an empty database, then the discovery of every pool the
// scenario built (servers, repositories, physical disks, VMs, networks), as if an administrator
// had discovered the servers and the Manager had run ever since. Draws nothing from the seed.
import { readDb } from '../storage/agent/agent-db';
import { dictGet, pyText } from '../storage/agent/agent-pyvalue';
import type { HostState, WorldState } from '../types';
import type { ManagerState } from './types';
import { describeServer, describeVm, discoverDisks, discoverRepositories, page83OfDevice } from './discover';
import { stableHex } from './state';
import { seedDbBackups } from './dbbackup';

export const MANAGER_HOSTNAME = 'ovmm';

/** The Manager's uuid and address as the agents know them (their `server` database). */
function managerIdentity(world: WorldState, hosts: HostState[]): { uuid: string; ip: string } {
  for (const h of hosts) {
    const db = readDb(world, h, 'server');
    if (!db.ok) continue;
    const uuid = pyText(dictGet(db.db, 'manager_uuid'));
    const ip = pyText(dictGet(db.db, 'manager_ip'));
    if (uuid && ip) return { uuid, ip };
  }
  const net = hosts[0]?.ip.split('.').slice(0, 3).join('.') ?? '10.10.10';
  return { uuid: `0004fb0000010000${stableHex(`manager:${world.seed}`)}`, ip: `${net}.254` };
}

/** A new Manager whose database matches the world as it stands. Replaces any earlier one. */
export function installManager(world: WorldState): ManagerState | undefined {
  const hosts = Object.values(world.hosts);
  if (!hosts.length || !world.pools.length) return undefined;
  const release = hosts.some((h) => h.release === 'ovm22') ? '2.2' : '3.4';
  const { uuid, ip } = managerIdentity(world, hosts);
  const m: ManagerState = {
    release, uuid, hostname: MANAGER_HOSTNAME, ip, up: true, upAtMs: null, rev: 1,
    pools: [], servers: [], repositories: [], disks: [], vms: [], networks: [], jobs: [], events: [],
    lastId: 0, loseEventFor: [],
  };
  world.manager = m;
  for (const p of world.pools) {
    const members = p.hosts.map((n) => world.hosts[n]).filter((h): h is HostState => !!h);
    const master = world.hosts[p.masterHost] ? p.masterHost : (members[0]?.name ?? null);
    const first = members[0];
    const sdb = first ? readDb(world, first, 'server') : null;
    const poolFsTarget = sdb?.ok ? pyText(dictGet(sdb.db, 'poolfs_target')) : null;
    m.pools.push({
      id: p.id,
      name: p.name,
      master,
      virtualIp: (first?.ip.split('.').slice(0, 3).join('.') ?? '10.10.10') + '.250',
      ha: false,
      clusterId: world.ocfs2 ? stableHex(`cluster:${p.id}`) : null,
      poolFsId: sdb?.ok ? pyText(dictGet(sdb.db, 'poolfs_uuid')) : null,
      poolFsDisk: poolFsTarget ? page83OfDevice(poolFsTarget) : null,
      poolFsOk: true,
    });
    for (const h of members) m.servers.push(describeServer(world, m, h, p.id, h.name === master));
    discoverRepositories(world, m, members, p.id);
    discoverDisks(world, m, members);
  }
  for (const d of Object.values(world.domains)) {
    const server = d.host ? m.servers.find((s) => s.name === d.host) : undefined;
    const pool = server?.pool ?? world.pools.find((p) => p.hosts.some((n) => world.hosts[n]?.mounts.some((mt) => d.cfgPath.startsWith(mt.path + '/'))))?.id ?? world.pools[0]!.id;
    m.vms.push(describeVm(m, d, pool));
  }
  // Networks: the management network (subnet as 8 hex digits, reference §7) and each VM bridge.
  const mgmt = hosts[0]!.ip.split('.').slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('') + '00';
  m.networks.push({ id: mgmt, name: hosts[0]!.ip.split('.').slice(0, 3).join('.') + '.0', roles: ['Management', 'Live Migrate', 'Cluster Heartbeat', 'Virtual Machine'], servers: hosts.map((h) => h.name) });
  const bridges = new Set(Object.values(world.domains).flatMap((d) => d.vifs.map((v) => v.bridge)));
  for (const b of [...bridges].sort()) if (b !== mgmt) m.networks.push({ id: b, name: b, roles: ['Virtual Machine'], servers: hosts.map((h) => h.name) });
  seedDbBackups(world, m);
  return m;
}

/** The world with its Manager installed (for scenario builders). */
export function withManager(world: WorldState): WorldState {
  installManager(world);
  return world;
}
