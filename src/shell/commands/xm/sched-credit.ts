// `xm sched-credit [-d <Domain> [-w WEIGHT] [-c CAP]]` (reference §1.10, §9): the table of every
// domain without -d, one row with -d, silent set with -w/-c. Options must precede operands
// (plain getopt), as in main.py.
import { padLeft, padRight } from '../../../lib/format';
import { DOM0_NAME, knownDomains, lookupDomain } from '../../../sim/xen/domains';
import { setSchedCredit } from '../../../sim/xen/domain-settings';
import { getopt } from './getopt';
import { done, faultError, getoptError, invalidArgument, noSuchDomain, type XmSubcommand } from './subcommand';
import { pyInt } from '../../../sim/xen/domains';

interface Row {
  name: string;
  domid: string;
  weight: number;
  cap: number;
}

const HEADER = `${padRight('Name', 33)} ${padLeft('ID', 4)} ${padLeft('Weight', 6)} ${padLeft('Cap', 4)}`;
const rowText = (r: Row): string => `${padRight(r.name, 32)} ${padLeft(r.domid, 5)} ${padLeft(r.weight, 6)} ${padLeft(r.cap, 4)}`;

export const schedCredit: XmSubcommand = {
  name: 'sched-credit',
  run(ctx, args) {
    const { world, host } = ctx;
    const g = getopt(args, 'd:w:c:', ['domain=', 'weight=', 'cap=']);
    if (!g.ok) return getoptError(ctx, 'sched-credit', g.error);
    let domid: string | null = null;
    let weight: number | null = null;
    let cap: number | null = null;
    for (const [o, a] of g.opts) {
      if (o === '-d' || o === '--domain') domid = a;
      else if (o === '-w' || o === '--weight' || o === '-c' || o === '--cap') {
        const n = pyInt(a);
        if (n === null) return invalidArgument(ctx, 'sched-credit');
        if (o === '-w' || o === '--weight') weight = n;
        else cap = n;
      }
    }
    const rows: Row[] = [
      ...knownDomains(world, host).map((d) => ({ name: d.name, domid: d.domid !== null && d.host !== null ? String(d.domid) : '', weight: d.weight, cap: d.cap })),
      { name: DOM0_NAME, domid: '0', weight: host.dom0Weight ?? 256, cap: host.dom0Cap ?? 0 },
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const matching = rows.filter((r) => domid === null || domid === r.name || domid === r.domid);

    if (weight === null && cap === null) {
      if (domid !== null && !matching.length) return faultError(ctx, 'sched-credit', `Domain '${domid}' does not exist.`);
      return done([HEADER, ...matching.map(rowText)].join('\n') + '\n');
    }
    if (domid === null) return faultError(ctx, 'sched-credit', 'No domain given.');
    const t = lookupDomain(world, host, domid);
    if (!t) return noSuchDomain(domid);
    const err = setSchedCredit(world, host, t, weight, cap);
    if (err !== null) return faultError(ctx, 'sched-credit', err);
    return done();
  },
};
