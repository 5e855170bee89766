// Edit Virtual Machine (3.x): name, description, memory and its maximum, processors and their
// maximum, priority, high availability. The Manager's database changes; the VM's vm.cfg is
// rewritten on its repository through a server's agent; a running VM takes memory, processors and
// priority live (domain-settings.ts, as xm mem-set / vcpu-set / sched-credit), its maxima only stopped.
import { DAYS, MONTHS, hms, two } from '../../lib/calendar';
import { wallTime } from '../clock';
import { setMemoryTarget, setSchedCredit, setVcpuCount } from '../xen/domain-settings';
import { editVmCfg, type VmCfgChange } from '../xen/vm-cfg-edit';
import { readFile } from '../vfs';
import type { DomainState, HostState, WorldState } from '../types';
import type { ManagerState, MgrJob, MgrVm } from './types';
import type { ActionArgs, ActionDef } from './action-types';
import { findVm, isStoppedStatus, managerEvent, touch } from './state';
import { agentAlive, agentCallDone, agentCallFailed, agentCallStart } from './agent';
import { vmEditFields } from './view';

/** The job's arguments (the OVM CLI's attribute names; `ha` as the Manager tab has always sent it). */
const NUMBERS = ['memory', 'memoryLimit', 'cpuCount', 'cpuCountLimit', 'cpuPriority'] as const;
const WEIGHT_PER_PRIORITY = 550;

/** `Sun Jun 03 15:24:03 UTC 2018`: the time stamp (Java's Date.toString) the Manager's OVMRU messages end with. */
function javaDate(world: WorldState): string {
  const d = wallTime(world, world.clockMs);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${hms(d)} UTC ${d.getUTCFullYear()}`;
}

/** The values after the edit: the VM's, with what the job changes. */
function target(vm: MgrVm, a: ActionArgs) {
  const cur = vmEditFields(vm);
  const num = (k: (typeof NUMBERS)[number], v: number) => (a[k] !== undefined ? Number(a[k]) : v);
  return {
    name: a.name ?? vm.name,
    description: a.description ?? cur.description,
    memoryMiB: num('memory', vm.memoryMiB),
    maxMemoryMiB: num('memoryLimit', cur.maxMemoryMiB),
    vcpus: num('cpuCount', vm.vcpus),
    maxVcpus: num('cpuCountLimit', cur.maxVcpus),
    priority: num('cpuPriority', cur.priority),
    ha: a.ha !== undefined ? ['true', 'yes'].includes(a.ha.toLowerCase()) : vm.ha,
  };
}

/** What is wrong with the values asked for, at submission [INFERRED wording], or null. */
function invalid(m: ManagerState, vm: MgrVm, a: ActionArgs): string | null {
  if (a.ha !== undefined && !['true', 'false', 'yes', 'no'].includes(a.ha.toLowerCase())) return `Invalid value for attribute highAvailability: ${a.ha}`;
  for (const k of NUMBERS) if (a[k] !== undefined && !/^[1-9][0-9]{0,6}$/.test(a[k]!)) return `Invalid value for attribute ${k}: ${a[k]}`;
  if (a.name !== undefined && !a.name.trim()) return 'Invalid value for attribute name: it cannot be empty';
  if (a.name !== undefined && a.name !== vm.name && findVm(m, a.name)) return `Virtual Machine name ${a.name} is already in use`;
  const t = target(vm, a);
  if (t.priority > 100) return `Invalid value for attribute cpuPriority: ${t.priority} (1 to 100)`;
  if (t.memoryMiB > t.maxMemoryMiB) return `Memory (${t.memoryMiB} MB) cannot be greater than the maximum memory (${t.maxMemoryMiB} MB)`;
  if (t.vcpus > t.maxVcpus) return `Processors (${t.vcpus}) cannot be greater than the maximum processors (${t.maxVcpus})`;
  return null;
}

/** A server whose agent answers and reads the VM's vm.cfg: the running VM's own, else one its repository is presented to. */
function agentHost(world: WorldState, m: ManagerState, vm: MgrVm, cfgPath: string) {
  const repo = m.repositories.find((r) => r.id === vm.repository);
  const names = [...new Set([vm.server, ...(repo?.presentedTo ?? []), ...m.servers.filter((s) => s.pool === vm.pool).map((s) => s.name)])].filter((n): n is string => !!n);
  return names.map((n) => world.hosts[n]).find((h) => agentAlive(h) && readFile(world, h, cfgPath).ok);
}

export const VM_EDIT_ACTIONS: Record<string, ActionDef> = {
  edit_vm: {
    check(_w, m, a) {
      const vm = findVm(m, a.vm ?? '');
      if (!vm) return `No such object (Vm): ${a.vm ?? ''}`;
      const bad = invalid(m, vm, a);
      if (bad) return bad;
      a.vm = vm.id;
      return { summary: `Edit VM: ${vm.name}`, objectKey: `vm:${vm.id}` };
    },
    start(world, _m, job) {
      job.dueMs = world.clockMs + 1000;
      return null;
    },
    step(world, m, job) {
      const vm = m.vms.find((v) => v.id === job.args.vm)!;
      return editVm(world, m, vm, job);
    },
  },
};

function editVm(world: WorldState, m: ManagerState, vm: MgrVm, job: MgrJob): string | null {
  const a = job.args;
  const bad = invalid(m, vm, a);
  if (bad) return bad;
  const cur = vmEditFields(vm);
  const t = target(vm, a);
  const running = !isStoppedStatus(vm.status);
  if (running && (t.maxMemoryMiB !== cur.maxMemoryMiB || t.maxVcpus !== cur.maxVcpus)) {
    return `OVMRU_005002E Operation not allowed- Virtual Machine: ${vm.name}, is not STOPPED. It is ${vm.status.toUpperCase()}. [${javaDate(world)}]`;
  }
  const change: VmCfgChange = {};
  if (t.name !== vm.name) change.simpleName = t.name;
  if (t.description !== cur.description) change.description = t.description;
  if (t.memoryMiB !== vm.memoryMiB) change.memoryMiB = t.memoryMiB;
  if (t.maxMemoryMiB !== cur.maxMemoryMiB) change.maxMemMiB = t.maxMemoryMiB;
  if (t.vcpus !== vm.vcpus) change.vcpus = t.vcpus;
  if (t.maxVcpus !== cur.maxVcpus) change.maxVcpus = t.maxVcpus;
  if (t.priority !== cur.priority) change.weight = t.priority * WEIGHT_PER_PRIORITY;
  if (t.ha !== vm.ha) change.ha = t.ha;
  const d = world.domains[vm.id];
  if (Object.keys(change).length && d) {
    const host = agentHost(world, m, vm, d.cfgPath);
    if (!host) return `No running server of VM ${vm.name}'s repository can write its vm.cfg`;
    agentCallStart(world, host, 'update_vm', [vm.repository ?? '', vm.id]);
    const live = running && d.host === host.name && d.domid !== null ? liveChanges(world, host, d, change) : null;
    const err = live ?? editVmCfg(world, host, d, change);
    if (err) {
      agentCallFailed(world, host, 'update_vm', err);
      return err;
    }
    agentCallDone(world, host, 'update_vm');
  }
  Object.assign(vm, { name: t.name, description: t.description, memoryMiB: t.memoryMiB, maxMemoryMiB: t.maxMemoryMiB, vcpus: t.vcpus, maxVcpus: t.maxVcpus, priority: t.priority, ha: t.ha });
  touch(m);
  managerEvent(world, m, 'INFORMATIONAL', vm.name, 'vm.edited', `Virtual machine ${vm.name} edited: high availability ${vm.ha ? 'on' : 'off'}`);
  return null;
}

/** A running domain takes memory, processors and priority from xend (the agent's calls), or xend's error. */
function liveChanges(world: WorldState, host: HostState, d: DomainState, c: VmCfgChange): string | null {
  const t = { kind: 'guest' as const, d };
  if (c.memoryMiB !== undefined) {
    const e = setMemoryTarget(world, host, t, c.memoryMiB);
    if (e) return `Error: ${e}`;
  }
  if (c.vcpus !== undefined) {
    const e = setVcpuCount(world, host, t, c.vcpus);
    if (e) return `Error: ${e}`;
  }
  if (c.weight !== undefined) {
    const e = setSchedCredit(world, host, t, c.weight, null);
    if (e) return `Error: ${e}`;
  }
  return null;
}
