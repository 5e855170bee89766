// Quiz queries and facts about the SAN as a host sees it: a LUN's WWID and size, the name and
// path devices of its multipath map, which paths carry the I/O, a path's H:C:T:L and priority.
import { arrayLunSize, hostMapForLun, listBlockDevices, resolveBlockDevice } from '../sim/storage/san/block-devices';
import { mountDir, readRepos } from '../sim/storage/agent/repository-ovm22';
import { hostSan } from '../sim/storage/san/san';
import { resolveLun } from './checks/storage';
import { repositoryMounts } from './checks/agent';
import { readOvsrepo } from '../sim/storage/agent/repository';
import { readDb } from '../sim/storage/agent/agent-db';
import { dictGet, pyText, repr } from '../sim/storage/agent/agent-pyvalue';
import { findHost, str, type CheckContext, type JsonSchema } from './check-kit';
import { defineQuery } from './query-kit';
import type { MpMap } from '../sim/storage/types';

const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };
const hostLun = { args: { host: str, lun: lunArg }, required: ['host', 'lun'] as const };

function mapFor({ world }: CheckContext, host: string, lun: string | number): { map: MpMap; host: string } | null {
  const h = findHost(world, host);
  const ref = resolveLun(world, lun);
  if (!h || !ref) return null;
  const dev = hostMapForLun(world, h.name, ref);
  const map = dev?.mapName ? hostSan(world, h.name)?.maps.find((m) => m.name === dev.mapName) : undefined;
  return map ? { map, host: h.name } : null;
}

export const storageQueries = {
  lun_wwid: defineQuery<{ lun: string | number }>({
    summary: "A LUN's WWID (what multipath names maps by without user_friendly_names).",
    args: { lun: lunArg },
    required: ['lun'],
    run: ({ world }, a) => {
      const ref = resolveLun(world, a.lun);
      return world.san?.arrays.find((x) => x.serial === ref?.array)?.luns.find((l) => l.alu === ref?.alu)?.wwid ?? null;
    },
  }),
  lun_size: defineQuery<{ lun: string | number }>({
    summary: "A LUN's size on the array: both in GiB (1024³) and in GB (10⁹, as fdisk prints it); either counts.",
    args: { lun: lunArg },
    required: ['lun'],
    run: ({ world }, a) => {
      const ref = resolveLun(world, a.lun);
      const bytes = ref ? arrayLunSize(world, ref) : null;
      return bytes === null ? null : [Math.round((bytes / 1024 ** 3) * 10) / 10, Math.round((bytes / 1e9) * 10) / 10];
    },
  }),
  repository_path: defineQuery<{ lun: string | number }>({
    summary: 'Where the OCFS2 file system on a LUN (whole, or its partition) is mounted on the first host that mounts it.',
    args: { lun: lunArg },
    required: ['lun'],
    run: ({ world }, a) => {
      const ref = resolveLun(world, a.lun);
      if (!ref) return null;
      for (const h of Object.values(world.hosts)) {
        for (const m of h.mounts) {
          const dev = resolveBlockDevice(world, h.name, m.device);
          if (dev?.lun?.array === ref.array && dev.lun.alu === ref.alu) return m.path;
        }
      }
      return null;
    },
  }),
  repository_id: defineQuery<{ lun: string | number }>({
    summary: 'The repository id (OVS_REPO_UUID of .ovsrepo) of the repository on a LUN.',
    args: { lun: lunArg },
    required: ['lun'],
    run: ({ world }, a) => {
      const m = repositoryMounts(world, a.lun)[0];
      return m ? (readOvsrepo(world, world.hosts[m.host]!, m.path)?.uuid ?? null) : null;
    },
  }),
  agent_value: defineQuery<{ host: string; db: string; key: string }>({
    summary: "A top-level value of a host's agent database (`ovs-agent-db dump_db DB`), as text: pool_master_ip, node_number …",
    args: { host: str, db: str, key: str },
    required: ['host', 'db', 'key'],
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      const r = h ? readDb(world, h, a.db) : null;
      if (!r?.ok) return null;
      const v = dictGet(r.db, a.key);
      return v === undefined ? null : (pyText(v) ?? repr(v));
    },
  }),
  partition_device: defineQuery<{ host: string; lun: string | number; num: number }>({
    summary: "The device path of a partition map of the LUN on the host: /dev/mapper/NAME on OVM 3, /dev/mpath/NAME on OVM 2.2 (OL5).",
    args: { host: str, lun: lunArg, num: { type: 'integer', minimum: 1 } },
    required: ['host', 'lun', 'num'],
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      const ref = resolveLun(world, a.lun);
      if (!h || !ref) return null;
      const dev = listBlockDevices(world, h.name).find((d) => d.kind === 'mpath-part' && d.lun?.array === ref.array && d.lun.alu === ref.alu && d.partition === a.num);
      if (!dev) return null;
      return h.release === 'ovm22' ? dev.path.replace('/dev/mapper/', '/dev/mpath/') : dev.path;
    },
  }),
  ovm22_root: defineQuery<{ host: string }>({
    summary: 'OVM 2.2: where /OVS points (/var/ovs/mount/UUID of the cluster root repository), from repos.py\'s list.',
    args: { host: str },
    required: ['host'],
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      const root = h ? readRepos(world, h).root : null;
      return root ? mountDir(root) : null;
    },
  }),
  map_name: defineQuery<{ host: string; lun: string | number }>({
    summary: "The name of the host's multipath map of a LUN.",
    ...hostLun,
    run: (ctx, a) => mapFor(ctx, a.host, a.lun)?.map.name ?? null,
  }),
  map_device: defineQuery<{ host: string; lun: string | number }>({
    summary: "The /dev/mapper path of the host's multipath map of a LUN.",
    ...hostLun,
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      return m ? `/dev/mapper/${m.map.name}` : null;
    },
  }),
  path_devices: defineQuery<{ host: string; lun: string | number }>({
    summary: 'The /dev/sdX path devices of the LUN\'s map on the host, space-separated in name order (for a command line).',
    ...hostLun,
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      return m ? m.map.groups.flatMap((g) => g.paths.map((p) => p.dev)).sort(byDevName).map((d) => `/dev/${d}`).join(' ') : null;
    },
  }),
  active_paths: defineQuery<{ host: string; lun: string | number }>({
    summary: 'The sdX devices of the path group the map sends I/O to, space-separated in name order.',
    ...hostLun,
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      const g = m?.map.groups[m.map.activeGroup];
      return g ? g.paths.map((p) => p.dev).sort(byDevName).join(' ') : null;
    },
  }),
  failed_paths: defineQuery<{ host: string; lun: string | number }>({
    summary: 'The sdX devices of the map whose paths are failed (dm failed or checker faulty), space-separated.',
    ...hostLun,
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      return m ? m.map.groups.flatMap((g) => g.paths).filter((p) => p.dm === 'failed' || p.chk === 'faulty').map((p) => p.dev).sort(byDevName).join(' ') : null;
    },
  }),
  path_group_count: defineQuery<{ host: string; lun: string | number }>({
    summary: 'How many path groups the map has.',
    ...hostLun,
    run: (ctx, a) => mapFor(ctx, a.host, a.lun)?.map.groups.length ?? null,
  }),
  active_group_prio: defineQuery<{ host: string; lun: string | number }>({
    summary: 'The priority of the path group the map sends I/O to.',
    ...hostLun,
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      return m?.map.groups[m.map.activeGroup]?.prio ?? null;
    },
  }),
  pg_policy: defineQuery<{ host: string; lun: string | number }>({
    summary: 'The path grouping policy of the map (failover, multibus, group_by_prio …).',
    ...hostLun,
    run: (ctx, a) => mapFor(ctx, a.host, a.lun)?.map.policy.pgPolicy ?? null,
  }),
  path_hctl: defineQuery<{ host: string; dev: string }>({
    summary: 'The H:C:T:L address of a SCSI disk (`5:0:0:1`).',
    args: { host: str, dev: str },
    required: ['host', 'dev'],
    run: ({ world }, a) => {
      const h = findHost(world, a.host);
      const d = h ? hostSan(world, h.name)?.disks.find((x) => x.name === a.dev.replace(/^\/dev\//, '')) : undefined;
      return d ? `${d.host}:${d.channel}:${d.target}:${d.lun}` : null;
    },
  }),
  lun_path_device: defineQuery<{ host: string; lun: string | number; index: number }>({
    summary: 'The sdX name of the index-th (0-based, name order) path device of the LUN on the host.',
    args: { host: str, lun: lunArg, index: { type: 'integer', minimum: 0 } },
    required: ['host', 'lun', 'index'],
    run: (ctx, a) => {
      const m = mapFor(ctx, a.host, a.lun);
      return m?.map.groups.flatMap((g) => g.paths.map((p) => p.dev)).sort(byDevName)[a.index] ?? null;
    },
  }),
};

/** sdb < sdc < … < sdz < sdaa, as the kernel hands names out. */
function byDevName(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
