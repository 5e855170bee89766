// `xm uptime [-s] [Domain …]` (reference §1.11), `xm domstate`, `xm domid`, `xm domname`.
import { wallTime } from '../../../sim/clock';
import { hms, two } from '../../../lib/calendar';
import { stateString } from '../../../sim/render/xm-list';
import { DOM0_NAME, knownDomains, lookupDomain, xenOf, type XmTarget } from '../../../sim/xen/domains';
import { gnuGetopt } from './getopt';
import { argCheck, done, getoptError, noSuchDomain, type XmSubcommand } from './subcommand';
import type { CommandContext } from '../../types';

/** Python's round(): half away from zero. */
const pyRound = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

function targetsOf(ctx: CommandContext, params: readonly string[]): XmTarget[] | string {
  if (!params.length) {
    const names = [...knownDomains(ctx.world, ctx.host).map((d) => d.name), DOM0_NAME].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((n) => lookupDomain(ctx.world, ctx.host, n)!);
  }
  const out: XmTarget[] = [];
  for (const p of params) {
    const t = lookupDomain(ctx.world, ctx.host, p);
    if (!t) return p;
    out.push(t);
  }
  return out;
}

export const uptime: XmSubcommand = {
  name: 'uptime',
  run(ctx, args) {
    const g = gnuGetopt(args, 's', ['short']);
    if (!g.ok) return getoptError(ctx, 'uptime', g.error);
    const short = g.opts.length > 0;
    const targets = targetsOf(ctx, g.args);
    if (typeof targets === 'string') return noSuchDomain(targets);
    const { world, host } = ctx;
    const lines: string[] = short ? [] : [`${'Name'.padEnd(33)} ${'ID'.padStart(4)} Uptime `];
    for (const t of targets) {
      let name: string;
      let domid: string;
      let up: number;
      if (t.kind === 'dom0') {
        name = DOM0_NAME;
        domid = '0';
        up = pyRound((world.clockMs - host.bootMs) / 1000);
      } else {
        name = t.d.name;
        const active = t.d.domid !== null && t.d.host !== null;
        domid = active ? String(t.d.domid) : '';
        up = active ? pyRound((world.clockMs - t.d.startedAtMs) / 1000) : 0;
      }
      const days = Math.floor(up / 86400);
      up -= days * 86400;
      const hours = Math.floor(up / 3600);
      up -= hours * 3600;
      const minutes = Math.floor(up / 60);
      const seconds = up - minutes * 60;
      let s = days > 0 ? `${days} day${days > 1 ? 's' : ''}, ` : '';
      s += `${String(hours).padStart(2)}:${two(minutes)}`;
      if (short) {
        const now = wallTime(world);
        s = ` ${hms(now)} up ${s}, ${name} (${domid})`;
      } else s = `${name.padEnd(32)} ${domid.padStart(5)} ${s}:${two(seconds)}`;
      lines.push(s);
    }
    return done(lines.map((l) => l + '\n').join(''));
  },
};

export const domstate: XmSubcommand = {
  name: 'domstate',
  run(ctx, args) {
    const bad = argCheck(ctx, 'domstate', args, 1);
    if (bad) return bad;
    const g = gnuGetopt(args, 's', ['domname=']);
    if (!g.ok) return getoptError(ctx, 'domstate', g.error);
    const t = lookupDomain(ctx.world, ctx.host, g.args[0] ?? args[0]!);
    if (!t) return noSuchDomain(g.args[0] ?? args[0]!);
    const state = t.kind === 'dom0' ? 'r-----' : t.d.domid !== null && t.d.host !== null ? stateString(t.d.state) : '------';
    // main.py tests state.find(letter) > 0, so the `r` in position 0 never matches: a running
    // domain prints nothing at all. Copied faithfully.
    const at = (c: string) => state.indexOf(c) > 0;
    let word = '';
    if (at('s')) word = 'shutoff';
    else if (at('b')) word = 'idle';
    else if (at('d')) word = 'shutdown';
    else if (at('r')) word = 'running';
    else if (at('c')) word = 'crashed';
    else if (at('p')) word = t.kind === 'guest' && xenOf(t.d).pausedByAdmin ? 'paused by admin' : 'paused';
    return done(word ? word + '\n' : '');
  },
};

export const domid: XmSubcommand = {
  name: 'domid',
  run(ctx, args) {
    const bad = argCheck(ctx, 'domid', args, 1);
    if (bad) return bad;
    const t = lookupDomain(ctx.world, ctx.host, args[0]!);
    if (!t) return noSuchDomain(args[0]!);
    if (t.kind === 'dom0') return done('0\n');
    return done(`${t.d.domid !== null && t.d.host !== null ? t.d.domid : 'None'}\n`);
  },
};

export const domname: XmSubcommand = {
  name: 'domname',
  run(ctx, args) {
    const bad = argCheck(ctx, 'domname', args, 1);
    if (bad) return bad;
    const t = lookupDomain(ctx.world, ctx.host, args[0]!);
    if (!t) return noSuchDomain(args[0]!);
    return done(`${t.kind === 'dom0' ? DOM0_NAME : t.d.name}\n`);
  },
};
