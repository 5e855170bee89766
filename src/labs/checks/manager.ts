// Checks over the Oracle VM Manager's view (its database, which can disagree with the servers):
// a VM's status as the Manager shows it, whether that matches reality, pool membership, the pool
// master, presented repositories, HA flags, and how a job ended.
import { realStatus } from '../../sim/manager/discover';
import { findPool, findRepo, findServer, findVm } from '../../sim/manager/state';
import { bool, defineCheck, failWith, oneOfStr, pass, str } from '../check-kit';
import { findLun } from '../../sim/storage/san/san';
import { resolveLun } from './storage';
import type { ManagerState } from '../../sim/manager/types';
import type { WorldState } from '../../sim/types';

const noManager = () => failWith('there is no Oracle VM Manager in this data centre');
const mgr = (world: WorldState): ManagerState | undefined => world.manager;

const STATUSES = ['Running', 'Stopped', 'Starting', 'Stopping', 'Migrating', 'Error', 'Powered Off', 'Shutting Down', 'Initializing', 'Paused'];

const managerVmStatus = defineCheck<{ vm: string; status: string; server?: string }>({
  summary: 'The Manager shows a VM (by its name in the Manager) in this status, optionally on this server — what the Manager believes, not what the server runs.',
  args: { vm: str, status: oneOfStr(...STATUSES), server: str },
  required: ['vm', 'status'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const vm = findVm(m, a.vm);
    if (!vm) return failWith(`the Manager has no VM ${a.vm}`);
    const ok = vm.status === a.status && (a.server === undefined || vm.server === a.server);
    return ok ? pass() : failWith(`the Manager shows ${vm.name} ${vm.status}${vm.server ? ` on ${vm.server}` : ''}`);
  },
});

const managerInSync = defineCheck<{ vm?: string }>({
  summary: 'The Manager\'s status of a VM (of every VM when none is named) matches what the servers really run.',
  args: { vm: str },
  required: [],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const vms = a.vm === undefined ? m.vms : [findVm(m, a.vm)].filter((v) => v !== undefined);
    if (!vms.length) return failWith(`the Manager has no VM ${a.vm ?? ''}`);
    for (const vm of vms) {
      const d = world.domains[vm.id];
      if (!d) continue;
      const real = realStatus(m, d);
      const host = d.domid !== null ? d.host : null;
      if (vm.status !== real || vm.server !== host) return failWith(`the Manager shows ${vm.name} ${vm.status}${vm.server ? ` on ${vm.server}` : ''}, but it is ${real}${host ? ` on ${host}` : ''}`);
    }
    return pass();
  },
});

const managerServerPool = defineCheck<{ server: string; pool?: string }>({
  summary: 'In the Manager, a server belongs to this server pool (to no pool when `pool` is left out).',
  args: { server: str, pool: str },
  required: ['server'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const s = findServer(m, a.server);
    if (!s) return failWith(`the Manager does not know server ${a.server}`);
    const current = s.pool ? (m.pools.find((p) => p.id === s.pool)?.name ?? s.pool) : null;
    const wanted = a.pool === undefined ? null : (findPool(m, a.pool)?.name ?? a.pool);
    return current === wanted ? pass() : failWith(`${s.name} is ${current ? `in server pool ${current}` : 'not in a server pool'}`);
  },
});

const managerVmPool = defineCheck<{ vm: string; pool?: string }>({
  summary: 'In the Manager, a VM is assigned to this server pool (is unassigned when `pool` is left out).',
  args: { vm: str, pool: str },
  required: ['vm'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const vm = findVm(m, a.vm);
    if (!vm) return failWith(`the Manager has no VM ${a.vm}`);
    const current = vm.pool ? (m.pools.find((p) => p.id === vm.pool)?.name ?? vm.pool) : null;
    const wanted = a.pool === undefined ? null : (findPool(m, a.pool)?.name ?? a.pool);
    return current === wanted ? pass() : failWith(`${vm.name} is ${current ? `in server pool ${current}` : 'unassigned'}`);
  },
});

const managerPoolMaster = defineCheck<{ pool: string; server?: string }>({
  summary: 'A server pool has a master (this server, when named).',
  args: { pool: str, server: str },
  required: ['pool'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const p = findPool(m, a.pool);
    if (!p) return failWith(`the Manager has no server pool ${a.pool}`);
    if (!p.master) return failWith(`server pool ${p.name} has no master`);
    return a.server === undefined || p.master === a.server ? pass() : failWith(`the master of ${p.name} is ${p.master}`);
  },
});

const managerRepoPresented = defineCheck<{ repository: string; server: string; presented?: boolean }>({
  summary: 'In the Manager, a repository (name or id) is presented to a server (or is not, with presented: false).',
  args: { repository: str, server: str, presented: bool },
  required: ['repository', 'server'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const r = findRepo(m, a.repository);
    if (!r) return failWith(`the Manager has no repository ${a.repository}`);
    const is = r.presentedTo.includes(a.server);
    return is === (a.presented ?? true) ? pass() : failWith(`${r.name} is ${is ? '' : 'not '}presented to ${a.server}`);
  },
});

const managerRepoStatus = defineCheck<{ repository: string; status: 'OK' | 'Orphaned' | 'Unavailable'; lun?: string | number }>({
  summary: 'A repository\'s status in the Manager (Orphaned: its LUN\'s page83 id is gone; Unavailable: the pool file system is corrupt); with `lun`, the Manager also has it on that LUN\'s current page83 id.',
  args: { repository: str, status: oneOfStr('OK', 'Orphaned', 'Unavailable'), lun: { type: ['string', 'integer'], pattern: '\\S' } },
  required: ['repository', 'status'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const r = findRepo(m, a.repository);
    if (!r) return failWith(`the Manager has no repository ${a.repository}`);
    if (r.status !== a.status) return failWith(`the Manager shows ${r.name} ${r.status}`);
    if (a.lun === undefined) return pass();
    const ref = resolveLun(world, a.lun);
    const wwid = ref ? findLun(world, ref)?.wwid : undefined;
    if (!wwid) return failWith(`no LUN ${a.lun}`);
    return r.disk === wwid ? pass() : failWith(`the Manager has ${r.name} on another physical disk than LUN ${a.lun}`);
  },
});

const managerHa = defineCheck<{ vm?: string; pool?: string; enabled: boolean }>({
  summary: 'High availability is on (enabled: true) or off for a VM and/or a server pool in the Manager.',
  args: { vm: str, pool: str, enabled: bool },
  required: ['enabled'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    if (a.vm === undefined && a.pool === undefined) return failWith('name a vm or a pool');
    if (a.pool !== undefined) {
      const p = findPool(m, a.pool);
      if (!p) return failWith(`the Manager has no server pool ${a.pool}`);
      if (p.ha !== a.enabled) return failWith(`HA is ${p.ha ? 'on' : 'off'} for server pool ${p.name}`);
    }
    if (a.vm !== undefined) {
      const v = findVm(m, a.vm);
      if (!v) return failWith(`the Manager has no VM ${a.vm}`);
      if (v.ha !== a.enabled) return failWith(`HA is ${v.ha ? 'on' : 'off'} for ${v.name}`);
    }
    return pass();
  },
});

const managerJob = defineCheck<{ summary: string; status?: 'Success' | 'Failure' | 'In Progress' }>({
  summary: 'A Manager job whose description starts with `summary` (e.g. "Stop VM: sv101") exists; with `status`, the latest such job has that status.',
  args: { summary: str, status: oneOfStr('Success', 'Failure', 'In Progress') },
  required: ['summary'],
  run({ world }, a) {
    const m = mgr(world);
    if (!m) return noManager();
    const jobs = m.jobs.filter((j) => j.summary.startsWith(a.summary));
    const last = jobs.at(-1);
    if (!last) return failWith(`no job "${a.summary}" has run`);
    return a.status === undefined || last.status === a.status ? pass() : failWith(`the last job "${last.summary}" ended ${last.status}${last.message ? `: ${last.message}` : ''}`);
  },
});

export const managerChecks = {
  manager_vm_status: managerVmStatus,
  manager_in_sync: managerInSync,
  manager_server_pool: managerServerPool,
  manager_vm_pool: managerVmPool,
  manager_pool_master: managerPoolMaster,
  manager_repo_presented: managerRepoPresented,
  manager_repo_status: managerRepoStatus,
  manager_ha: managerHa,
  manager_job: managerJob,
};
