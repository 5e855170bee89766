// Checks over guests and dom0 as xend sees them: state and placement, memory, vCPUs, credit
// scheduler weight and cap, uptime, and the host's free memory.
import { freeMemoryMiB } from '../../sim/memory';
import { domainCpu, vbdCounters } from '../../sim/stats';
import {
  defineCheck, describeRange, failWith, findGuest, findHost, guestLabel, inRange, isActive, isRunning, num, oneOfStr, pass, rangeArgs, str, type Range,
} from '../check-kit';
import type { DomainState } from '../../sim/types';

type GuestState = 'running' | 'paused' | 'halted' | 'active' | 'crashed' | 'shutdown';

/** What `xm list` would make of a guest, in the words a lab uses. */
function stateWord(d: DomainState): GuestState {
  if (!isActive(d)) return 'halted';
  if (d.state === 'paused') return 'paused';
  if (d.state === 'crashed') return 'crashed';
  if (d.state === 'shutdown' || d.state === 'dying') return 'shutdown';
  return 'running';
}

const where = (d: DomainState): string => (isActive(d) ? `${stateWord(d)} on ${d.host}` : 'not running');

const domainState = defineCheck<{ domain: string; state: GuestState; host?: string }>({
  summary: 'A guest is in a state (running, paused, halted, crashed, shutdown, or active = has a domain id), optionally on a given host.',
  args: { domain: str, state: oneOfStr('running', 'paused', 'halted', 'active', 'crashed', 'shutdown'), host: str },
  required: ['domain', 'state'],
  run({ world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return a.state === 'halted' ? pass() : failWith(`${a.domain} does not exist`);
    const word = stateWord(d);
    const stateOk = a.state === 'active' ? isActive(d) : word === a.state;
    const hostOk = a.host === undefined || d.host === a.host;
    return stateOk && hostOk ? pass() : failWith(`${guestLabel(d)} is ${where(d)}`);
  },
});

function numericGuestCheck(summary: string, unit: string, read: (d: DomainState) => number, label: string) {
  return defineCheck<{ domain: string } & Range>({
    summary,
    args: { domain: str, ...rangeArgs },
    required: ['domain'],
    run({ world }, a) {
      const d = findGuest(world, a.domain);
      if (!d) return failWith(`${a.domain} does not exist`);
      const v = read(d);
      return inRange(v, a) ? pass() : failWith(`${guestLabel(d)} has ${label} ${v}${unit ? ' ' + unit : ''} (wanted ${describeRange(a, unit)})`);
    },
  });
}

const domainMemory = numericGuestCheck('A guest\'s memory target in MiB (what `xm list` Mem shows) is in a range.', 'MiB', (d) => d.memoryMiB, 'memory');
const domainMaxmem = numericGuestCheck('A guest\'s maximum memory (maxmem) in MiB is in a range.', 'MiB', (d) => d.maxMemMiB, 'maxmem');
const domainVcpus = numericGuestCheck('A guest\'s online vCPU count is in a range.', '', (d) => d.vcpus, 'vcpus');
const domainWeight = numericGuestCheck('A guest\'s credit scheduler weight is in a range.', '', (d) => d.weight, 'weight');
const domainCap = numericGuestCheck('A guest\'s credit scheduler cap (100 = one pCPU, 0 = none) is in a range.', '', (d) => d.cap, 'cap');

const domainNotRestarted = defineCheck<{ domain: string }>({
  summary: 'A guest is running and has been up since before the lab began (never stopped, rebooted or restarted).',
  args: { domain: str },
  required: ['domain'],
  run({ world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    if (!isRunning(d)) return failWith(`${guestLabel(d)} is ${where(d)}`);
    return d.startedAtMs <= 0 ? pass() : failWith(`${guestLabel(d)} was restarted (uptime reset)`);
  },
});

const productionRunning = defineCheck<Record<string, never>>({
  summary: 'Every guest the scenario marks as production is running (not paused, halted or crashed).',
  args: {},
  required: [],
  run({ world }) {
    const down = Object.values(world.domains).filter((d) => d.production && !isRunning(d));
    return down.length ? failWith(down.map((d) => `${guestLabel(d)} is ${where(d)}`).join('; ')) : pass();
  },
});

const hostFreeMemory = defineCheck<{ host: string } & Range>({
  summary: 'A host\'s free memory for guests (`xm info` free_memory, MiB) is in a range.',
  args: { host: str, ...rangeArgs },
  required: ['host'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    const free = freeMemoryMiB(world, h);
    return inRange(free, a) ? pass() : failWith(`${h.name} has ${free} MiB free (wanted ${describeRange(a, 'MiB')})`);
  },
});

const dom0Memory = defineCheck<{ host: string } & Range>({
  summary: 'Dom0\'s memory on a host (`xm list` Mem of Domain-0, MiB) is in a range.',
  args: { host: str, ...rangeArgs },
  required: ['host'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    return inRange(h.dom0MemMiB, a) ? pass() : failWith(`dom0 on ${h.name} has ${h.dom0MemMiB} MiB (wanted ${describeRange(a, 'MiB')})`);
  },
});

const weightRatio = defineCheck<{ domain: string; over: string; min: number }>({
  summary: 'A guest\'s credit weight is at least `min` times another guest\'s (the scheduler shares CPU by weight ratio).',
  args: { domain: str, over: str, min: num },
  required: ['domain', 'over', 'min'],
  run({ world }, a) {
    const d = findGuest(world, a.domain);
    const o = findGuest(world, a.over);
    if (!d || !o) return failWith(`${!d ? a.domain : a.over} does not exist`);
    return d.weight >= a.min * o.weight ? pass() : failWith(`${guestLabel(d)} has weight ${d.weight}, ${guestLabel(o)} ${o.weight}`);
  },
});

const cpuPercent = defineCheck<{ domain: string } & Range>({
  summary: 'The CPU% a running guest got from the credit scheduler over the last second (as xentop shows it; 100 = one pCPU) is in a range.',
  args: { domain: str, ...rangeArgs },
  required: ['domain'],
  run({ sim, world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    if (!isRunning(d)) return failWith(`${guestLabel(d)} is ${where(d)}`);
    const pct = Math.round(domainCpu(sim, d).lastTickPct * 10) / 10;
    return inRange(pct, a) ? pass() : failWith(`${guestLabel(d)} gets ${pct}% CPU (wanted ${describeRange(a, '%')})`);
  },
});

const ioLatency = defineCheck<{ domain: string; disk?: number } & Range>({
  summary: 'The mean latency (ms) of a running guest\'s disk requests over the last second, as the core measures it through its multipath map (`disk`: index in vm.cfg, default 0). Fails while no I/O has been measured.',
  args: { domain: str, disk: { type: 'integer', minimum: 0 }, ...rangeArgs },
  required: ['domain'],
  run({ sim, world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    if (!isRunning(d)) return failWith(`${guestLabel(d)} is ${where(d)}`);
    const ms = Math.round(vbdCounters(sim, d, a.disk ?? 0).latencyMs * 10) / 10;
    // No request in the last second: nothing measured yet (or no I/O), so nothing to grade.
    if (ms === 0) return failWith(`no disk I/O measured for ${guestLabel(d)} yet`);
    return inRange(ms, a) ? pass() : failWith(`${guestLabel(d)}'s disk answers in ${ms} ms (wanted ${describeRange(a, 'ms')})`);
  },
});

const ioErrors = defineCheck<{ domain: string } & Range>({
  summary: 'How many of a running guest\'s disk requests failed with an I/O error (no usable path), summed over its disks.',
  args: { domain: str, ...rangeArgs },
  required: ['domain'],
  run({ sim, world }, a) {
    const d = findGuest(world, a.domain);
    if (!d) return failWith(`${a.domain} does not exist`);
    const n = d.disks.reduce((s, _, i) => s + vbdCounters(sim, d, i).errors, 0);
    return inRange(n, a) ? pass() : failWith(`${guestLabel(d)} saw ${n} I/O errors`);
  },
});

const guestIoErrors = defineCheck<{ host?: string } & Range>({
  summary: 'How many disk requests failed with an I/O error across every running guest (of one host, when named).',
  args: { host: str, ...rangeArgs },
  required: [],
  run({ sim, world }, a) {
    let n = 0;
    for (const d of Object.values(world.domains)) {
      if (!isActive(d) || (a.host !== undefined && d.host !== a.host)) continue;
      n += d.disks.reduce((s, _, i) => s + vbdCounters(sim, d, i).errors, 0);
    }
    return inRange(n, a) ? pass() : failWith(`guests saw ${n} I/O errors`);
  },
});

export const xenChecks = {
  guest_io_errors: guestIoErrors,
  io_latency: ioLatency,
  io_errors: ioErrors,
  weight_ratio: weightRatio,
  cpu_percent: cpuPercent,
  dom0_memory: dom0Memory,
  domain_state: domainState,
  domain_memory: domainMemory,
  domain_maxmem: domainMaxmem,
  domain_vcpus: domainVcpus,
  domain_weight: domainWeight,
  domain_cap: domainCap,
  domain_not_restarted: domainNotRestarted,
  production_running: productionRunning,
  host_free_memory: hostFreeMemory,
};
