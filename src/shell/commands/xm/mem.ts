// `xm mem-set` / `xm mem-max` (reference §1.8, §8.6): MiB by default, k/m/g suffixes with xm's
// integer arithmetic; raising a target takes free memory (dom0 never balloons down on OVM);
// dom0 itself can be resized (`xm mem-set 0 …`).
import { lookupDomain } from '../../../sim/xen/domains';
import { setMemoryMax, setMemoryTarget } from '../../../sim/xen/domain-settings';
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

/** Looks the domain up, then asks xend (sim/xen) to apply the change; its refusal is a fault. */
function apply(name: 'mem-set' | 'mem-max', ctx: CommandContext, ref: string, mib: number): CommandOutcome | null {
  const t = lookupDomain(ctx.world, ctx.host, ref);
  if (!t) return noSuchDomain(ref);
  const err = (name === 'mem-set' ? setMemoryTarget : setMemoryMax)(ctx.world, ctx.host, t, mib);
  return err === null ? null : faultError(ctx, name, err);
}

function memCommand(name: 'mem-set' | 'mem-max'): XmSubcommand {
  return {
    name,
    run(ctx, args) {
      const bad = argCheck(ctx, name, args, 2);
      if (bad) return bad;
      const parsed = intUnitMiB(args[1]!);
      if (!parsed) return invalidArgument(ctx, name);
      const r = apply(name, ctx, args[0]!, parsed.mib);
      if (!r) return done(parsed.warning);
      if (!parsed.warning) return r;
      // int_unit prints its warning before xend is asked; the error and usage come after.
      return { ...r, stdout: parsed.warning + r.stdout, chunks: [[1, parsed.warning], [2, r.stderr], [1, r.stdout]] };
    },
  };
}

export const memSetCmd = memCommand('mem-set');
export const memMaxCmd = memCommand('mem-max');
