// `xm vcpu-list`, `xm vcpu-set`, `xm vcpu-pin` (reference §1.9): per-vCPU placement, time and
// affinity; online vCPUs up to maxvcpus on a running guest; pins kept per vCPU.
import { pyErrnoTuple } from '../../../sim/errno';
import { fixed, padLeft, padRight } from '../../../lib/format';
import { pcpuCount } from '../../../sim/scenario/hosts';
import { dom0Cpu, domainCpu } from '../../../sim/stats';
import { formatCpumap, parseCpuList } from '../../../sim/xen/cpus';
import { knownDomains, lookupDomain, pyInt, xenOf } from '../../../sim/xen/domains';
import { pinVcpus, setVcpuCount } from '../../../sim/xen/domain-settings';
import { argCheck, done, faultError, invalidArgument, noSuchDomain, type XmSubcommand } from './subcommand';
import type { CommandContext, CommandOutcome } from '../../types';
import type { DomainState, HostState } from '../../../sim/types';

const HEADER = `${padRight('Name', 32)} ${padLeft('ID', 5)} ${padLeft('VCPU', 5)} ${padLeft('CPU', 5)} ${padLeft('State', 5)} ${padLeft('Time(s)', 9)} CPU Affinity`;

function row(name: string, domid: string, n: number, c: string, s: string, t: number, map: string): string {
  return `${padRight(name, 32)} ${padLeft(domid, 5)} ${padLeft(n, 5)} ${padLeft(c, 5)} ${padLeft(s, 5)}  ${fixed(t, 8, 1)} ${map}`;
}

function dom0Rows(ctx: CommandContext, host: HostState): string[] {
  const cpu = dom0Cpu(ctx.sim, host);
  const nr = pcpuCount(host);
  // OVM pins dom0's vCPUs (dom0_vcpus_pin): vCPU i lives on CPU i.
  const pinned = host.release !== 'ovm22';
  return Array.from({ length: host.dom0Vcpus }, (_, i) => row('Domain-0', '0', i, String(pinned ? i % nr : Math.max(0, cpu.perVcpuPcpu[i] ?? i) % nr), i === 0 ? 'r--' : '-b-', cpu.perVcpuS[i] ?? 0, pinned ? String(i % nr) : 'any cpu'));
}

function guestRows(ctx: CommandContext, host: HostState, d: DomainState): string[] {
  const nr = pcpuCount(host);
  const aff = xenOf(d).affinity ?? [];
  const active = d.domid !== null && d.host !== null;
  if (!active) return Array.from({ length: d.maxVcpus }, (_, i) => row(d.name, '', i, '', '', 0, formatCpumap(aff[i], nr)));
  const cpu = domainCpu(ctx.sim, d);
  return Array.from({ length: d.maxVcpus }, (_, i) => {
    const map = aff[i];
    const online = i < d.vcpus;
    if (!online) return row(d.name, String(d.domid), i, '-', '--p', cpu.perVcpuS[i] ?? 0, formatCpumap(map, nr));
    // A vCPU the core has not placed yet shows where Xen would have started it.
    const placed = cpu.perVcpuPcpu[i] ?? -1;
    let pcpu = (placed >= 0 ? placed : ((d.domid ?? 0) * 3 + i * 2) % nr) % nr;
    if (map && map.length && !map.includes(pcpu)) pcpu = map.find((x) => x < nr) ?? pcpu;
    const s = d.state === 'running' && i === 0 ? 'r--' : d.state === 'paused' ? '---' : '-b-';
    return row(d.name, String(d.domid), i, String(pcpu), s, cpu.perVcpuS[i] ?? 0, formatCpumap(map, nr));
  });
}

/** vcpu-list's output (shared with the deprecated `xm list -v`). */
export function vcpuListOutcome(ctx: CommandContext, params: readonly string[]): CommandOutcome {
  const { world, host } = ctx;
  const lines = [HEADER];
  if (params.length) {
    for (const ref of params) {
      const t = lookupDomain(world, host, ref);
      if (!t) return noSuchDomain(ref);
      lines.push(...(t.kind === 'dom0' ? dom0Rows(ctx, host) : guestRows(ctx, host, t.d)));
    }
  } else {
    const names = [...knownDomains(world, host).map((d) => d.name), 'Domain-0'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of names) {
      const t = lookupDomain(world, host, n)!;
      lines.push(...(t.kind === 'dom0' ? dom0Rows(ctx, host) : guestRows(ctx, host, t.d)));
    }
  }
  return done(lines.join('\n') + '\n');
}

export const vcpuList: XmSubcommand = {
  name: 'vcpu-list',
  run: (ctx, args) => vcpuListOutcome(ctx, args),
};

export const vcpuSet: XmSubcommand = {
  name: 'vcpu-set',
  run(ctx, args) {
    const bad = argCheck(ctx, 'vcpu-set', args, 2);
    if (bad) return bad;
    const [ref, count] = args as [string, string];
    const n = pyInt(count);
    if (n === null) return invalidArgument(ctx, 'vcpu-set');
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    const err = setVcpuCount(ctx.world, ctx.host, t, n);
    return err === null ? done() : faultError(ctx, 'vcpu-set', err);
  },
};

export const vcpuPin: XmSubcommand = {
  name: 'vcpu-pin',
  run(ctx, args) {
    const bad = argCheck(ctx, 'vcpu-pin', args, 3);
    if (bad) return bad;
    const [ref, vcpu, cpus] = args as [string, string, string];
    const map = parseCpuList(cpus === 'all' ? '0-63' : cpus);
    if (!map) return invalidArgument(ctx, 'vcpu-pin');
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    const max = t.kind === 'dom0' ? ctx.host.dom0Vcpus : t.d.maxVcpus;
    let which: number[];
    if (vcpu.toLowerCase() === 'all') which = Array.from({ length: max }, (_, i) => i);
    else {
      const v = pyInt(vcpu);
      if (v === null) return faultError(ctx, 'vcpu-pin', `invalid literal for int() with base 10: '${vcpu}'`);
      which = [v];
    }
    const nr = pcpuCount(ctx.host);
    const usable = map.filter((c) => c >= 0 && c < nr);
    for (const v of which) {
      if (v < 0 || v >= max || !usable.length) return faultError(ctx, 'vcpu-pin', `Cannot pin vcpu: ${v} to cpu: [${map.join(', ')}] - ${pyErrnoTuple('EINVAL')}`);
    }
    pinVcpus(t, which, map);
    return done();
  },
};
