// The VM jobs: start, stop, kill, restart, migrate (editing a VM: actions-vm-edit.ts). Each checks the
// Manager's belief, calls the server's agent (logged in /var/log/ovs-agent.log), changes reality
// through the xend functions, and learns the outcome from the agent's event.
import { STRERROR } from '../errno';
import { destroyDomain, requestShutdown } from '../xen/domains';
import { startRecord } from '../xen/create';
import { startMigration } from '../xen/migrate';
import { freeMemoryMiB } from '../memory';
import type { WorldState } from '../types';
import type { ManagerState, MgrJob, MgrVm } from './types';
import { findServer, findVm, isRunningStatus, isStoppedStatus, statusWord, touch } from './state';
import { agentAlive, agentCallDone, agentCallFailed, agentCallStart } from './agent';
import { agentVmEvent } from './agent-events';
import type { ActionDef } from './action-types';

const STOP_TIMEOUT_MS = 300_000;

const vmOf = (m: ManagerState, job: MgrJob): MgrVm | undefined => m.vms.find((v) => v.id === job.args.vm);
const noVm = (name: string) => `No such object (Vm): ${name}`;
const offline = (server: string) => `Unable to connect to server ${server}: ${STRERROR.ECONNREFUSED}`;

/** The pool problems that stop any VM job: no master, a corrupt pool file system. */
export function poolBlocker(m: ManagerState, poolId: string | null): string | null {
  const pool = m.pools.find((p) => p.id === poolId);
  if (!pool) return null;
  if (!pool.poolFsOk) return `Server pool ${pool.name}: the pool file system is not available`;
  if (!pool.master) return `Server pool ${pool.name} has no master server: the pool cannot be managed`;
  return null;
}

/** The server a VM starts on: the one asked for, else the pool's running server with most free memory. */
export function placeVm(world: WorldState, m: ManagerState, vm: MgrVm, asked?: string): string | null {
  if (asked) return findServer(m, asked)?.name ?? null;
  const candidates = m.servers.filter((s) => s.pool === vm.pool && s.status === 'Running' && agentAlive(world.hosts[s.name]));
  candidates.sort((a, b) => freeMemoryMiB(world, world.hosts[b.name]!) - freeMemoryMiB(world, world.hosts[a.name]!) || (a.name < b.name ? -1 : 1));
  return candidates[0]?.name ?? null;
}

const vmKey = (vm: MgrVm) => `vm:${vm.id}`;

export const VM_ACTIONS: Record<string, ActionDef> = {
  start_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noVm(a.vm ?? '');
      a.vm = vm.id;
      return { summary: `Start VM: ${vm.name}`, objectKey: vmKey(vm) };
    },
    start(world, m, job) {
      const vm = vmOf(m, job)!;
      if (!isStoppedStatus(vm.status) && vm.status !== 'Error') return `Cannot start VM ${vm.name}: it is ${vm.status}`;
      const block = poolBlocker(m, vm.pool);
      if (block) return block;
      const target = placeVm(world, m, vm, job.args.server);
      if (!target) return `No server available in the pool to start VM ${vm.name}`;
      const host = world.hosts[target];
      if (!agentAlive(host)) return offline(target);
      job.args.server = target;
      agentCallStart(world, host, 'start_vm', [vm.repository ?? '', vm.id]);
      vm.status = statusWord(m, 'starting');
      touch(m);
      job.dueMs = world.clockMs + 6000;
      return null;
    },
    step(world, m, job) {
      const vm = vmOf(m, job)!;
      const host = world.hosts[job.args.server!]!;
      const d = world.domains[vm.id];
      if (!d) return fail(world, m, vm, host, 'start_vm', `Cannot find vm.cfg for ${vm.id}`);
      if (d.host !== null && d.domid !== null) return fail(world, m, vm, host, 'start_vm', `Error: Domain '${d.name}' already exists with ID '${d.domid}'`);
      const r = startRecord(world, host, d);
      if (!r.ok) return fail(world, m, vm, host, 'start_vm', `Command: ['xm', 'create', '${d.cfgPath}'] failed (1): Error: ${r.error}`);
      agentCallDone(world, host, 'start_vm');
      agentVmEvent(world, m, vm, statusWord(m, 'running'), host.name);
      return null;
    },
  },

  stop_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noVm(a.vm ?? '');
      a.vm = vm.id;
      return { summary: `Stop VM: ${vm.name}`, objectKey: vmKey(vm) };
    },
    start(world, m, job) {
      const vm = vmOf(m, job)!;
      if (!isRunningStatus(vm.status) || !vm.server) return `Cannot stop VM ${vm.name}: it is ${vm.status}`;
      const block = poolBlocker(m, vm.pool);
      if (block) return block;
      const host = world.hosts[vm.server];
      if (!agentAlive(host)) return offline(vm.server);
      job.args.server = vm.server;
      agentCallStart(world, host, 'stop_vm', [vm.repository ?? '', vm.id]);
      const d = world.domains[vm.id];
      if (!d || d.host !== host.name || d.domid === null) {
        return fail(world, m, vm, host, 'stop_vm', `Command: ['xm', 'shutdown', '${vm.id}'] failed (1): Error: Domain '${vm.id}' does not exist.`);
      }
      vm.status = statusWord(m, 'stopping');
      touch(m);
      const err = requestShutdown(world, d, 'poweroff');
      if (err) return fail(world, m, vm, host, 'stop_vm', `Error: ${err}`);
      job.dueMs = world.clockMs + 1000;
      return null;
    },
    step(world, m, job) {
      const vm = vmOf(m, job)!;
      const host = world.hosts[job.args.server!]!;
      const d = world.domains[vm.id];
      if (d && d.host === host.name && d.domid !== null) {
        if (world.clockMs - (job.startMs ?? 0) > STOP_TIMEOUT_MS) return fail(world, m, vm, host, 'stop_vm', `Timed out waiting for VM ${vm.name} to stop`);
        job.dueMs = world.clockMs + 1000;
        return 'wait';
      }
      agentCallDone(world, host, 'stop_vm');
      agentVmEvent(world, m, vm, statusWord(m, 'stopped'), null);
      return null;
    },
  },

  kill_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noVm(a.vm ?? '');
      a.vm = vm.id;
      return { summary: `Kill VM: ${vm.name}`, objectKey: vmKey(vm) };
    },
    start(world, m, job) {
      const vm = vmOf(m, job)!;
      if (!vm.server) return `Cannot kill VM ${vm.name}: it is ${vm.status}`;
      const block = poolBlocker(m, vm.pool);
      if (block) return block;
      const host = world.hosts[vm.server];
      if (!agentAlive(host)) return offline(vm.server);
      job.args.server = vm.server;
      agentCallStart(world, host, 'destroy_vm', [vm.repository ?? '', vm.id]);
      job.dueMs = world.clockMs + 2000;
      return null;
    },
    step(world, m, job) {
      const vm = vmOf(m, job)!;
      const host = world.hosts[job.args.server!]!;
      const d = world.domains[vm.id];
      if (d && d.host === host.name && d.domid !== null) destroyDomain(world, d);
      agentCallDone(world, host, 'destroy_vm');
      agentVmEvent(world, m, vm, statusWord(m, 'stopped'), null);
      return null;
    },
  },

  restart_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noVm(a.vm ?? '');
      a.vm = vm.id;
      return { summary: `Restart VM: ${vm.name}`, objectKey: vmKey(vm) };
    },
    start(world, m, job) {
      const vm = vmOf(m, job)!;
      if (!isRunningStatus(vm.status) || !vm.server) return `Cannot restart VM ${vm.name}: it is ${vm.status}`;
      const block = poolBlocker(m, vm.pool);
      if (block) return block;
      const host = world.hosts[vm.server];
      if (!agentAlive(host)) return offline(vm.server);
      job.args.server = vm.server;
      agentCallStart(world, host, 'reboot_vm', [vm.repository ?? '', vm.id]);
      const d = world.domains[vm.id];
      if (!d || d.host !== host.name || d.domid === null) return fail(world, m, vm, host, 'reboot_vm', `Command: ['xm', 'reboot', '${vm.id}'] failed (1): Error: Domain '${vm.id}' does not exist.`);
      const err = requestShutdown(world, d, 'reboot');
      if (err) return fail(world, m, vm, host, 'reboot_vm', `Error: ${err}`);
      job.dueMs = world.clockMs + 8000;
      return null;
    },
    step(world, m, job) {
      const vm = vmOf(m, job)!;
      const host = world.hosts[job.args.server!]!;
      agentCallDone(world, host, 'reboot_vm');
      const d = world.domains[vm.id];
      agentVmEvent(world, m, vm, d && d.domid !== null ? statusWord(m, 'running') : statusWord(m, 'stopped'), d?.host ?? null);
      return null;
    },
  },

  migrate_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return noVm(a.vm ?? '');
      const dst = findServer(m, a.server ?? '');
      if (!dst) return `No such object (Server): ${a.server ?? ''}`;
      a.vm = vm.id;
      a.server = dst.name;
      return { summary: `Migrate VM: ${vm.name} to ${dst.name}`, objectKey: vmKey(vm) };
    },
    start(world, m, job) {
      const vm = vmOf(m, job)!;
      const dst = findServer(m, job.args.server!)!;
      if (!isRunningStatus(vm.status) || !vm.server) return `Cannot migrate VM ${vm.name}: it is ${vm.status}`;
      if (dst.name === vm.server) return `VM ${vm.name} is already running on server ${dst.name}`;
      if (dst.pool !== vm.pool) return `Server ${dst.name} is not in the server pool of VM ${vm.name}`;
      const block = poolBlocker(m, vm.pool);
      if (block) return block;
      const src = world.hosts[vm.server];
      if (!agentAlive(src)) return offline(vm.server);
      if (!agentAlive(world.hosts[dst.name])) return offline(dst.name);
      job.args.from = vm.server;
      agentCallStart(world, src, 'migrate_vm', [vm.repository ?? '', vm.id, dst.ip]);
      const d = world.domains[vm.id];
      if (!d || d.host !== src.name || d.domid === null) return fail(world, m, vm, src, 'migrate_vm', `Error: Domain '${vm.id}' does not exist.`);
      const r = startMigration(world, src, d, dst.name, true);
      if (!r.ok) return fail(world, m, vm, src, 'migrate_vm', `Error: ${r.error}`);
      vm.status = statusWord(m, 'migrating');
      touch(m);
      job.dueMs = world.clockMs + 1000;
      return null;
    },
    step(world, m, job) {
      const vm = vmOf(m, job)!;
      const src = world.hosts[job.args.from!]!;
      const d = world.domains[vm.id];
      if (d?.xen?.migration) {
        job.dueMs = world.clockMs + 1000;
        return 'wait';
      }
      if (d && d.host === job.args.server && d.domid !== null) {
        agentCallDone(world, src, 'migrate_vm');
        agentVmEvent(world, m, vm, statusWord(m, 'running'), d.host);
        return null;
      }
      const where = d && d.domid !== null ? d.host : null;
      agentVmEvent(world, m, vm, where ? statusWord(m, 'running') : statusWord(m, 'stopped'), where);
      return fail(world, m, vm, src, 'migrate_vm', `Error: /usr/lib64/xen/bin/xc_save failed: migration of ${vm.name} to ${job.args.server} failed`);
    },
  },
};

/** An agent call failed: logged on the server, the VM's belief falls back to what the agent reports. */
function fail(world: WorldState, m: ManagerState, vm: MgrVm, host: import('../types').HostState, call: string, msg: string): string {
  agentCallFailed(world, host, call, msg);
  const d = world.domains[vm.id];
  if (vm.status === statusWord(m, 'starting') || vm.status === statusWord(m, 'stopping') || vm.status === statusWord(m, 'migrating')) {
    vm.status = d && d.domid !== null ? statusWord(m, 'running') : statusWord(m, 'stopped');
    touch(m);
  }
  return msg;
}
