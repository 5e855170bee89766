// `xm`, the xend toolstack CLI: main.py's dispatch (reference §1.1) — `-h`/`--help` interception,
// exact names, deprecated aliases (with their warning), unique prefixes, the short help — and the
// "Is xend running?" refusal. Each subcommand lives in its own file and is listed in SUBCOMMANDS.
import { STRERROR } from '../../../sim/errno';
import { defineCommand, type CommandSpec } from '../../types';
import { serviceState } from '../../../sim/services';
import { knownDomains } from '../../../sim/xen/domains';
import { longHelp, shortHelp } from './help';
import { create, resume, start, suspend, xmDelete, xmNew } from './create';
import { xmConsole } from './console';
import { destroy, reset } from './destroy';
import { blockList, networkList } from './devices';
import { dmesg, info, log, top } from './host';
import { list } from './list';
import { memMaxCmd, memSetCmd } from './mem';
import { migrate } from './migrate';
import { debugKeys, dumpCore, notSimulated, rename, schedCredit2, schedSedf, sysrq, trigger } from './misc';
import { pause, unpause } from './pause';
import { restore, save } from './save';
import { schedCredit } from './sched-credit';
import { reboot, shutdown } from './shutdown';
import { domid, domname, domstate, uptime } from './uptime';
import { vcpuList, vcpuPin, vcpuSet } from './vcpu';
import { usageBlock, type XmSubcommand } from './subcommand';
import { xentopCommand } from '../xentop';

const SUBCOMMANDS: readonly XmSubcommand[] = [
  xmConsole, top, xmDelete, destroy, domid, domname, dumpCore, reboot, rename, reset, restore, resume, save, shutdown, start, sysrq, trigger,
  uptime, suspend, list, memMaxCmd, memSetCmd, vcpuPin, vcpuList, vcpuSet, pause, unpause, debugKeys, dmesg, info, log, schedSedf, schedCredit,
  schedCredit2, blockList, networkList, domstate, create, xmNew, migrate, ...notSimulated,
];

/** main.py's aliases: they print a deprecation warning and run the new command. */
const ALIASES: Readonly<Record<string, string>> = {
  balloon: 'mem-set',
  'pool-create': 'cpupool-create',
  'pool-new': 'cpupool-new',
  'pool-start': 'cpupool-start',
  'pool-list': 'cpupool-list',
  'pool-destroy': 'cpupool-destroy',
  'pool-delete': 'cpupool-delete',
  'pool-cpu-add': 'cpupool-cpu-add',
  'pool-cpu-remove': 'cpupool-cpu-remove',
  'pool-migrate': 'cpupool-migrate',
  'set-vcpus': 'vcpu-set',
  'vif-list': 'network-list',
  'vbd-create': 'block-attach',
  'vbd-destroy': 'block-detach',
  'vbd-list': 'block-list',
};

const byName = (n: string): XmSubcommand | undefined => SUBCOMMANDS.find((s) => s.name === n);

/** xm_lookup_cmd: exact name, alias, or (for two letters or more) a prefix matching one command. */
export function resolveSubcommand(word: string): { sub: XmSubcommand; alias?: string } | undefined {
  const exact = byName(word);
  if (exact) return { sub: exact };
  const alias = Object.hasOwn(ALIASES, word) ? ALIASES[word] : undefined;
  if (alias) return { sub: byName(alias)!, alias };
  if (word.length > 1) {
    const matches = SUBCOMMANDS.filter((s) => s.name.startsWith(word));
    if (matches.length === 1) return { sub: matches[0]! };
  }
  return undefined;
}

export const xmCommand = defineCommand({
  name: 'xm',
  dir: '/usr/sbin',
  summary: 'Xen management: list, create, migrate and control guest domains',
  man: {
    section: 1,
    name: 'Xen management user interface',
    synopsis: ['xm <subcommand> [args]'],
    description: [
      'The xm program is the main interface for managing Xen guest domains. The program can be used to create, pause, and shutdown domains. It can also be used to list current domains, enable or pin VCPUs, and attach or detach virtual block devices.',
      'Most xm commands require root privileges, and the xend daemon must be running. On Oracle VM Server the Oracle VM Agent normally drives xend; changes made with xm behind the Manager\'s back are not known to Oracle VM Manager.',
      '<Domain> can either be the Domain Name or Id. Subcommands may be abbreviated to any unique prefix (xm li is xm list).',
    ],
  },
  usage: 'xm <subcommand> [args]',
  complete(c, words, cur) {
    if (!words.length) return [...SUBCOMMANDS.map((s) => s.name), 'help'].filter((n) => n.startsWith(cur)).sort();
    const r = resolveSubcommand(words[0]!);
    const kind = r?.sub.complete ?? 'domains';
    if (kind !== 'domains' || cur.startsWith('-')) return [];
    return [...knownDomains(c.world, c.host).map((d) => d.name), 'Domain-0'].filter((n) => n.startsWith(cur));
  },
  run(ctx) {
    const release = ctx.host.release;
    const [word, ...args] = ctx.args;
    if (word === undefined) return { stdout: shortHelp(release), stderr: '', exitCode: 1 };
    // main.py intercepts --help then -h anywhere: as the first word the full list, else that command's usage.
    for (const h of ['--help', '-h']) {
      if (ctx.args.includes(h)) return word === h ? { stdout: longHelp(release), stderr: '', exitCode: 0 } : { stdout: usageBlock(ctx, word), stderr: '', exitCode: 1 };
    }
    if (word === 'help') return { stdout: longHelp(release), stderr: '', exitCode: 0 };
    const r = resolveSubcommand(word);
    if (!r) return { stdout: shortHelp(release), stderr: `Error: Subcommand ${word} not found!\n`, exitCode: 1, stderrFirst: true };
    const warning = r.alias ? `Command ${word} is deprecated.  Please use xm ${r.alias} instead.\n` : '';
    if (serviceState(ctx.host, 'xend') !== 'running' && r.sub.name !== 'top') {
      return { stdout: '', stderr: `${warning}Error: Unable to connect to xend: ${STRERROR.ENOENT}. Is xend running?\n`, exitCode: 1 };
    }
    const out = r.sub.run(ctx, args);
    return warning ? { ...out, stderr: warning + out.stderr, stderrFirst: true } : out;
  },
});

export const xm: readonly CommandSpec[] = [xmCommand, xentopCommand];
