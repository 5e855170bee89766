// `xm network-list` / `xm block-list` (reference §1.16): one row per device from xenstore, the
// header only before the first row; `-l` prints each device's SXP.
import { prettySxp, type Sxp } from '../../../sim/render/xm-sxp';
import { lookupDomain } from '../../../sim/xen/domains';
import { vbdDevices, vifDevices } from '../../../sim/xen/sxpr';
import { gnuGetopt } from './getopt';
import { done, getoptError, noSuchDomain, usageBlock, type XmSubcommand } from './subcommand';

const l = (v: string | number, w: number): string => String(v).padEnd(w);

function resourceList(name: 'network-list' | 'block-list'): XmSubcommand {
  return {
    name,
    run(ctx, args) {
      const g = gnuGetopt(args, 'l', ['long']);
      if (!g.ok) return getoptError(ctx, name, g.error);
      const long = g.opts.length > 0;
      if (g.args.length === 0) return { stdout: 'No domain parameter given\n' + usageBlock(ctx, name), stderr: '', exitCode: 1 };
      if (g.args.length > 1) return { stdout: 'No multiple domain parameters allowed\n' + usageBlock(ctx, name), stderr: '', exitCode: 1 };
      const ref = g.args[0]!;
      const t = lookupDomain(ctx.world, ctx.host, ref);
      if (!t) return noSuchDomain(ref);
      if (t.kind === 'dom0' || t.d.domid === null || t.d.host === null) return done();
      const devs = name === 'network-list' ? vifDevices(t.d) : vbdDevices(t.d);
      if (long) return done(devs.map(([idx, kv]) => prettySxp([idx, kv.map(([k, v]) => [k, v] as Sxp)])).join(''));
      const rows: string[] = [];
      for (const [idx, kv] of devs) {
        const get = (k: string, dflt: string) => kv.find(([x]) => x === k)?.[1] ?? dflt;
        const int = (k: string, dflt: number) => Number(get(k, String(dflt)));
        if (!rows.length) rows.push(name === 'network-list' ? 'Idx BE     MAC Addr.     handle state evt-ch tx-/rx-ring-ref BE-path' : 'Vdev  BE handle state evt-ch ring-ref BE-path');
        if (name === 'network-list') {
          rows.push(
            `${l(idx, 3)} ${l(int('backend-id', -1), 3)}${l(get('mac', '??'), 17)}    ${l(int('handle', 0), 3)}   ${l(int('state', -1), 3)}    ${l(int('event-channel', -1), 3)}   ${l(int('tx-ring-ref', -1), 5)}/${l(int('rx-ring-ref', -1), 5)}   ${l(get('backend', '??'), 30)}  `,
          );
        } else {
          rows.push(`${l(idx, 5)}  ${l(int('backend-id', -1), 3)}  ${l(int('handle', 0), 3)}   ${l(int('state', -1), 3)}    ${l(int('event-channel', -1), 3)}    ${l(int('ring-ref', -1), 5)} ${l(get('backend', '??'), 30)}  `);
        }
      }
      return done(rows.map((r) => r + '\n').join(''));
    },
  };
}

export const networkList = resourceList('network-list');
export const blockList = resourceList('block-list');
