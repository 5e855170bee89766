// The infrastructure jobs: rediscover a server, refresh a repository or the storage, present and
// unpresent a repository, add/remove a server to/from a pool, create/delete/edit a pool, and
// assign/unassign a VM to/from a pool. Same shape as the VM jobs (action-types.ts); who may join
// a pool and be presented a repository: pool-membership.ts.
import { STRERROR } from '../errno';
import { readDb } from '../storage/agent/agent-db';
import { dictGet, pyText } from '../storage/agent/agent-pyvalue';
import type { ManagerState } from './types';
import type { ActionDef } from './action-types';
import { findPool, findRepo, findServer, findVm, isStoppedStatus, managerEvent, stableHex, touch } from './state';
import { agentAlive, agentCallDone, agentCallFailed, agentCallStart } from './agent';
import { refreshRepository, refreshStorage, rediscoverServer } from './discover';
import { agentJoinPool, agentLeavePool, claimRepository, presentBlocker } from './pool-membership';
import { agentJoinCluster } from './rebuild';
import { agentMountRepository, agentUnmountRepository } from './agent-repository';

const noObj = (type: string, name: string) => `No such object (${type}): ${name}`;
/**
 * The Manager refuses to unpresent a repository that VMs it believes running on that server run
 * from [INFERRED: worded as the Manager's OVMRU_005002E "Operation not allowed- Virtual Machine: …";
 * the unpresent message itself was not found in public sources].
 */
const unpresentRefusal = (repo: string, server: string, vms: string[]) =>
  `Operation not allowed- Repository: ${repo}, cannot be unpresented from Server: ${server}. It is in use by running Virtual Machine(s): ${vms.join(', ')}`;
const offline = (server: string) => `Unable to connect to server ${server}: ${STRERROR.ECONNREFUSED}`;
const quick = (ms: number): ActionDef['start'] => (world, _m, job) => ((job.dueMs = world.clockMs + ms), null);
const truthy = (v: string | undefined) => ['true', 'yes', 'on', '1'].includes((v ?? '').toLowerCase());

function serverArg(m: ManagerState, a: Record<string, string>) {
  const s = findServer(m, a.server ?? '');
  if (s) a.server = s.name;
  return s;
}

/** Present and unpresent name a repository and a server; the job runs on the repository. */
function checkRepoOnServer(m: ManagerState, a: Record<string, string>, summary: (repo: string, server: string) => string): ReturnType<ActionDef['check']> {
  const r = findRepo(m, a.repository ?? '');
  if (!r) return noObj('Repository', a.repository ?? '');
  const s = serverArg(m, a);
  if (!s) return noObj('Server', a.server ?? '');
  a.repository = r.id;
  return { summary: summary(r.name, s.name), objectKey: `repo:${r.id}` };
}

export const INFRA_ACTIONS: Record<string, ActionDef> = {
  rediscover_server: {
    check(_w, m, a) {
      const s = serverArg(m, a);
      return s ? { summary: `Rediscover Server: ${s.name}`, objectKey: `server:${s.name}` } : noObj('Server', a.server ?? '');
    },
    start(world, _m, job) {
      const host = world.hosts[job.args.server!];
      if (!agentAlive(host)) return offline(job.args.server!);
      agentCallStart(world, host, 'discover_server', []);
      job.dueMs = world.clockMs + 5000;
      return null;
    },
    step(world, m, job) {
      const host = world.hosts[job.args.server!];
      if (!agentAlive(host)) return offline(job.args.server!);
      rediscoverServer(world, m, findServer(m, job.args.server!)!);
      agentCallDone(world, host, 'discover_server');
      return null;
    },
  },

  refresh_repository: {
    check(_w, m, a) {
      const r = findRepo(m, a.repository ?? '');
      if (!r) return noObj('Repository', a.repository ?? '');
      a.repository = r.id;
      return { summary: `Refresh Repository: ${r.name}`, objectKey: `repo:${r.id}` };
    },
    start: quick(4000),
    step(world, m, job) {
      const r = findRepo(m, job.args.repository!)!;
      const host = world.hosts[r.presentedTo.find((n) => agentAlive(world.hosts[n])) ?? ''];
      if (!host) return 'No server the repository is presented to is running';
      agentCallStart(world, host, 'refresh_repository', [r.mountPath, r.id]);
      const err = refreshRepository(world, m, r);
      if (err) agentCallFailed(world, host, 'refresh_repository', err);
      else agentCallDone(world, host, 'refresh_repository');
      return err;
    },
  },

  refresh_storage: {
    check: () => ({ summary: 'Refresh Storage Array: SAN', objectKey: 'storage' }),
    start: quick(3000),
    step(world, m) {
      for (const s of m.servers) {
        const h = world.hosts[s.name];
        if (agentAlive(h)) agentCallStart(world, h, 'storage_plugin_listLUNs', ['oracle.generic.SCSIPlugin.GenericPlugin']);
      }
      refreshStorage(world, m);
      return null;
    },
  },

  present_repository: {
    check: (_w, m, a) => checkRepoOnServer(m, a, (r, s) => `Present Repository: ${r} to ${s}`),
    start: quick(4000),
    step(world, m, job) {
      const r = findRepo(m, job.args.repository!)!;
      const host = world.hosts[job.args.server!];
      if (!agentAlive(host)) return offline(job.args.server!);
      if (r.status !== 'OK') return `Repository ${r.name} is ${r.status}: cannot present it`;
      const block = presentBlocker(m, r, findServer(m, host.name)!);
      if (block) return block;
      agentCallStart(world, host, 'mount_repository_fs', [r.disk ? `/dev/mapper/${r.disk}` : r.mountPath, r.mountPath]);
      const mountErr = agentMountRepository(world, m, host, r);
      if (mountErr) {
        agentCallFailed(world, host, 'mount_repository_fs', mountErr);
        return mountErr;
      }
      claimRepository(m, r, findServer(m, host.name)!);
      if (!r.presentedTo.includes(host.name)) r.presentedTo.push(host.name);
      agentCallDone(world, host, 'mount_repository_fs');
      managerEvent(world, m, 'INFORMATIONAL', r.name, 'repository.presented', `Repository ${r.name} presented to ${host.name}`);
      return null;
    },
  },

  unpresent_repository: {
    check: (_w, m, a) => checkRepoOnServer(m, a, (r, s) => `Unpresent Repository: ${r} from ${s}`),
    start: quick(3000),
    step(world, m, job) {
      const r = findRepo(m, job.args.repository!)!;
      const server = job.args.server!;
      const busy = m.vms.filter((v) => v.repository === r.id && v.server === server && !isStoppedStatus(v.status));
      if (busy.length) return unpresentRefusal(r.name, server, busy.map((v) => v.name));
      const host = world.hosts[server];
      if (!agentAlive(host)) return offline(server);
      agentCallStart(world, host, 'unmount_repository_fs', [r.mountPath]);
      // The Manager believed nothing ran there; a guest started behind its back still holds the mount.
      const err = agentUnmountRepository(world, host, r);
      if (err) {
        agentCallFailed(world, host, 'unmount_repository_fs', err);
        return err;
      }
      agentCallDone(world, host, 'unmount_repository_fs');
      r.presentedTo = r.presentedTo.filter((n) => n !== server);
      touch(m);
      managerEvent(world, m, 'INFORMATIONAL', r.name, 'repository.unpresented', `Repository ${r.name} unpresented from ${server}`);
      return null;
    },
  },

  add_server: {
    check(_w, m, a) {
      const s = serverArg(m, a);
      if (!s) return noObj('Server', a.server ?? '');
      const p = findPool(m, a.pool ?? '');
      if (!p) return noObj('ServerPool', a.pool ?? '');
      a.pool = p.id;
      return { summary: `Add Server: ${s.name} to Server Pool: ${p.name}`, objectKey: `server:${s.name}` };
    },
    start: quick(8000),
    step(world, m, job) {
      const s = findServer(m, job.args.server!)!;
      const p = findPool(m, job.args.pool!)!;
      if (s.pool) return `Server ${s.name} is already in server pool ${findPool(m, s.pool)?.name ?? s.pool}`;
      const host = world.hosts[s.name];
      if (!agentAlive(host)) return offline(s.name);
      agentCallStart(world, host, 'create_server_pool', [p.name, p.id, p.virtualIp]);
      // The agent keeps its own idea of its pool: a stale /etc/ovs-agent/db/server refuses the join.
      const db = readDb(world, host, 'server');
      const member = db.ok ? pyText(dictGet(db.db, 'pool_uuid')) : null;
      if (member && member !== p.id) {
        const msg = `exceptions.Exception:Server already a member of pool: ${member}`;
        agentCallFailed(world, host, 'create_server_pool', msg);
        return msg;
      }
      const clusterErr = agentJoinCluster(world, m, host, p);
      if (clusterErr) {
        agentCallFailed(world, host, 'create_server_pool', clusterErr);
        return clusterErr;
      }
      agentCallDone(world, host, 'create_server_pool');
      s.pool = p.id;
      if (!p.master) p.master = s.name;
      agentJoinPool(world, m, host, p);
      managerEvent(world, m, 'INFORMATIONAL', s.name, 'server.pool', `Server ${s.name} added to server pool ${p.name}`);
      return null;
    },
  },

  remove_server: {
    check(_w, m, a) {
      const s = serverArg(m, a);
      if (!s) return noObj('Server', a.server ?? '');
      return { summary: `Remove Server: ${s.name} from Server Pool`, objectKey: `server:${s.name}` };
    },
    start: quick(5000),
    step(world, m, job) {
      const s = findServer(m, job.args.server!)!;
      const p = m.pools.find((x) => x.id === s.pool);
      if (!p) return `Server ${s.name} is not in a server pool`;
      const running = m.vms.find((v) => v.server === s.name && !isStoppedStatus(v.status));
      if (running) return `Cannot remove server ${s.name}: VM ${running.name} is running on it`;
      const others = m.servers.filter((x) => x.pool === p.id && x !== s);
      if (p.master === s.name && others.length) return `Cannot remove server ${s.name}: it is the master of server pool ${p.name}; remove the other servers first`;
      const host = world.hosts[s.name];
      if (!agentAlive(host)) return offline(s.name);
      agentCallStart(world, host, 'leave_server_pool', [p.id]);
      if (!p.poolFsOk) {
        const msg = `o2cb: unable to leave the cluster: the pool file system ${p.poolFsId ?? ''} cannot be read`;
        agentCallFailed(world, host, 'leave_server_pool', msg);
        return msg;
      }
      agentCallDone(world, host, 'leave_server_pool');
      agentLeavePool(world, host);
      s.pool = null;
      if (p.master === s.name) p.master = null;
      for (const r of m.repositories) r.presentedTo = r.presentedTo.filter((n) => n !== s.name);
      managerEvent(world, m, 'INFORMATIONAL', s.name, 'server.pool', `Server ${s.name} removed from server pool ${p.name}`);
      return null;
    },
  },

  create_pool: {
    check(_w, m, a) {
      if (!a.name) return 'Missing attribute: name';
      if (findPool(m, a.name)) return `Server pool ${a.name} already exists`;
      return { summary: `Create Server Pool: ${a.name}`, objectKey: `pool:${a.name}` };
    },
    start: quick(10000),
    step(world, m, job) {
      const id = `0004fb0000020000${stableHex(`pool:${job.args.name}:${world.clockMs}`)}`;
      const disk = job.args.poolfs ? m.disks.find((d) => d.page83 === job.args.poolfs || d.name === job.args.poolfs || d.id === job.args.poolfs) : undefined;
      if (job.args.poolfs && !disk) return noObj('PhysicalDisk', job.args.poolfs);
      if (disk) disk.usage = 'poolfs';
      m.pools.push({
        id, name: job.args.name!, master: null, virtualIp: job.args.ip ?? '', ha: false,
        clusterId: stableHex(`cluster:${id}`), poolFsId: disk ? `0004fb0000050000${stableHex(`poolfs:${id}`)}` : null, poolFsDisk: disk?.page83 ?? null, poolFsOk: true,
      });
      managerEvent(world, m, 'INFORMATIONAL', job.args.name!, 'pool.created', `Server pool ${job.args.name} created`);
      return null;
    },
  },

  delete_pool: {
    check(_w, m, a) {
      const p = findPool(m, a.pool ?? '');
      if (!p) return noObj('ServerPool', a.pool ?? '');
      a.pool = p.id;
      return { summary: `Delete Server Pool: ${p.name}`, objectKey: `pool:${p.name}` };
    },
    start: quick(3000),
    step(world, m, job) {
      const p = findPool(m, job.args.pool!)!;
      if (m.servers.some((s) => s.pool === p.id)) return `Cannot delete server pool ${p.name}: it still has servers`;
      m.pools = m.pools.filter((x) => x !== p);
      for (const v of m.vms) if (v.pool === p.id) v.pool = null;
      managerEvent(world, m, 'INFORMATIONAL', p.name, 'pool.deleted', `Server pool ${p.name} deleted`);
      return null;
    },
  },

  edit_pool: {
    check(_w, m, a) {
      const p = findPool(m, a.pool ?? '');
      if (!p) return noObj('ServerPool', a.pool ?? '');
      a.pool = p.id;
      return { summary: `Edit Server Pool: ${p.name}`, objectKey: `pool:${p.name}` };
    },
    start: quick(1000),
    step(world, m, job) {
      const p = findPool(m, job.args.pool!)!;
      if (job.args.ha !== undefined) p.ha = truthy(job.args.ha);
      managerEvent(world, m, 'INFORMATIONAL', p.name, 'pool.edited', `Server pool ${p.name} edited: high availability ${p.ha ? 'on' : 'off'}`);
      return null;
    },
  },

  assign_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noObj('Vm', a.vm ?? '');
      const p = findPool(m, a.pool ?? '');
      if (!p) return noObj('ServerPool', a.pool ?? '');
      a.vm = vm.id;
      a.pool = p.id;
      return { summary: `Assign VM: ${vm.name} to ${p.name}`, objectKey: `vm:${vm.id}` };
    },
    start: quick(1000),
    step(world, m, job) {
      const vm = findVm(m, job.args.vm!)!;
      const p = findPool(m, job.args.pool!)!;
      if (vm.pool && vm.pool !== p.id) return `VM ${vm.name} is assigned to another server pool: unassign it first`;
      const repo = m.repositories.find((r) => r.id === vm.repository);
      if (repo && !repo.presentedTo.some((n) => findServer(m, n)?.pool === p.id)) return `Repository ${repo.name} of VM ${vm.name} is not presented to any server of ${p.name}`;
      vm.pool = p.id;
      touch(m);
      managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.assigned', `Virtual machine ${vm.name} assigned to server pool ${p.name}`);
      return null;
    },
  },

  unassign_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noObj('Vm', a.vm ?? '');
      a.vm = vm.id;
      return { summary: `Unassign VM: ${vm.name}`, objectKey: `vm:${vm.id}` };
    },
    start: quick(1000),
    step(world, m, job) {
      const vm = findVm(m, job.args.vm!)!;
      if (!isStoppedStatus(vm.status)) return `Cannot unassign VM ${vm.name}: it is ${vm.status}`;
      vm.pool = null;
      touch(m);
      managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.unassigned', `Virtual machine ${vm.name} moved to Unassigned Virtual Machines`);
      return null;
    },
  },
};
