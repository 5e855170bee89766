// `xm destroy` (immediate, no output) and `xm reset` (hard reboot: a new domain id).
import { destroyDomain, lookupDomain, restartDomain } from '../../../sim/xen/domains';
import { argCheck, done, faultError, noSuchDomain, type XmSubcommand } from './subcommand';

export const destroy: XmSubcommand = {
  name: 'destroy',
  run(ctx, args) {
    const bad = argCheck(ctx, 'destroy', args, 1);
    if (bad) return bad;
    const ref = args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0') return faultError(ctx, 'destroy', `Cannot destroy privileged domain ${ref}`);
    if (t.d.domid !== null && t.d.host !== null) destroyDomain(ctx.world, t.d);
    return done();
  },
};

export const reset: XmSubcommand = {
  name: 'reset',
  run(ctx, args) {
    const bad = argCheck(ctx, 'reset', args, 1);
    if (bad) return bad;
    const ref = args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0') return faultError(ctx, 'reset', `Cannot reset privileged domain ${ref}`);
    if (t.d.domid === null || t.d.host === null) return faultError(ctx, 'reset', `Domain '${ref}' is not started`);
    restartDomain(ctx.world, t.d, 'reset');
    return done();
  },
};
