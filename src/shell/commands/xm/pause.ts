// `xm pause` / `xm unpause` (reference §1.7): no output on success.
import { findDomain, pauseDomain, unpauseDomain } from '../../../sim/xen/domains';
import { ok } from '../../types';
import { argCountError, noSuchDomain, xmError, type XmSubcommand } from './subcommand';

function pauseLike(name: 'pause' | 'unpause'): XmSubcommand {
  const sub: XmSubcommand = {
    name,
    argstring: '<Domain>',
    description: name === 'pause' ? 'Pause execution of a domain.' : 'Unpause a paused domain.',
    run(ctx, args) {
      if (args.length !== 1) return argCountError(sub, 1);
      const ref = args[0]!;
      if (ref === '0' || ref === 'Domain-0') return xmError(sub, `Cannot ${name} privileged domain ${ref}`);
      const d = findDomain(ctx.world, ctx.host.name, ref);
      if (!d) return noSuchDomain(ref);
      if (name === 'pause' && d.state !== 'paused') pauseDomain(ctx.world, d);
      if (name === 'unpause' && d.state === 'paused') unpauseDomain(ctx.world, d);
      return ok();
    },
  };
  return sub;
}

export const pause = pauseLike('pause');
export const unpause = pauseLike('unpause');
