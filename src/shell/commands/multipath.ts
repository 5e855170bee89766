// `multipath`: list (-l/-ll), create/reload maps (-v0..3, -d dry run, -r), flush (-f/-F), dump
// the hardware table (-t) — multipath-tools 0.4.9 on OL6, RHEL5's 0.4.7 on OL5 (reference §4.3).
import { wallTime } from '../../sim/clock';
import { hms, MONTHS, two } from '../../lib/calendar';
import { renderTopology } from '../../sim/render/multipath-topology';
import { syncDevNodes } from '../../sim/storage/multipath/devnodes';
import { mapInUse } from '../../sim/storage/multipath/holders';
import { commitMap, fileConfig, planMaps, removeMap, candidatePaths, type MapAction } from '../../sim/storage/multipath/maps';
import { emptyConfig, type MultipathConfig } from '../../sim/storage/multipath/multipath-conf';
import { HWTABLE } from '../../sim/storage/multipath/multipath-policy';
import { hostSan } from '../../sim/storage/san/san';
import { selectMaps, topoMaps, topologyText } from '../../sim/storage/san/topology';
import { renderSection } from '../../sim/render/multipath-config';
import type { WorldState } from '../../sim/types';
import type { ParsedOf } from '../args';
import { getopt } from '../getopt';
import { defineCommand, type CommandContext, type CommandOutcome } from '../types';

/** condlog on a terminal: 0.4.9 prefixes `Mar 02 08:01:02 | `; RHEL5's 0.4.7 prints the bare text. */
export function condlog(world: WorldState, host: string, text: string): string {
  if (world.hosts[host]?.release === 'ovm22') return text + '\n';
  const d = wallTime(world);
  return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${hms(d)} | ${text}\n`;
}

const USAGE_049 = `multipath-tools v0.4.9 (04/04, 2009)
Usage:
  multipath [-d] [-r] [-v lvl] [-p pol] [-b fil] [-q] [dev]
  multipath -l|-ll|-f [-v lvl] [-b fil] [dev]
  multipath -F [-v lvl]
  multipath -t
  multipath -h

Where:
  -h      print this usage text
  -l      show multipath topology (sysfs and DM info)
  -ll     show multipath topology (maximum info)
  -f      flush a multipath device map
  -F      flush all multipath device maps
  -d      dry run, do not create or update devmaps
  -t      dump internal hardware table
  -r      force devmap reload
  -q      allow queue_if_no_path when multipathd is not running
  -p      policy failover|multibus|group_by_serial|group_by_prio
  -b fil  bindings file location
  -p pol  force all maps to specified path grouping policy :
          . failover            one path per priority group
          . multibus            all paths in 1 priority group
          . group_by_serial     one priority group per serial
          . group_by_prio       one priority group per priority lvl
          . group_by_node_name  one priority group per target node
  -v lvl  verbosity level
          . 0 no output
          . 1 print created devmap names only
          . 2 default verbosity
          . 3 print debug information
  dev     action limited to:
          . multipath named 'dev' (ex: mpath0) or
          . multipath whose wwid is 'dev' (ex: 60051..)
          . multipath including the path named 'dev' (ex: /dev/sda)
          . multipath including the path with maj:min 'dev' (ex: 8:0)

`;

const USAGE_047 = `multipath-tools v0.4.7 (03/12, 2006)
Usage: multipath\t[-v level] [-d] [-h|-l|-ll|-f|-F|-r]
\t\t\t[-p failover|multibus|group_by_serial|group_by_prio]
\t\t\t[device]

\t-v level\tverbosity level
\t   0\t\tno output
\t   1\t\tprint created devmap names only
\t   2\t\tdefault verbosity
\t   3\t\tprint debug information
\t-h\t\tprint this usage text
\t-b file\t\tbindings file location
\t-d\t\tdry run, do not create or update devmaps
\t-l\t\tshow multipath topology (sysfs and DM info)
\t-ll\t\tshow multipath topology (maximum info)
\t-f\t\tflush a multipath device map
\t-F\t\tflush all multipath device maps
\t-r\t\tforce devmap reload
\t-p policy\tforce all maps to specified policy :
\t   failover\t\t1 path per priority group
\t   multibus\t\tall paths in 1 priority group
\t   group_by_serial\t1 priority group per serial
\t   group_by_prio\t1 priority group per priority lvl
\t   group_by_node_name\t1 priority group per target node

\tdevice\t\tlimit scope to the device's multipath
\t\t\t(udev-style $DEVNAME reference, eg /dev/sdb
\t\t\tor major:minor or a device map name)
`;

const usage = (ctx: CommandContext) => (ctx.host.release === 'ovm22' ? USAGE_047 : USAGE_049);

interface MpOpts {
  list: 0 | 1 | 2;
  verbosity: number;
  dryRun: boolean;
  reload: boolean;
  flush: '' | 'one' | 'all';
  hwtable: boolean;
  policy?: string;
  dev?: string;
}

const POLICIES = ['failover', 'multibus', 'group_by_serial', 'group_by_prio', 'group_by_node_name'];

/** getopt(":dhl::FfM:v:p:b:Brtq") as multipath 0.4.9 calls it: opterr silenced, its own complaints. */
const ARGS = getopt(':dhl::FfM:v:p:b:Brtq', {
  prog: 'multipath',
  usage,
  complaints: { invalid: () => 'Unknown switch: (null)', missing: () => 'Missing option arguement' },
  checks: {
    v: (v) => (/^\d/.test(v) ? undefined : 'Missing option arguement'),
    p: (v) => (POLICIES.includes(v) ? undefined : `'${v}' is not a valid policy`),
  },
  // `-h` prints the usage from inside the loop and exits.
  stopAfter: ['h'],
});

function options(a: ParsedOf<typeof ARGS>): MpOpts {
  const o: MpOpts = { list: 0, verbosity: 2, dryRun: a.has('d'), reload: a.has('r'), flush: '', hwtable: a.has('t') };
  for (const { key, value } of a.list) {
    if (key === 'F') o.flush = 'all';
    else if (key === 'f') o.flush = 'one';
    // `l::`: an optional argument glued on: `-ll` is -l with "l".
    else if (key === 'l') o.list = value === 'l' ? 2 : 1;
    else if (key === 'v') o.verbosity = parseInt(value!, 10);
    else if (key === 'p') o.policy = value;
  }
  o.dev = a.operands[0];
  return o;
}

/** The config the command runs with, plus the messages loading it printed. Null config = refuse to run. */
function loadConfig(ctx: CommandContext): { cfg: MultipathConfig | null; out: string } {
  const host = ctx.host.name;
  const parsed = fileConfig(ctx.world, host);
  if (!parsed) {
    if (ctx.host.release === 'ovm22') return { cfg: emptyConfig(), out: '' };
    const all = emptyConfig();
    all.blacklist.devnode.push('.*');
    const lines = ['/etc/multipath.conf does not exist, blacklisting all devices.', 'A default multipath.conf file is located at', '/usr/share/doc/device-mapper-multipath-0.4.9/multipath.conf', 'You can run /sbin/mpathconf to create or modify /etc/multipath.conf'];
    return { cfg: all, out: lines.map((l) => condlog(ctx.world, host, l)).join('') };
  }
  const warn = parsed.warnings.map((w) => condlog(ctx.world, host, w)).join('');
  if (!parsed.ok) return { cfg: null, out: warn + condlog(ctx.world, host, parsed.error) };
  return { cfg: parsed.config, out: warn };
}

function hwtableText(): string {
  return 'devices {\n' + HWTABLE.map((s) => renderSection('device', s, '\t')).join('') + '}\n';
}

function flushOne(ctx: CommandContext, o: MpOpts): CommandOutcome {
  const host = ctx.host.name;
  const dev = o.dev;
  if (!dev || dev.startsWith('/dev/') || /^\d+:\d+$/.test(dev)) return { stdout: condlog(ctx.world, host, 'must provide a map name to remove'), stderr: '', exitCode: 1 };
  const map = hostSan(ctx.world, host)?.maps.find((m) => m.name === dev);
  if (!map) return { stdout: '', stderr: '', exitCode: 0 };
  if (mapInUse(ctx.world, host, map)) return { stdout: o.verbosity >= 2 ? condlog(ctx.world, host, `${map.name}: map in use`) : '', stderr: '', exitCode: 1 };
  removeMap(ctx.world, host, map.name);
  syncDevNodes(ctx.world, host);
  return { stdout: '', stderr: '', exitCode: 0 };
}

function flushAll(ctx: CommandContext, o: MpOpts): CommandOutcome {
  const host = ctx.host.name;
  const hs = hostSan(ctx.world, host);
  let out = '';
  let code = 0;
  for (const map of [...(hs?.maps ?? [])].sort((a, b) => a.dmMinor - b.dmMinor)) {
    if (mapInUse(ctx.world, host, map)) {
      if (o.verbosity >= 2) out += condlog(ctx.world, host, `${map.name}: map in use`);
      code = 1;
      continue;
    }
    removeMap(ctx.world, host, map.name);
  }
  syncDevNodes(ctx.world, host);
  return { stdout: out, stderr: '', exitCode: code };
}

/** `-v3`: the paths table 0.4.9 prints before acting (format "%w %i %d %D %p %t %T %s"). */
function pathsTable(ctx: CommandContext, cfg: MultipathConfig): string {
  const host = ctx.host.name;
  const hs = hostSan(ctx.world, host)!;
  const rows = [['uuid', 'hcil', 'dev', 'dev_t', 'pri', 'dm_st', 'chk_st', 'vend/prod/rev']];
  for (const v of candidatePaths(ctx.world, host, cfg)) {
    const owner = hs.maps.find((m) => m.groups.some((g) => g.paths.some((p) => p.dev === v.disk.name)));
    const p = owner?.groups.flatMap((g) => g.paths).find((x) => x.dev === v.disk.name);
    const d = v.disk;
    rows.push([v.wwid, `${d.host}:${d.channel}:${d.target}:${d.lun}`, d.name, `${d.major}:${d.minor}`, String(p?.prio ?? 1), p?.dm ?? 'undef', v.reachable ? 'ready' : 'faulty', `${d.vendor},${d.product}`]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return '===== paths list =====\n' + rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join(' ') + ' \n').join('');
}

function listMaps(ctx: CommandContext, o: MpOpts, cfg: MultipathConfig): string {
  const host = ctx.host.name;
  const maps = selectMaps(ctx.world, host, o.dev);
  if (o.verbosity === 0) return '';
  if (o.verbosity === 1) return maps.map((m) => m.name + '\n').join('');
  const pre = o.verbosity >= 3 ? pathsTable(ctx, cfg) : '';
  return pre + topologyText(ctx.world, host, cfg, maps, { mode: o.list === 2 ? 'll' : 'l' }, !!ctx.stdoutTty);
}

const ACTION_PREFIX: Record<MapAction['kind'], string> = { create: 'create: ', reload: 'reload: ', rename: 'rename: ', resize: 'resize: ', reject: 'reject: ' };

function configure(ctx: CommandContext, o: MpOpts, cfgIn: MultipathConfig): CommandOutcome {
  let cfg = cfgIn;
  const host = ctx.host.name;
  const world = ctx.world;
  // -p overrides the grouping policy for this run only (the parsed config is shared: copy it).
  if (o.policy) cfg = { ...cfg, defaults: { ...cfg.defaults, path_grouping_policy: o.policy } };
  let only: string | undefined;
  if (o.dev) {
    const target = selectMaps(world, host, o.dev)[0];
    const key = o.dev.replace(/^\/dev\//, '');
    const disk = hostSan(world, host)?.disks.find((d) => d.name === key || `${d.major}:${d.minor}` === key);
    only = target?.wwid ?? (disk ? candidatePaths(world, host, cfg).find((v) => v.disk === disk)?.wwid : key);
    if (!only) return { stdout: '', stderr: '', exitCode: 0 };
  }
  const actions = planMaps(world, host, cfg, { only, forceReload: o.reload });
  let out = o.verbosity >= 3 ? pathsTable(ctx, cfg) : '';
  for (const a of actions) {
    if (a.kind === 'reject') out += a.notes.map((n) => condlog(world, host, n)).join('');
    if (o.verbosity === 1 && a.kind !== 'reject') out += a.map.name + '\n';
    if (o.verbosity >= 2) {
      const { maps, widths } = topoMaps(world, host, cfg, [a.map], { mode: 'll', action: ACTION_PREFIX[a.kind], undefKernel: a.kind === 'create' || a.kind === 'reject' });
      out += renderTopology(maps, widths, ctx.host.release === 'ovm22' ? 'bracket' : 'tree', !!ctx.stdoutTty);
    }
  }
  if (!o.dryRun) {
    for (const a of actions) if (a.kind !== 'reject') commitMap(world, host, a);
    if (actions.length) syncDevNodes(world, host);
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}

export const multipath = defineCommand({
  name: 'multipath',
  dir: '/sbin',
  summary: 'device mapper target autoconfig (list, create and flush multipath maps)',
  usage: 'multipath [-d] [-r] [-v lvl] [-p pol] [-b fil] [dev] | -l|-ll|-f [dev] | -F | -t | -h',
  complete(c, _words, cur) {
    const maps = hostSan(c.world, c.host.name)?.maps.map((m) => m.name) ?? [];
    return ['-l', '-ll', '-v0', '-v1', '-v2', '-v3', '-d', '-r', '-f', '-F', '-t', '-h', ...maps].filter((x) => x.startsWith(cur));
  },
  args: ARGS,
  run(ctx) {
    if (ctx.parsed.has('h')) return { stdout: '', stderr: usage(ctx), exitCode: 1 };
    const o = options(ctx.parsed);
    if (o.hwtable) return { stdout: hwtableText(), stderr: '', exitCode: 0 };
    if (!hostSan(ctx.world, ctx.host.name)) return { stdout: '', stderr: 'DM multipath kernel driver not loaded\n', exitCode: 1 };
    const { cfg, out } = loadConfig(ctx);
    if (!cfg) return { stdout: out, stderr: '', exitCode: 1 };
    let r: CommandOutcome;
    if (o.flush === 'one') r = flushOne(ctx, o);
    else if (o.flush === 'all') r = flushAll(ctx, o);
    else if (o.list) r = { stdout: listMaps(ctx, o, cfg), stderr: '', exitCode: 0 };
    else r = configure(ctx, o, cfg);
    return { ...r, stdout: out + r.stdout };
  },
});
