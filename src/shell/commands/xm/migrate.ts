// `xm migrate [-l] <Domain> <Host>` (migrate.py): blocks, printing nothing, until xend has sent
// the guest (sim/xen/migrate.ts); Ctrl-C kills the client but not the migration.
import { pyErrno } from '../../../sim/errno';
import { lookupDomain } from '../../../sim/xen/domains';
import { migrateFailure, startMigration } from '../../../sim/xen/migrate';
import { MIGRATE_OPTS } from './module-opts';
import { parseOpts } from './opts';
import { faultError, noSuchDomain, optionError, plainError, usageBlock, type XmSubcommand } from './subcommand';
import { pollProgram } from './wait-program';

export const migrate: XmSubcommand = {
  name: 'migrate',
  run(ctx, args) {
    const p = parseOpts(MIGRATE_OPTS, args);
    if (!p.ok) return optionError(ctx, 'migrate', p.error, p.usage);
    for (const k of ['port', 'node'] as const) {
      const v = p.values.get(k);
      if (typeof v === 'string' && !/^\s*[+-]?\d+\s*$/.test(v)) return plainError(`Invalid value: ${v}`);
    }
    if (p.args.length !== 2) return optionError(ctx, 'migrate', 'Invalid number of arguments');
    const [ref, dst] = p.args as [string, string];
    const { world, host } = ctx;
    const t = lookupDomain(world, host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0') return faultError(ctx, 'migrate', `Cannot migrate privileged domain ${ref}`);
    const d = t.d;
    if (d.domid === null || d.host === null || d.state === 'paused' || d.state === 'shutdown' || d.state === 'crashed' || d.xen?.migration) {
      return faultError(ctx, 'migrate', 'Domain is not running');
    }
    const live = p.values.has('live');
    const port = Number(p.values.get('port') ?? 0);
    // Only the plain relocation server (port 8002) listens on an OVM host.
    if ((port !== 0 && port !== 8002) || p.values.has('ssl')) return faultError(ctx, 'migrate', `can't connect: ${pyErrno('ECONNREFUSED')}`);
    const failure = migrateFailure(host, d, live);
    const started = startMigration(world, host, d, dst, live);
    if (!started.ok) return faultError(ctx, 'migrate', started.error);
    const usage = usageBlock(ctx, ctx.args[0] ?? 'migrate');
    const name = d.name;
    const outcome = started.migration.outcome;
    return {
      stdout: '',
      stderr: '',
      exitCode: 0,
      program: pollProgram((sim) => {
        const dom = sim.world.domains[name];
        if (dom?.xen?.migration) return { out: '', done: false };
        return outcome === 'fail' ? { out: '', done: true, exitCode: 1, err: `Error: ${failure}\n${usage}` } : { out: '', done: true };
      }),
    };
  },
};
