// The multipathd CLI (0.4.9 cli.c / cli_handlers.c): keywords matched by prefix (the first
// keyword in load order wins), parameters after path/map/group/format, one handler per keyword
// set; replies `ok`/`fail`, tables, or the help text for anything it does not understand.
import { syslog } from '../../logs';
import { renderConfig } from '../../render/multipath-config';
import { CLI_HELP, padTable, progressBar, renderStatus, WILDCARDS } from '../../render/multipathd-show';
import type { WorldState } from '../../types';
import { pidOf } from '../../services';
import { syncDevNodes } from './devnodes';
import { mapInUse } from './holders';
import { activePathCount, allPaths, candidatePaths, commitMap, daemonConfig, findPath, kpartxAdd, planMaps, removeMap } from './maps';
import { blacklistReason, HWTABLE } from './multipath-policy';
import { pathTickNow, reconfigure } from './multipathd';
import { daemonFailPath, daemonReinstatePath, switchGroup } from './path-events';
import { bumpSan, hostSan } from '../san/san';
import { topologyText } from '../san/topology';
import type { MpMap } from '../types';

/** Keywords in load_keys() order; a prefix resolves to the first that starts with it. */
const KEYWORDS = [
  'list', 'show', 'add', 'remove', 'del', 'switch', 'switchgroup', 'suspend', 'resume', 'reinstate', 'fail', 'resize',
  'disablequeueing', 'restorequeueing', 'paths', 'maps', 'multipaths', 'path', 'map', 'multipath', 'group', 'reconfigure',
  'daemon', 'status', 'stats', 'topology', 'config', 'blacklist', 'devices', 'wildcards', 'quit', 'exit', 'format',
] as const;
const WITH_PARAM = new Set(['path', 'map', 'multipath', 'group', 'format']);
const CANON: Record<string, string> = { list: 'show', del: 'remove', switchgroup: 'switch', multipaths: 'maps', multipath: 'map', exit: 'quit' };

function findKey(tok: string): string | null {
  for (const k of KEYWORDS) if (k === tok) return k;
  for (const k of KEYWORDS) if (k.startsWith(tok)) return k;
  return null;
}

export interface CliReply {
  reply: string;
  quit?: boolean;
}

const OK = { reply: 'ok\n' };
const FAIL = { reply: 'fail\n' };
const HELP = { reply: CLI_HELP };

function lookupMap(world: WorldState, host: string, key: string): MpMap | undefined {
  const hs = hostSan(world, host);
  const dm = /^dm-(\d+)$/.exec(key);
  return hs?.maps.find((m) => m.name === key || m.wwid === key || (dm && m.dmMinor === Number(dm[1])));
}

function lookupPath(world: WorldState, host: string, key: string): { map: MpMap | undefined; dev: string } | null {
  const hs = hostSan(world, host);
  const d = hs?.disks.find((x) => x.name === key.replace(/^\/dev\//, '') || `${x.major}:${x.minor}` === key);
  if (!d) return null;
  return { map: hs!.maps.find((m) => findPath(m, d.name)), dev: d.name };
}

function showPaths(world: WorldState, host: string): string {
  const hs = hostSan(world, host)!;
  const cfg = daemonConfig(world, host);
  const rows = [['hcil', 'dev', 'dev_t', 'pri', 'dm_st', 'chk_st', 'dev_st', 'next_check']];
  for (const v of candidatePaths(world, host, cfg, false)) {
    const d = v.disk;
    const map = hs.maps.find((m) => findPath(m, d.name));
    const p = map ? findPath(map, d.name) : undefined;
    const next = !p ? 'orphan' : p.checkerDisabled ? progressBar(0, p.checkint) : progressBar(p.checkint - Math.max(0, Math.ceil(pathTickNow(world, host, p.tick))), p.checkint);
    rows.push([`${d.host}:${d.channel}:${d.target}:${d.lun}`, d.name, `${d.major}:${d.minor}`, String(p?.prio ?? 1), p?.dm ?? 'undef', p ? p.chk : v.reachable ? 'ready' : 'faulty', d.state, next]);
  }
  return padTable(rows);
}

const sortedMaps = (world: WorldState, host: string) => [...(hostSan(world, host)?.maps ?? [])].sort((a, b) => a.dmMinor - b.dmMinor);

function showMaps(world: WorldState, host: string, what: 'plain' | 'status' | 'stats'): string {
  const maps = sortedMaps(world, host);
  if (what === 'plain') return padTable([['name', 'sysfs', 'uuid'], ...maps.map((m) => [m.name, `dm-${m.dmMinor}`, m.wwid])]);
  if (what === 'stats') return padTable([['name', 'path_faults', 'switch_grp', 'map_loads', 'total_q_time', 'q_timeouts'], ...maps.map((m) => [m.name, String(m.stats.pathFaults), String(m.stats.switchGroup), String(m.stats.mapLoads), '0', '0'])]);
  const rows = [['name', 'failback', 'queueing', 'paths', 'dm-st', 'write_prot']];
  for (const m of maps) {
    const fb = m.policy.failback === 'immediate' ? 'immediate' : m.failbackLeft !== null && typeof m.policy.failback === 'number' ? progressBar(m.policy.failback - m.failbackLeft, m.policy.failback) : '-';
    const npr = m.policy.noPathRetry;
    const q = npr === 'fail' ? 'off' : npr === 'queue' ? 'on' : m.retryLeft !== null ? `${Math.ceil(m.retryLeft)} sec` : `${npr} chk`;
    rows.push([m.name, fb, q, String(activePathCount(m)), m.suspended ? 'suspend' : 'active', 'rw']);
  }
  return padTable(rows);
}

function showStatus(world: WorldState, host: string): string {
  const hs = hostSan(world, host)!;
  const cfg = daemonConfig(world, host);
  const counts: Record<string, number> = { wild: 0, unchecked: 0, down: 0, up: 0, shaky: 0, ghost: 0, pending: 0 };
  const paths = candidatePaths(world, host, cfg, false);
  for (const v of paths) {
    const map = hs.maps.find((m) => findPath(m, v.disk.name));
    const p = map ? findPath(map, v.disk.name) : undefined;
    const st = !p ? (v.reachable ? 'up' : 'down') : p.chk === 'faulty' ? 'down' : p.chk === 'ghost' ? 'ghost' : p.chk === 'shaky' ? 'shaky' : 'up';
    counts[st]!++;
  }
  return renderStatus(Object.entries(counts), paths.length);
}

function showBlacklist(world: WorldState, host: string): string {
  const cfg = daemonConfig(world, host);
  const builtin = ['^(ram|raw|loop|fd|md|dm-|sr|scd|st)[0-9]*', '^hd[a-z]', '^dcssblk[0-9]*'];
  // print.c pads "(default rule)" to the width of "(config file rule)".
  const list = (items: Array<[string, string]>) => (items.length ? items.map(([src, v]) => `        ${`(${src})`.padEnd(18)} ${v}\n`).join('') : '        <empty>\n');
  let out = 'device node rules:\n- blacklist:\n';
  out += list([...cfg.blacklist.devnode.map((d): [string, string] => ['config file rule', d]), ...builtin.filter((b) => !cfg.blacklist.devnode.includes(b)).map((d): [string, string] => ['default rule', d])]);
  out += '- exceptions:\n' + list(cfg.blacklistExceptions.devnode.map((d) => ['config file rule', d]));
  out += 'wwid rules:\n- blacklist:\n' + list(cfg.blacklist.wwid.map((d) => ['config file rule', d]));
  out += '- exceptions:\n' + list(cfg.blacklistExceptions.wwid.map((d) => ['config file rule', d]));
  out += 'device rules:\n- blacklist:\n' + list([...cfg.blacklist.device.map((d): [string, string] => ['config file rule', `${d['vendor'] ?? ''}:${d['product'] ?? ''}`]), ...HWTABLE.filter((h) => h['product_blacklist']).map((h): [string, string] => ['default rule', `${h['vendor']}:${h['product_blacklist']}`])]);
  out += '- exceptions:\n' + list(cfg.blacklistExceptions.device.map((d) => ['config file rule', `${d['vendor'] ?? ''}:${d['product'] ?? ''}`]));
  return out;
}

function showDevices(world: WorldState, host: string): string {
  const hs = hostSan(world, host)!;
  const cfg = daemonConfig(world, host);
  let out = 'available block devices:\n';
  for (const d of [...hs.disks].sort((a, b) => a.major - b.major || a.minor - b.minor)) {
    const bl = blacklistReason(cfg, { dev: d.name, wwid: d.wwid, vendor: d.vendor, product: d.product });
    const monitored = hs.maps.some((m) => findPath(m, d.name));
    out += `    ${d.name} devnode ${bl ? 'blacklisted' : 'whitelisted'}, ${monitored ? 'monitored' : 'unmonitored'}\n`;
  }
  return out;
}

/** `resize map X` (cli_resize): the first path of the first group decides the new size. */
function resizeMap(world: WorldState, host: string, key: string): CliReply {
  const h = world.hosts[host]!;
  const m = hostSan(world, host)?.maps.find((x) => x.name === key);
  if (!m) {
    syslog(world, h, 'multipathd', `${key}: invalid map name. cannot resize`);
    return FAIL;
  }
  const hs = hostSan(world, host)!;
  const first = m.groups[0]?.paths[0];
  const disk = first && hs.disks.find((d) => d.name === first.dev);
  if (!disk) {
    syslog(world, h, 'multipathd', `${m.name}: couldn't get size for sysfs. cannot resize`);
    return FAIL;
  }
  if (disk.sizeBytes === m.sizeBytes) {
    syslog(world, h, 'multipathd', `${m.name}: map is still the same size (${m.sizeBytes / 512})`);
    return OK;
  }
  // Loading the bigger table: the kernel checks every path device is big enough.
  for (const p of allPaths(m)) {
    const d = hs.disks.find((x) => x.name === p.dev);
    if (d && d.sizeBytes < disk.sizeBytes) {
      syslog(world, h, 'kernel', `device-mapper: table: 253:${m.dmMinor}: ${d.name} too small for target: start=0, len=${disk.sizeBytes / 512}, dev_size=${d.sizeBytes / 512}`, 'device-mapper: ioctl: error adding target to table');
      syslog(world, h, 'multipathd', `${m.name}: failed to resize map`);
      return FAIL;
    }
  }
  m.sizeBytes = disk.sizeBytes;
  m.stats.mapLoads++;
  kpartxAdd(world, host, m, 'p');
  syncDevNodes(world, host);
  return OK;
}

function addMap(world: WorldState, host: string, key: string): CliReply {
  const cfg = daemonConfig(world, host);
  const existing = lookupMap(world, host, key);
  if (existing) return OK;
  const actions = planMaps(world, host, cfg, { only: key }).filter((a) => a.kind === 'create');
  if (!actions.length) return FAIL;
  for (const a of actions) commitMap(world, host, a);
  syncDevNodes(world, host);
  return OK;
}

function delMap(world: WorldState, host: string, key: string): CliReply {
  const m = lookupMap(world, host, key);
  if (!m) return FAIL;
  if (mapInUse(world, host, m)) {
    syslog(world, world.hosts[host]!, 'multipathd', `${m.name}: map in use`);
    return FAIL;
  }
  removeMap(world, host, m.name);
  syncDevNodes(world, host);
  return OK;
}

function addPath(world: WorldState, host: string, key: string): CliReply {
  const hs = hostSan(world, host)!;
  const d = hs.disks.find((x) => x.name === key.replace(/^\/dev\//, ''));
  if (!d) return FAIL;
  const cfg = daemonConfig(world, host);
  if (blacklistReason(cfg, { dev: d.name, wwid: d.wwid, vendor: d.vendor, product: d.product })) return { reply: 'blacklisted\n' };
  if (hs.maps.some((m) => findPath(m, d.name))) return OK;
  for (const a of planMaps(world, host, cfg, { only: d.wwid })) if (a.kind !== 'reject') commitMap(world, host, a);
  syncDevNodes(world, host);
  return hs.maps.some((m) => findPath(m, d.name)) ? OK : FAIL;
}

function delPath(world: WorldState, host: string, key: string): CliReply {
  const found = lookupPath(world, host, key);
  if (!found?.map) return found ? OK : FAIL;
  const m = found.map;
  for (const g of m.groups) g.paths = g.paths.filter((p) => p.dev !== found.dev);
  m.groups = m.groups.filter((g) => g.paths.length);
  m.activeGroup = Math.min(m.activeGroup, Math.max(0, m.groups.length - 1));
  m.stats.mapLoads++;
  return OK;
}

/** Runs one CLI command line against the daemon of `host`. */
export function runCli(world: WorldState, host: string, line: string): CliReply {
  // Any command may change what the daemon, the kernel or the core must look at again.
  bumpSan(world);
  const toks = line.trim().split(/\s+/).filter(Boolean);
  if (!toks.length) return { reply: '' };
  const keys: string[] = [];
  const params: Record<string, string> = {};
  for (let i = 0; i < toks.length; i++) {
    const k = findKey(toks[i]!);
    if (!k) return HELP;
    const c = CANON[k] ?? k;
    keys.push(c);
    if (WITH_PARAM.has(k)) {
      const v = toks[++i];
      if (v === undefined) return HELP;
      params[c] = v;
    }
  }
  const sig = keys.join(' ');
  const hs = hostSan(world, host);
  if (!hs) return FAIL;
  const h = world.hosts[host]!;
  const cfg = () => daemonConfig(world, host);
  switch (sig) {
    case 'quit':
      return { reply: '', quit: true };
    case 'show paths':
      return { reply: showPaths(world, host) };
    case 'show status':
      return { reply: showStatus(world, host) };
    case 'show daemon':
      return { reply: `pid ${pidOf(h, 'multipathd')} running\n` };
    case 'show maps':
      return { reply: showMaps(world, host, 'plain') };
    case 'show maps status':
      return { reply: showMaps(world, host, 'status') };
    case 'show maps stats':
      return { reply: showMaps(world, host, 'stats') };
    case 'show maps topology':
    case 'show topology':
      return { reply: topologyText(world, host, cfg(), sortedMaps(world, host), { mode: 'daemon' }) };
    case 'show map topology': {
      const m = lookupMap(world, host, params['map']!);
      return { reply: m ? topologyText(world, host, cfg(), [m], { mode: 'daemon' }) : '' };
    }
    case 'show config':
      return { reply: renderConfig(cfg(), HWTABLE, h.release === 'ovm22') };
    case 'show blacklist':
      return { reply: showBlacklist(world, host) };
    case 'show devices':
      return { reply: showDevices(world, host) };
    case 'show wildcards':
      return { reply: WILDCARDS };
    case 'show paths format':
    case 'show maps format':
      return { reply: sig.includes('paths') ? showPaths(world, host) : showMaps(world, host, 'plain') };
    case 'add path':
      return addPath(world, host, params['path']!);
    case 'remove path':
      return delPath(world, host, params['path']!);
    case 'add map':
      return addMap(world, host, params['map']!);
    case 'remove map':
      return delMap(world, host, params['map']!);
    case 'switch map group': {
      const m = lookupMap(world, host, params['map']!);
      const g = Number(params['group']);
      if (!m || !Number.isInteger(g) || g < 1 || g > m.groups.length) return FAIL;
      switchGroup(world, host, m, g - 1);
      return OK;
    }
    case 'reconfigure':
      return reconfigure(world, host).ok ? OK : FAIL;
    case 'suspend map':
    case 'resume map': {
      const m = lookupMap(world, host, params['map']!);
      if (!m) return FAIL;
      m.suspended = sig === 'suspend map';
      syslog(world, h, 'multipathd', `${m.name}: ${m.suspended ? 'suspend' : 'resume'} (operator)`);
      return OK;
    }
    case 'resize map':
      return resizeMap(world, host, params['map']!);
    case 'disablequeueing map':
    case 'restorequeueing map':
    case 'disablequeueing maps':
    case 'restorequeueing maps': {
      const targets = sig.endsWith('maps') ? hs.maps : [lookupMap(world, host, params['map']!)].filter((m): m is MpMap => !!m);
      if (!targets.length && !sig.endsWith('maps')) return FAIL;
      for (const m of targets) {
        if (sig.startsWith('disable')) {
          m.queueing = false;
          m.retryLeft = null;
        } else if (m.policy.noPathRetry !== 'fail') m.queueing = true;
      }
      return OK;
    }
    case 'fail path':
    case 'reinstate path': {
      const found = lookupPath(world, host, params['path']!);
      if (!found?.map) return FAIL;
      const p = findPath(found.map, found.dev)!;
      if (sig === 'fail path') {
        if (p.dm === 'active') daemonFailPath(world, host, found.map, p, false);
        p.checkerDisabled = true;
      } else {
        p.checkerDisabled = false;
        if (p.dm === 'failed') daemonReinstatePath(world, host, found.map, p, false);
      }
      return OK;
    }
  }
  return HELP;
}
