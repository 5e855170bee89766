// Checks over the SAN as each host sees it: path states per map, map and path-device sizes
// against the array, map names and multipath.conf aliases, path policies, kpartx partition
// maps, OCFS2 volumes, and `df` sizes. A LUN is named by its scenario role (repository,
// poolfs, spare) or its array LUN number; without `host`, every host that sees the SAN must pass.
import { arrayLunSize, hostMapForLun, listBlockDevices, resolveBlockDevice } from '../../sim/storage/san/block-devices';
import { fileConfig } from '../../sim/storage/multipath/maps';
import { multipathEntry } from '../../sim/storage/multipath/multipath-policy';
import { mtab, statfs } from '../../sim/storage/ocfs2/mounts-table';
import { allVolumes } from '../../sim/storage/ocfs2/ocfs2-volumes';
import { hostSan, lunKey } from '../../sim/storage/san/san';
import { defineCheck, describeRange, failWith, findHost, inRange, int, num, oneOfStr, pass, rangeArgs, str, type CheckResult, type JsonSchema, type Range } from '../check-kit';
import { own } from '../own';
import type { LunRef, MpMap, MpPath } from '../../sim/storage/types';
import type { WorldState } from '../../sim/types';

const GiB = 1024 ** 3;
const gib = (bytes: number): string => `${(bytes / GiB).toFixed(1)} GiB`;
const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };

export function resolveLun(world: WorldState, lun: string | number): LunRef | undefined {
  if (typeof lun === 'string' && !/^\d+$/.test(lun)) return own(world.san?.roles, lun);
  const array = world.san?.arrays[0]?.serial;
  return array ? { array, alu: Number(lun) } : undefined;
}

/** The hosts a check covers: the one named, or every host with a SAN view, sorted. */
function hostsFor(world: WorldState, host: string | undefined): string[] | string {
  if (host !== undefined) {
    const h = findHost(world, host);
    return h ? [h.name] : `no host ${host}`;
  }
  return Object.keys(world.san?.hosts ?? {}).sort();
}

/** Runs `each` for every covered host; the first failure is the result. */
function everyHost(world: WorldState, host: string | undefined, lun: string | number, each: (h: string, ref: LunRef) => CheckResult): CheckResult {
  const ref = resolveLun(world, lun);
  if (!ref) return failWith(`no LUN ${lun}`);
  const hosts = hostsFor(world, host);
  if (typeof hosts === 'string') return failWith(hosts);
  for (const h of hosts) {
    const r = each(h, ref);
    if (!r.ok) return r;
  }
  return pass();
}

/** The host's multipath map of a LUN. */
function mapOf(world: WorldState, host: string, ref: LunRef): MpMap | undefined {
  const dev = hostMapForLun(world, host, ref);
  return dev?.mapName ? hostSan(world, host)?.maps.find((m) => m.name === dev.mapName) : undefined;
}

const pathActive = (p: MpPath): boolean => p.dm === 'active' && (p.chk === 'ready' || p.chk === 'ghost');
const pathFailed = (p: MpPath): boolean => p.dm === 'failed' || p.chk === 'faulty';

const pathCount = defineCheck<{ host?: string; lun: string | number; state: 'active' | 'failed' } & Range>({
  summary: 'How many paths of the LUN\'s multipath map are active (dm active, checker ready) or failed, per host.',
  args: { host: str, lun: lunArg, state: oneOfStr('active', 'failed'), ...rangeArgs },
  required: ['lun', 'state'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const m = mapOf(world, h, ref);
      if (!m) return failWith(`${h} has no multipath map for LUN ${a.lun}`);
      const n = m.groups.flatMap((g) => g.paths).filter(a.state === 'active' ? pathActive : pathFailed).length;
      return inRange(n, a) ? pass() : failWith(`${h}: ${m.name} has ${n} ${a.state} path${n === 1 ? '' : 's'} (wanted ${describeRange(a)})`);
    });
  },
});

const mapCurrent = defineCheck<{ host?: string; lun: string | number }>({
  summary: 'The host\'s multipath map of the LUN has the size the array gives the LUN now (no stale map after a LUN grew).',
  args: { host: str, lun: lunArg },
  required: ['lun'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const m = mapOf(world, h, ref);
      const size = arrayLunSize(world, ref) ?? 0;
      if (!m) return failWith(`${h} has no multipath map for LUN ${a.lun}`);
      return m.sizeBytes === size ? pass() : failWith(`${h}: map ${m.name} is ${gib(m.sizeBytes)}, the LUN is ${gib(size)}`);
    });
  },
});

const disksCurrent = defineCheck<{ host?: string; lun: string | number }>({
  summary: 'Every path device (sdX) of the LUN on the host has read the LUN\'s current size from the array.',
  args: { host: str, lun: lunArg },
  required: ['lun'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const size = arrayLunSize(world, ref) ?? 0;
      const disks = (hostSan(world, h)?.disks ?? []).filter((d) => d.to.kind === 'san' && d.to.array === ref.array && d.to.alu === ref.alu);
      if (!disks.length) return failWith(`${h} has no path device for LUN ${a.lun}`);
      const stale = disks.filter((d) => d.sizeBytes !== size);
      // How many, never which: finding the stale sdX devices is the learner's job.
      return stale.length ? failWith(`${h}: ${stale.length} of ${disks.length} path devices still read ${gib(stale[0]!.sizeBytes)}`) : pass();
    });
  },
});

const mapName = defineCheck<{ host?: string; lun: string | number; name: string }>({
  summary: 'The host\'s multipath map of the LUN has this name (an alias or a user-friendly name).',
  args: { host: str, lun: lunArg, name: str },
  required: ['lun', 'name'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const m = mapOf(world, h, ref);
      if (!m) return failWith(`${h} has no multipath map for LUN ${a.lun}`);
      return m.name === a.name ? pass() : failWith(`${h}: the map is called ${m.name}`);
    });
  },
});

const confAlias = defineCheck<{ host?: string; lun: string | number; alias: string }>({
  summary: 'The host\'s /etc/multipath.conf gives the LUN\'s WWID this alias in a multipaths section (and parses).',
  args: { host: str, lun: lunArg, alias: str },
  required: ['lun', 'alias'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const wwid = world.san?.arrays.find((x) => x.serial === ref.array)?.luns.find((l) => l.alu === ref.alu)?.wwid;
      const parsed = fileConfig(world, h);
      if (!parsed) return failWith(`${h} has no /etc/multipath.conf`);
      if (!parsed.ok) return failWith(`${h}: /etc/multipath.conf does not parse`);
      const entry = wwid ? multipathEntry(parsed.config, wwid) : undefined;
      const alias = entry?.['alias'];
      return alias === a.alias ? pass() : failWith(`${h}: ${alias ? `the alias is ${alias}` : 'no multipaths entry with an alias for that WWID'}`);
    });
  },
});

const mapPolicy = defineCheck<{ host?: string; lun: string | number; pg_policy?: string; selector?: string }>({
  summary: 'The LUN\'s map runs with this path grouping policy (failover, multibus, group_by_prio …) and/or path selector (round-robin, queue-length, service-time).',
  args: { host: str, lun: lunArg, pg_policy: str, selector: str },
  required: ['lun'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const m = mapOf(world, h, ref);
      if (!m) return failWith(`${h} has no multipath map for LUN ${a.lun}`);
      if (a.pg_policy !== undefined && m.policy.pgPolicy !== a.pg_policy) return failWith(`${h}: ${m.name} groups paths by ${m.policy.pgPolicy}`);
      if (a.selector !== undefined && m.policy.selector.split(' ')[0] !== a.selector) return failWith(`${h}: ${m.name} selects paths with ${m.policy.selector}`);
      return pass();
    });
  },
});

const lunSize = defineCheck<{ lun: string | number } & Range>({
  summary: 'The LUN\'s size on the array, in GiB, is in a range.',
  args: { lun: lunArg, ...rangeArgs },
  required: ['lun'],
  run({ world }, a) {
    const ref = resolveLun(world, a.lun);
    const size = ref ? arrayLunSize(world, ref) : null;
    if (size === null) return failWith(`no LUN ${a.lun}`);
    return inRange(size / GiB, a) ? pass() : failWith(`the LUN is ${gib(size)} (wanted ${describeRange(a, 'GiB')})`);
  },
});

const partitionMap = defineCheck<{ host?: string; lun: string | number; num: number }>({
  summary: 'The host has a device-mapper partition map (kpartx) for partition `num` of the LUN\'s multipath map.',
  args: { host: str, lun: lunArg, num: { ...int, minimum: 1 } },
  required: ['lun', 'num'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const dev = listBlockDevices(world, h).find((d) => d.kind === 'mpath-part' && d.lun?.array === ref.array && d.lun.alu === ref.alu && d.partition === a.num);
      return dev ? pass() : failWith(`${h} has no partition map ${a.num} for LUN ${a.lun}`);
    });
  },
});

const ocfs2Volume = defineCheck<{ lun: string | number; label?: string; min_slots?: number; min_cluster_kb?: number; fs_type?: string; min_gb?: number }>({
  summary: 'An OCFS2 file system lives on the LUN (whole or a partition), with at least these slots, cluster size (KiB) and size (GiB), this label and -T type.',
  args: { lun: lunArg, label: str, min_slots: { ...int, minimum: 1 }, min_cluster_kb: { ...int, minimum: 4 }, fs_type: oneOfStr('datafiles', 'mail', 'vmstore'), min_gb: num },
  required: ['lun'],
  run({ world }, a) {
    const ref = resolveLun(world, a.lun);
    if (!ref) return failWith(`no LUN ${a.lun}`);
    const vols = allVolumes(world).filter((v) => v.mediumKey === lunKey(ref));
    if (!vols.length) return failWith(`no OCFS2 file system on LUN ${a.lun}`);
    const v = vols[vols.length - 1]!;
    if (a.label !== undefined && v.label !== a.label) return failWith(`its label is “${v.label}”`);
    if (a.min_slots !== undefined && v.slots < a.min_slots) return failWith(`it has ${v.slots} node slots`);
    if (a.min_cluster_kb !== undefined && v.clusterSize < a.min_cluster_kb * 1024) return failWith(`its cluster size is ${v.clusterSize / 1024} KiB`);
    if (a.fs_type !== undefined && v.fsType !== a.fs_type) return failWith(`it was made with ${v.fsType ? `-T ${v.fsType}` : 'no -T'}`);
    if (a.min_gb !== undefined && v.clusters * v.clusterSize < a.min_gb * GiB) return failWith(`it is ${gib(v.clusters * v.clusterSize)}`);
    return pass();
  },
});

const dfSize = defineCheck<{ host?: string; path: string } & Range>({
  summary: 'What `df` reports as the size (GiB) of the file system mounted at a path, per host (every host with a SAN view when none is named).',
  args: { host: str, path: str, ...rangeArgs },
  required: ['path'],
  run({ world }, a) {
    const hosts = hostsFor(world, a.host);
    if (typeof hosts === 'string') return failWith(hosts);
    for (const name of hosts) {
      const h = world.hosts[name]!;
      const e = mtab(world, h).find((x) => x.path === a.path);
      const st = e ? statfs(world, h, e) : null;
      if (!st) return failWith(`nothing is mounted at ${a.path} on ${name}`);
      const size = (st.blocks * st.bsize) / GiB;
      if (!inRange(size, a)) return failWith(`${name}: df shows ${size.toFixed(1)} GiB (wanted ${describeRange(a, 'GiB')})`);
    }
    return pass();
  },
});

const dfMatchesLun = defineCheck<{ host?: string; path: string; lun: string | number }>({
  summary: 'What `df` reports for the file system at a path spans the LUN\'s current size on the array (at least 98 % of it), per host: the file system was grown to the LUN and every node sees it.',
  args: { host: str, path: str, lun: lunArg },
  required: ['path', 'lun'],
  run({ world }, a) {
    const ref = resolveLun(world, a.lun);
    const lunBytes = ref ? arrayLunSize(world, ref) : null;
    if (lunBytes === null) return failWith(`no LUN ${a.lun}`);
    const hosts = hostsFor(world, a.host);
    if (typeof hosts === 'string') return failWith(hosts);
    for (const name of hosts) {
      const h = world.hosts[name]!;
      const e = mtab(world, h).find((x) => x.path === a.path);
      const st = e ? statfs(world, h, e) : null;
      if (!st) return failWith(`nothing is mounted at ${a.path} on ${name}`);
      const size = st.blocks * st.bsize;
      if (size < lunBytes * 0.98) return failWith(`${name}: df shows ${gib(size)}, the LUN is ${gib(lunBytes)}`);
    }
    return pass();
  },
});

const ocfs2Mounted = defineCheck<{ host?: string; lun: string | number }>({
  summary: 'The OCFS2 file system on the LUN (whole, or a partition of it) is mounted on the host — on every host with a SAN view when none is named.',
  args: { host: str, lun: lunArg },
  required: ['lun'],
  run({ world }, a) {
    return everyHost(world, a.host, a.lun, (h, ref) => {
      const host = world.hosts[h]!;
      const m = host.mounts.find((x) => {
        const dev = resolveBlockDevice(world, h, x.device);
        return x.fsType === 'ocfs2' && dev?.lun?.array === ref.array && dev.lun.alu === ref.alu;
      });
      return m ? pass() : failWith(`nothing on LUN ${a.lun} is mounted on ${h}`);
    });
  },
});

const lunPartition = defineCheck<{ lun: string | number; num: number; min_gb?: number }>({
  summary: 'The LUN\'s partition table (on the array, whatever hosts have read) has partition `num`, optionally of at least `min_gb` GiB.',
  args: { lun: lunArg, num: { ...int, minimum: 1 }, min_gb: num },
  required: ['lun', 'num'],
  run({ world }, a) {
    const ref = resolveLun(world, a.lun);
    const lun = ref ? world.san?.arrays.find((x) => x.serial === ref.array)?.luns.find((l) => l.alu === ref.alu) : undefined;
    if (!lun) return failWith(`no LUN ${a.lun}`);
    const p = lun.label?.parts.find((x) => x.num === a.num);
    if (!p) return failWith(lun.label ? `the LUN has no partition ${a.num}` : 'the LUN has no partition table');
    if (a.min_gb !== undefined && p.sectors * 512 < a.min_gb * GiB) return failWith(`partition ${a.num} is only ${gib(p.sectors * 512)}`);
    return pass();
  },
});

export const storageChecks = {
  lun_partition: lunPartition,
  ocfs2_mounted: ocfs2Mounted,
  df_matches_lun: dfMatchesLun,
  path_count: pathCount,
  map_current: mapCurrent,
  disks_current: disksCurrent,
  map_name: mapName,
  conf_alias: confAlias,
  map_policy: mapPolicy,
  lun_size: lunSize,
  partition_map: partitionMap,
  ocfs2_volume: ocfs2Volume,
  df_size: dfSize,
};
