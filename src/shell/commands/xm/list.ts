// `xm list`: the brief table (reference §1.4), sorted by name; named domains in argument order.
import { activeDomains } from '../../../sim/world';
import { findDomain } from '../../../sim/xen/domains';
import { renderXmList, stateString, type XmListRow } from '../../../sim/render/xm-list';
import { ok } from '../../types';
import { noSuchDomain, xmError, type XmSubcommand } from './subcommand';
import type { HostState, WorldState } from '../../../sim/types';

function dom0Row(host: HostState): XmListRow {
  return { name: 'Domain-0', domid: 0, memMiB: host.dom0MemMiB, vcpus: host.dom0Vcpus, state: 'r-----', cpuTimeS: host.dom0CpuS };
}

function rowsFor(world: WorldState, host: HostState): XmListRow[] {
  const guests = activeDomains(world, host.name).map((d) => ({
    name: d.name,
    domid: d.domid!,
    memMiB: d.memoryMiB,
    vcpus: d.vcpus,
    state: stateString(d.state),
    cpuTimeS: d.cpuTimeS,
  }));
  return [...guests, dom0Row(host)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export const list: XmSubcommand = {
  name: 'list',
  argstring: '[options] [Domain, ...]',
  description: 'List information about all/some domains.',
  options: [
    ['-l, --long', 'Output all VM details in SXP'],
    ['--label', 'Include security labels'],
    ['--state=<state>', 'Select only VMs with the specified state'],
    ['--pool=<pool>', 'Select only VMs in specified cpu pool'],
  ],
  run(ctx, args) {
    const { world, host } = ctx;
    const bad = args.find((a) => a.startsWith('-'));
    if (bad) return xmError(list, `option ${bad} not recognized`);
    const all = rowsFor(world, host);
    if (!args.length) return ok(renderXmList(all));
    const rows: XmListRow[] = [];
    for (const ref of args) {
      if (ref === '0' || ref === 'Domain-0') {
        rows.push(dom0Row(host));
        continue;
      }
      const d = findDomain(world, host.name, ref);
      if (!d) return noSuchDomain(ref);
      rows.push(all.find((r) => r.name === d.name)!);
    }
    return ok(renderXmList(rows));
  },
};
