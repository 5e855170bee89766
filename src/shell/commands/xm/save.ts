// `xm save [-c] <Domain> <file>` and `xm restore [-p] <file>` (reference §1.13).
import { restoreDomain, saveDomain } from '../../../sim/xen/checkpoint';
import { lookupDomain } from '../../../sim/xen/domains';
import { domainCpu } from '../../../sim/stats';
import { dirname, lookup, normalizePath } from '../../../sim/vfs';
import { gnuGetopt } from './getopt';
import { argCheck, done, faultError, getoptError, noSuchDomain, plainError, type XmSubcommand } from './subcommand';

export const save: XmSubcommand = {
  name: 'save',
  complete: 'domains',
  run(ctx, args) {
    const bad = argCheck(ctx, 'save', args, 2, 3);
    if (bad) return bad;
    const g = gnuGetopt(args, 'c', ['checkpoint']);
    if (!g.ok) return getoptError(ctx, 'save', g.error);
    if (g.args.length !== 2) return faultError(ctx, 'save', 'Wrong number of parameters');
    const [ref, file] = g.args as [string, string];
    const abs = normalizePath(file, ctx.frame.cwd);
    const dir = lookup(ctx.world, ctx.host, dirname(abs));
    if (!dir.ok || dir.value.type !== 'dir') return plainError(`xm save: Unable to create file ${abs}`);
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0') return faultError(ctx, 'save', `Cannot save privileged domain ${ref}`);
    const d = t.d;
    if (d.domid === null || d.host === null || d.state === 'paused' || d.xen?.migration) return faultError(ctx, 'save', 'Domain is not running');
    d.cpuTimeS = domainCpu(ctx.sim, d).totalS;
    saveDomain(ctx.world, ctx.host, d, abs, g.opts.length > 0);
    return done();
  },
};

export const restore: XmSubcommand = {
  name: 'restore',
  complete: 'files',
  run(ctx, args) {
    const bad = argCheck(ctx, 'restore', args, 1, 2);
    if (bad) return bad;
    const g = gnuGetopt(args, 'p', ['paused']);
    if (!g.ok) return getoptError(ctx, 'restore', g.error);
    if (g.args.length !== 1) return faultError(ctx, 'restore', 'Wrong number of parameters');
    const abs = normalizePath(g.args[0]!, ctx.frame.cwd);
    const node = lookup(ctx.world, ctx.host, abs);
    if (!node.ok || node.value.type === 'dir') return plainError(`xm restore: Unable to read file ${abs}`);
    const r = restoreDomain(ctx.world, ctx.host, abs, g.opts.length > 0);
    return r.ok ? done() : faultError(ctx, 'restore', r.error);
  },
};
