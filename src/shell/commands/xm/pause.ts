// `xm pause` / `xm unpause` (reference §1.7): no output on success; dom0 and halted domains refused.
import { lookupDomain, pauseDomain, unpauseDomain } from '../../../sim/xen/domains';
import { argCheck, done, faultError, noSuchDomain, type XmSubcommand } from './subcommand';

function pauseLike(name: 'pause' | 'unpause'): XmSubcommand {
  return {
    name,
    run(ctx, args) {
      const bad = argCheck(ctx, name, args, 1);
      if (bad) return bad;
      const ref = args[0]!;
      const t = lookupDomain(ctx.world, ctx.host, ref);
      if (!t) return noSuchDomain(ref);
      if (t.kind === 'dom0') return faultError(ctx, name, `Cannot ${name} privileged domain ${ref}`);
      const d = t.d;
      if (d.domid === null || d.host === null) return faultError(ctx, name, `Domain '${ref}' is not started`);
      if (name === 'pause') pauseDomain(ctx.world, d);
      else if (d.state === 'paused') unpauseDomain(ctx.world, d);
      return done();
    },
  };
}

export const pause = pauseLike('pause');
export const unpause = pauseLike('unpause');
