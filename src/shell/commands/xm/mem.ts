// `xm mem-set` / `xm mem-max` (reference §1.8, §8.6): MiB by default, k/m/g suffixes with xm's
// integer arithmetic; raising a target takes free memory (dom0 never balloons down on OVM);
// dom0 itself can be resized (`xm mem-set 0 …`).
import { DOM0_MIN_MEM_MIB, freeMemKiB } from '../../../sim/memory';
import { lookupDomain } from '../../../sim/xen/domains';
import { xendLog } from '../../../sim/xen/xend-log';
import { argCheck, done, faultError, invalidArgument, noSuchDomain, type XmSubcommand } from './subcommand';
import type { CommandContext, CommandOutcome } from '../../types';

/** int_unit(str, 'm'): the value in MiB (integer division as Python 2 does), or null (ValueError). */
export function intUnitMiB(s: string): { mib: number; warning: string } | null {
  const last = s.slice(-1);
  const isAlpha = /^[A-Za-z]$/.test(last);
  if (!isAlpha) return /^\s*[+-]?\d+\s*$/.test(s) ? { mib: parseInt(s, 10), warning: '' } : null;
  const bases: Record<string, number> = { g: 1024 ** 3, m: 1024 ** 2, k: 1024 };
  const base = bases[last.toLowerCase()] ?? 1;
  const warning = bases[last.toLowerCase()] ? '' : 'ignoring unknown unit\n';
  const body = s.slice(0, -1);
  if (!/^\s*[+-]?\d+\s*$/.test(body)) return null;
  const value = parseInt(body, 10);
  const dst = 1024 ** 2;
  return { mib: dst > base ? Math.floor(value / (dst / base)) : value * (base / dst), warning };
}

const SANITY_MAX = 'memory_dynamic_max must be less than or equal to memory_static_max';

function memSet(ctx: CommandContext, ref: string, mib: number): CommandOutcome | null {
  const { world, host } = ctx;
  const t = lookupDomain(world, host, ref);
  if (!t) return noSuchDomain(ref);
  const free = freeMemKiB(world, host);
  const balloon = (needKiB: number) =>
    needKiB > free ? faultError(ctx, 'mem-set', `Not enough free memory and enable-dom0-ballooning is False, so I cannot release any more.  I need ${needKiB} KiB but only have ${free}.`) : null;
  if (t.kind === 'dom0') {
    const cur = host.dom0MemMiB;
    if (mib < cur && mib < DOM0_MIN_MEM_MIB) return faultError(ctx, 'mem-set', 'memory_dynamic_max too small');
    if (mib <= 0) return faultError(ctx, 'mem-set', 'memory_dynamic_max must be greater than zero');
    if (host.dom0MaxMemMiB !== undefined && mib > host.dom0MaxMemMiB) return faultError(ctx, 'mem-set', SANITY_MAX);
    if (mib > cur) {
      const e = balloon((mib - cur) * 1024);
      if (e) return e;
    }
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:1500', `Setting memory target of domain Domain-0 (0) to ${mib} MiB.`);
    host.dom0MemMiB = mib;
    return null;
  }
  const d = t.d;
  if (mib <= 0) return faultError(ctx, 'mem-set', 'memory_dynamic_max must be greater than zero');
  if (mib > d.maxMemMiB) return faultError(ctx, 'mem-set', SANITY_MAX);
  const active = d.domid !== null && d.host !== null;
  if (active && mib > d.memoryMiB) {
    const e = balloon((mib - d.memoryMiB) * 1024);
    if (e) return e;
  }
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:1500', `Setting memory target of domain ${d.name} (${active ? d.domid : 'None'}) to ${mib} MiB.`);
  d.memoryMiB = mib;
  return null;
}

function memMax(ctx: CommandContext, ref: string, mib: number): CommandOutcome | null {
  const { world, host } = ctx;
  const t = lookupDomain(world, host, ref);
  if (!t) return noSuchDomain(ref);
  if (t.kind === 'dom0') {
    if (mib < host.dom0MemMiB) return faultError(ctx, 'mem-max', SANITY_MAX);
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:1530', `Setting memory maximum of domain Domain-0 (0) to ${mib} MiB.`);
    host.dom0MaxMemMiB = mib;
    return null;
  }
  const d = t.d;
  if (mib < d.memoryMiB) return faultError(ctx, 'mem-max', SANITY_MAX);
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:1530', `Setting memory maximum of domain ${d.name} (${d.domid ?? 'None'}) to ${mib} MiB.`);
  d.maxMemMiB = mib;
  return null;
}

function memCommand(name: 'mem-set' | 'mem-max', apply: typeof memSet): XmSubcommand {
  return {
    name,
    run(ctx, args) {
      const bad = argCheck(ctx, name, args, 2);
      if (bad) return bad;
      const parsed = intUnitMiB(args[1]!);
      if (!parsed) return invalidArgument(ctx, name);
      const r = apply(ctx, args[0]!, parsed.mib);
      if (!r) return done(parsed.warning);
      if (!parsed.warning) return r;
      // int_unit prints its warning before xend is asked; the error and usage come after.
      return { ...r, stdout: parsed.warning + r.stdout, chunks: [[1, parsed.warning], [2, r.stderr], [1, r.stdout]] };
    },
  };
}

export const memSetCmd = memCommand('mem-set', memSet);
export const memMaxCmd = memCommand('mem-max', memMax);
