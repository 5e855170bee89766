// What a config means for one device: blacklisting, the built-in hardware table, the effective
// per-map policy (multipaths ← devices ← built-in hwtable ← defaults ← compiled-in), path
// priorities (alua / emc / const) and map names (WWID, user_friendly_names, alias).
import type { Release } from '../../types';
import type { MultipathConfig, Section } from './multipath-conf';
import type { MapPolicy } from '../types';

/** The built-in hardware table entries the simulator's arrays need (libmultipath/hwtable.c). */
export const HWTABLE: readonly Section[] = [
  {
    vendor: 'DGC',
    product: '.*',
    product_blacklist: 'LUNZ',
    path_grouping_policy: 'group_by_prio',
    path_checker: 'emc_clariion',
    features: '1 queue_if_no_path',
    hardware_handler: '1 emc',
    prio: 'emc',
    failback: 'immediate',
    rr_weight: 'uniform',
    no_path_retry: '60',
    rr_min_io: '1000',
  },
  {
    vendor: 'NETAPP',
    product: 'LUN.*',
    path_grouping_policy: 'group_by_prio',
    path_checker: 'directio',
    features: '1 queue_if_no_path',
    hardware_handler: '0',
    prio: 'ontap',
    failback: 'immediate',
    rr_weight: 'uniform',
    rr_min_io: '128',
  },
  {
    vendor: 'HP',
    product: 'HSV1[01]1|HSV2[01]0|HSV300|HSV4[05]0',
    path_grouping_policy: 'group_by_prio',
    path_checker: 'tur',
    features: '0',
    hardware_handler: '0',
    prio: 'alua',
    failback: 'immediate',
    rr_weight: 'uniform',
    no_path_retry: '18',
    rr_min_io: '100',
  },
];

const COMPILED: Section = {
  user_friendly_names: 'no',
  polling_interval: '5',
  path_grouping_policy: 'failover',
  path_selector: 'round-robin 0',
  features: '0',
  hardware_handler: '0',
  path_checker: 'directio',
  prio: 'const',
  failback: 'manual',
  rr_min_io: '1000',
  rr_weight: 'uniform',
  flush_on_last_del: 'no',
};

/** Compiled patterns (null: the pattern does not compile, so it matches nothing). */
const COMPILED_RE = new Map<string, RegExp | null>();

/** Anchored-nowhere regex match as regexec() does it; a bad pattern matches nothing. */
export function regexMatch(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  let re = COMPILED_RE.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    if (COMPILED_RE.size > 512) COMPILED_RE.clear();
    COMPILED_RE.set(pattern, re);
  }
  return re !== null && re.test(value);
}

export interface PathIdentity {
  dev: string;
  wwid: string;
  vendor: string;
  product: string;
}

function deviceMatches(rule: Section, id: PathIdentity): boolean {
  return regexMatch(rule['vendor'], id.vendor) && regexMatch(rule['product'], id.product);
}

/** Per disk object: the verdict for the config and WWID it was computed with. */
const BL_DISK = new WeakMap<object, { cfg: MultipathConfig; wwid: string; r: string | null }>();

/** blacklistReason for a SCSI disk record, remembered on the record itself (listings ask for all). */
export function diskBlacklisted(cfg: MultipathConfig, d: { name: string; wwid: string; vendor: string; product: string }): string | null {
  const c = BL_DISK.get(d);
  if (c && c.cfg === cfg && c.wwid === d.wwid) return c.r;
  const r = blacklistReason(cfg, { dev: d.name, wwid: d.wwid, vendor: d.vendor, product: d.product });
  BL_DISK.set(d, { cfg, wwid: d.wwid, r });
  return r;
}

/** Verdicts per config object and path identity (every listing asks for every path). */
const BL_CACHE = new WeakMap<MultipathConfig, Map<string, string | null>>();

/** Why a path is blacklisted (multipath -v3 wording), or null when it may be multipathed. */
export function blacklistReason(cfg: MultipathConfig, id: PathIdentity): string | null {
  let cache = BL_CACHE.get(cfg);
  if (!cache) BL_CACHE.set(cfg, (cache = new Map()));
  const key = `${id.dev}\u0000${id.wwid}\u0000${id.vendor}\u0000${id.product}`;
  let r = cache.get(key);
  if (r === undefined) {
    if (cache.size > 65536) cache.clear();
    r = blacklistUncached(cfg, id);
    cache.set(key, r);
  }
  return r;
}

function blacklistUncached(cfg: MultipathConfig, id: PathIdentity): string | null {
  const ex = cfg.blacklistExceptions;
  if (cfg.blacklist.devnode.some((p) => regexMatch(p, id.dev)) && !ex.devnode.some((p) => regexMatch(p, id.dev))) return `${id.dev}: (devnode blacklisted)`;
  const hw = hwEntry(cfg, id);
  if (hw?.['product_blacklist'] && regexMatch(hw['product_blacklist'], id.product)) return `${id.dev}: (${id.vendor}:${id.product}) vendor/product blacklisted`;
  if (cfg.blacklist.device.some((r) => deviceMatches(r, id)) && !ex.device.some((r) => deviceMatches(r, id))) return `${id.dev}: (${id.vendor}:${id.product}) vendor/product blacklisted`;
  if (cfg.blacklist.wwid.some((p) => regexMatch(p, id.wwid)) && !ex.wwid.some((p) => regexMatch(p, id.wwid))) return `${id.wwid}: (wwid blacklisted)`;
  return null;
}

/** hwEntry answers per config object (configs are not mutated once parsed and cached). */
const HW_CACHE = new WeakMap<MultipathConfig, Map<string, Section | undefined>>();

/** The device section for a path: user `devices` entries first (last match wins), then built-in. */
export function hwEntry(cfg: MultipathConfig, id: { vendor: string; product: string }): Section | undefined {
  let cache = HW_CACHE.get(cfg);
  if (!cache) HW_CACHE.set(cfg, (cache = new Map()));
  const key = `${id.vendor}\u0000${id.product}`;
  if (cache.has(key)) return cache.get(key);
  const r = hwEntryUncached(cfg, id);
  cache.set(key, r);
  return r;
}

function hwEntryUncached(cfg: MultipathConfig, id: { vendor: string; product: string }): Section | undefined {
  const builtin = HWTABLE.find((r) => regexMatch(r['vendor'], id.vendor) && regexMatch(r['product'], id.product));
  let user: Section | undefined;
  for (const r of cfg.devices) if (regexMatch(r['vendor'], id.vendor) && regexMatch(r['product'], id.product)) user = r;
  if (!user) return builtin;
  // A user entry for the same hardware overrides the built-in one key by key.
  return { ...builtin, ...user };
}

export function multipathEntry(cfg: MultipathConfig, wwid: string): Section | undefined {
  return cfg.multipaths.find((m) => m['wwid'] === wwid);
}

function pick(key: string, ...sections: Array<Section | undefined>): string | undefined {
  for (const s of sections) {
    const v = s?.[key];
    if (v !== undefined) return v;
  }
  return undefined;
}

const PG_POLICIES = ['failover', 'multibus', 'group_by_prio', 'group_by_serial', 'group_by_node_name'] as const;

function parseFailback(v: string | undefined): MapPolicy['failback'] {
  if (v === 'immediate') return 'immediate';
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 'manual';
}

function parseNoPathRetry(v: string | undefined): MapPolicy['noPathRetry'] {
  if (v === 'queue') return 'queue';
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 'fail';
}

/** Effective settings for a map: multipaths entry ← device section ← defaults ← compiled-in. */
export function mapPolicy(cfg: MultipathConfig, id: { wwid: string; vendor: string; product: string }): MapPolicy {
  const mp = multipathEntry(cfg, id.wwid);
  const hw = hwEntry(cfg, id);
  const d = cfg.defaults;
  const sel = (k: string) => pick(k, mp, hw, d, COMPILED);
  const pg = sel('path_grouping_policy') ?? 'failover';
  const selector = mp?.['path_selector'] ?? hw?.['path_selector'] ?? d['path_selector'] ?? d['selector'] ?? COMPILED['path_selector']!;
  const noPathRetry = parseNoPathRetry(pick('no_path_retry', mp, hw, d));
  let features = pick('features', mp, hw, d, COMPILED) ?? '0';
  // no_path_retry decides queueing: it adds or removes queue_if_no_path (select.c).
  if (noPathRetry === 'fail') features = removeFeature(features, 'queue_if_no_path');
  else features = addFeature(features, 'queue_if_no_path');
  return {
    pgPolicy: (PG_POLICIES as readonly string[]).includes(pg) ? (pg as MapPolicy['pgPolicy']) : 'failover',
    selector,
    features,
    hwhandler: pick('hardware_handler', hw, COMPILED) ?? '0',
    checker: pick('path_checker', hw, d) ?? pick('checker', hw, d) ?? COMPILED['path_checker']!,
    prio: pick('prio', mp, hw, d) ?? (pick('prio_callout', hw, d)?.includes('mpath_prio_emc') ? 'emc' : pick('prio_callout', hw, d)?.includes('alua') ? 'alua' : 'const'),
    failback: parseFailback(sel('failback')),
    noPathRetry,
    rrMinIo: Number(sel('rr_min_io')) || 1000,
    flushOnLastDel: sel('flush_on_last_del') === 'yes',
  };
}

function featureWords(f: string): string[] {
  const w = f.trim().split(/\s+/).filter(Boolean);
  return w.slice(1);
}

function addFeature(f: string, name: string): string {
  const w = featureWords(f);
  if (w.includes(name)) return f;
  return [String(w.length + 1), name, ...w].join(' ');
}

function removeFeature(f: string, name: string): string {
  const w = featureWords(f).filter((x) => x !== name);
  return [String(w.length), ...w].join(' ');
}

export function pollingInterval(cfg: MultipathConfig): number {
  const n = Number(cfg.defaults['polling_interval']);
  return Number.isInteger(n) && n > 0 ? n : 5;
}

export function userFriendlyNames(cfg: MultipathConfig): boolean {
  return cfg.defaults['user_friendly_names'] === 'yes';
}

/**
 * A path's priority under a prioritizer: ALUA gives 50 to the owner SP's (optimized) paths and
 * 10 to the others; emc gives 1 and 0; const gives 1.
 */
export function pathPrio(prio: string, ownedBySp: boolean): number {
  if (prio === 'alua') return ownedBySp ? 50 : 10;
  if (prio === 'emc') return ownedBySp ? 1 : 0;
  return 1;
}

/**
 * The name a new map gets: an alias from `multipaths`, else with user_friendly_names the bound
 * or next free mpathN/mpathX, else the WWID. `bindings` is updated with a new binding.
 */
export function mapName(cfg: MultipathConfig, release: Release, wwid: string, bindings: Record<string, string>, friendly: (n: number) => string): string {
  const alias = multipathEntry(cfg, wwid)?.['alias'];
  if (alias) return alias;
  if (!userFriendlyNames(cfg)) return wwid;
  for (const [name, w] of Object.entries(bindings)) if (w === wwid) return name;
  for (let n = 0; n < 100000; n++) {
    const name = friendly(n);
    if (!(name in bindings)) {
      bindings[name] = wwid;
      return name;
    }
  }
  void release;
  return wwid;
}

/** The text of the bindings file (`/var/lib/multipath/bindings` or `/etc/multipath/bindings`). */
export function bindingsText(bindings: Record<string, string>): string {
  const head = '# Multipath bindings, Version : 1.0\n# NOTE: this file is automatically maintained by the multipath program.\n# You should not need to edit this file in normal circumstances.\n#\n# Format:\n# alias wwid\n#\n';
  return head + Object.entries(bindings).map(([a, w]) => `${a} ${w}\n`).join('');
}
