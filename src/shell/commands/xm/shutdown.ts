// `xm shutdown [-w] [-a] [-H|-R] <Domain>` and `xm reboot` (= shutdown -R), after xm/shutdown.py:
// the request goes to the guest, which takes a few seconds; `-w` waits, printing each domain
// as it goes (`Domain NAME terminated` … `All domains terminated`, or `… rebooted`).
import { activeDomains } from '../../../sim/world';
import { lookupDomain, requestShutdown, xenOf } from '../../../sim/xen/domains';
import { SHUTDOWN_OPTS } from './module-opts';
import { parseOpts } from './opts';
import { argCheck, done, faultError, noSuchDomain, optionError, plainError, type XmSubcommand } from './subcommand';
import { pollProgram } from './wait-program';
import type { CommandContext, CommandOutcome } from '../../types';
import type { Sim } from '../../../sim/sim';

/** shutdown.py's RECREATING_TIMEOUT: polls a rebooting domain may be missing before it counts as failed. */
const RECREATING_TIMEOUT = 10;

function runShutdown(ctx: CommandContext, cmdName: string, argv: string[]): CommandOutcome {
  const p = parseOpts(SHUTDOWN_OPTS, argv);
  if (!p.ok) return optionError(ctx, cmdName, p.error, p.usage);
  const { world, host } = ctx;
  const has = (k: string) => p.values.has(k);
  let names: string[];
  if (has('all')) names = activeDomains(world, host.name).map((d) => d.name);
  else {
    if (p.args.length === 0) return plainError('No domain parameter given');
    if (p.args.length > 1) return plainError('No multiple domain parameters allowed');
    const t = lookupDomain(world, host, p.args[0]!);
    if (!t) return noSuchDomain(p.args[0]!);
    names = [t.kind === 'dom0' ? 'Domain-0' : t.d.name];
  }
  if (has('halt') && has('reboot')) return plainError("Can't specify halt and reboot");
  const mode = has('halt') ? 'halt' : has('reboot') ? 'reboot' : 'poweroff';
  const restartCounts = new Map<string, number>();
  for (const name of names) {
    const t = lookupDomain(world, host, name);
    if (!t) return noSuchDomain(name);
    if (t.kind === 'dom0') return faultError(ctx, cmdName, 'Domain 0 cannot be shutdown');
    if (t.d.domid === null || t.d.host === null) return faultError(ctx, cmdName, 'Domain cannot be shutdown');
    restartCounts.set(name, xenOf(t.d).restartCount ?? 0);
    const err = requestShutdown(world, t.d, mode);
    if (err) return faultError(ctx, cmdName, err);
  }
  if (!has('wait')) return done();

  // The wait loop: poll now, then once a second.
  const pending = [...names];
  const recreating = new Map<string, number>();
  const poll = (sim: Sim) => {
    const h = sim.world.hosts[host.name]!;
    const alive = new Set(activeDomains(sim.world, h.name).map((d) => d.name));
    let out = '';
    if (mode === 'reboot') {
      for (const name of [...pending]) {
        if (alive.has(name)) {
          const d = sim.world.domains[name]!;
          if ((xenOf(d).restartCount ?? 0) === restartCounts.get(name)) continue;
          out += `Domain ${name} rebooted\n`;
          pending.splice(pending.indexOf(name), 1);
        } else {
          const n = (recreating.get(name) ?? -1) + 1;
          recreating.set(name, n);
          if (n > RECREATING_TIMEOUT) {
            out += `Domain ${name} destroyed for failing to reboot\n`;
            pending.splice(pending.indexOf(name), 1);
          }
        }
      }
      if (!pending.length) out += 'All domains rebooted\n';
    } else {
      for (const name of [...pending]) {
        if (alive.has(name)) continue;
        out += `Domain ${name} terminated\n`;
        pending.splice(pending.indexOf(name), 1);
      }
      if (!pending.length) out += 'All domains terminated\n';
    }
    return { out, done: pending.length === 0 };
  };
  const first = poll(ctx.sim);
  if (first.done) return done(first.out);
  return { ...done(first.out), program: pollProgram(poll) };
}

export const shutdown: XmSubcommand = {
  name: 'shutdown',
  run(ctx, args) {
    return argCheck(ctx, 'shutdown', args, 1, 4) ?? runShutdown(ctx, ctx.args[0] ?? 'shutdown', args);
  },
};

export const reboot: XmSubcommand = {
  name: 'reboot',
  run(ctx, args) {
    return argCheck(ctx, 'reboot', args, 1, 3) ?? runShutdown(ctx, ctx.args[0] ?? 'reboot', ['-R', ...args]);
  },
};
