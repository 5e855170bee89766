// `xm list` (reference §1.4): the brief table sorted by name, named domains in argument order,
// `-l` SXP records, `--state=` filter, `--label`, `--pool=`, and the deprecated `-v`.
import { renderXmList, XM_LIST_HEADER } from '../../../sim/render/xm-list';
import { prettySxp } from '../../../sim/render/xm-sxp';
import { DOM0_NAME, knownDomains, lookupDomain, type XmTarget } from '../../../sim/xen/domains';
import { dom0Sxp, guestSxp } from '../../../sim/xen/sxpr';
import { dom0ListRow, guestListRow, powerState } from '../../../sim/xen/view';
import { gnuGetopt } from './getopt';
import { done, getoptError, noSuchDomain, optionError, type XmSubcommand } from './subcommand';
import { vcpuListOutcome } from './vcpu';
import type { XmListRow } from '../../../sim/render/xm-list';

export const list: XmSubcommand = {
  name: 'list',
  run(ctx, args) {
    const { sim, host } = ctx;
    const g = gnuGetopt(args, 'lv', ['long', 'vcpus', 'label', 'state=', 'pool=']);
    if (!g.ok) return getoptError(ctx, 'list', g.error);
    let long = false;
    let vcpus = false;
    let labels = false;
    let state = 'all';
    let pool: string | null = null;
    for (const [k, v] of g.opts) {
      if (k === '-l' || k === '--long') long = true;
      if (k === '-v' || k === '--vcpus') vcpus = true;
      if (k === '--label') labels = true;
      if (k === '--state') state = v;
      if (k === '--pool') pool = v;
    }
    const params = g.args;
    if (state !== 'all' && params.length) return optionError(ctx, 'list', 'You may specify either a state or a particular VM, but not both');
    if (pool && params.length) return optionError(ctx, 'list', 'You may specify either a pool or a particular VM, but not both');
    if (vcpus) {
      const r = vcpuListOutcome(ctx, params);
      return { ...r, stderr: 'xm list -v is deprecated.  Please use xm vcpu-list.\n' + r.stderr, stderrFirst: true };
    }

    // Named domains in argument order; the first unknown one stops the command.
    const targets: XmTarget[] = [];
    if (params.length) {
      for (const ref of params) {
        const t = lookupDomain(sim.world, host, ref);
        if (!t) return noSuchDomain(ref);
        targets.push(t);
      }
    } else {
      const st = state.toLowerCase();
      if (!pool || pool === 'Pool-0') {
        const guests = knownDomains(sim.world, host).filter((d) => st === 'all' || powerState(d) === st);
        targets.push(...guests.map((d): XmTarget => ({ kind: 'guest', d })));
        if (st === 'all' || st === 'running') targets.push({ kind: 'dom0' });
        targets.sort((a, b) => {
          const na = a.kind === 'dom0' ? DOM0_NAME : a.d.name;
          const nb = b.kind === 'dom0' ? DOM0_NAME : b.d.name;
          return na < nb ? -1 : na > nb ? 1 : 0;
        });
      }
    }
    if (long) return done(targets.map((t) => prettySxp(t.kind === 'dom0' ? dom0Sxp(sim, host) : guestSxp(sim, t.d))).join(''));
    const rows: XmListRow[] = targets.map((t) => (t.kind === 'dom0' ? dom0ListRow(sim, host) : guestListRow(sim, t.d)));
    if (labels) return done(renderLabels(rows));
    return done(renderXmList(rows));
  },
};

/** `--label`: the table with a Label column, sorted by label (all INACTIVE without a policy). */
function renderLabels(rows: readonly XmListRow[]): string {
  const header = `${XM_LIST_HEADER} ${'Label'.padEnd(10)}`;
  const body = renderXmList(rows)
    .split('\n')
    .slice(1, -1)
    .map((l) => `${l} ${'INACTIVE'.padStart(10)}`);
  return [header, ...body].join('\n') + '\n';
}
