// Host-wide subcommands: `xm info [-c] [-n]`, `xm dmesg [-c]`, `xm log`, `xm top` (= xentop).
import { renderXendConfig, renderXmInfo } from '../../../sim/render/xm-info';
import { clearXenDmesg, xenDmesg } from '../../../sim/xen/dmesg';
import { nodeInfo, xendConfig } from '../../../sim/xen/node-info';
import { XEND_LOG } from '../../../sim/xen/xend-log';
import { readFile } from '../../../sim/vfs';
import { xentopProgram } from '../xentop';
import { gnuGetopt } from './getopt';
import { argCheck, done, faultError, getoptError, type XmSubcommand } from './subcommand';

export const info: XmSubcommand = {
  name: 'info',
  complete: 'none',
  run(ctx, args) {
    const bad = argCheck(ctx, 'info', args, 0, 1);
    if (bad) return bad;
    const g = gnuGetopt(args, 'cn', ['config', 'numa']);
    if (!g.ok) return getoptError(ctx, 'info', g.error);
    const has = (s: string, l: string) => g.opts.some(([k]) => k === s || k === l);
    if (has('-c', '--config')) return done(renderXendConfig(xendConfig(ctx.host)));
    return done(renderXmInfo(nodeInfo(ctx.world, ctx.host, has('-n', '--numa'))));
  },
};

export const dmesg: XmSubcommand = {
  name: 'dmesg',
  complete: 'none',
  run(ctx, args) {
    const bad = argCheck(ctx, 'dmesg', args, 0, 1);
    if (bad) return bad;
    const g = gnuGetopt(args, 'c', ['clear']);
    if (!g.ok) return getoptError(ctx, 'dmesg', g.error);
    if (g.args.length) return faultError(ctx, 'dmesg', 'No parameter required');
    const text = xenDmesg(ctx.host);
    if (g.opts.length) clearXenDmesg(ctx.host);
    return done(text);
  },
};

export const log: XmSubcommand = {
  name: 'log',
  complete: 'none',
  run(ctx, args) {
    const bad = argCheck(ctx, 'log', args, 0);
    if (bad) return bad;
    const text = readFile(ctx.world, ctx.host, XEND_LOG);
    return done((text.ok ? text.value : '') + '\n');
  },
};

export const top: XmSubcommand = {
  name: 'top',
  complete: 'none',
  run(ctx, args) {
    const bad = argCheck(ctx, 'top', args, 0);
    if (bad) return bad;
    return { ...done(), program: xentopProgram({}) };
  },
};
