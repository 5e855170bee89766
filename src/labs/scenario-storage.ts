// Storage overrides of a scenario: another repository on a whole shared LUN, as Oracle VM
// Manager 3 creates one (OCFS2 -T datafiles on the multipath map, no partition, mounted on
// every pool member, .ovsrepo/.ovsmeta, an entry in each agent's repository database).
import { ovmId } from '../sim/ids';
import { readDb, writeDb } from '../sim/storage/agent/agent-db';
import { dictSet, isDict, pyDict } from '../sim/storage/agent/agent-pyvalue';
import { listBlockDevices } from '../sim/storage/san/block-devices';
import { mountOcfs2 } from '../sim/storage/ocfs2/mounts';
import { formatVolume, planVolume, type MkfsOptions } from '../sim/storage/ocfs2/ocfs2-mkfs';
import { allVolumes } from '../sim/storage/ocfs2/ocfs2-volumes';
import { createRepositoryLayout, readOvsrepo, repositoryRecord, renderOvsrepo } from '../sim/storage/agent/repository';
import { mkdir, writeFile } from '../sim/vfs';
import { resolveLun } from './checks/storage';
import type { AgentDb } from '../sim/storage/agent/agent-types';
import type { WorldState } from '../sim/types';
import type { RepositoryOverride } from './types';

/** The options the agent formats repositories with (as the default world's repository). */
const agentMkfs = (label: string): MkfsOptions => ({
  label, slots: 32, fsType: 'datafiles', level: 'default', featuresOn: [], featuresOff: [], mount: null,
  force: true, dryRun: false, quiet: true, xtool: true, noBackupSuper: false, hbDev: false, globalHeartbeat: true,
});

/** Creates the repository; returns its mount path (/OVS/Repositories/<id>). */
export function addRepository(world: WorldState, o: RepositoryOverride): string {
  const ref = resolveLun(world, o.lun);
  const pool = world.pools[0];
  if (!ref || !pool) throw new Error(`scenario override: no LUN ${o.lun}`);
  const hosts = pool.hosts.map((n) => world.hosts[n]!).filter(Boolean);
  const first = hosts[0]!;
  const mapOn = (host: string) => listBlockDevices(world, host).find((d) => d.kind === 'mpath' && d.lun?.array === ref.array && d.lun.alu === ref.alu);
  const dev = mapOn(first.name);
  if (!dev) throw new Error(`scenario override: ${first.name} has no multipath map for LUN ${o.lun}`);
  const info = allVolumes(world).find((v) => v.clusterInfo)?.clusterInfo ?? null;
  const plan = planVolume(first, dev.sizeBytes, agentMkfs(o.alias), info);
  if (!plan.ok) throw new Error(`scenario override: cannot format LUN ${o.lun}: ${plan.stderr}`);
  const vol = formatVolume(world, first, dev, plan.plan, ovmId(world.rng, 'filesystem').toUpperCase());
  vol.formattedAtMs = -86400_000 * 10;
  const repoId = ovmId(world.rng, 'repository');
  const path = `/OVS/Repositories/${repoId}`;
  for (const h of hosts) {
    mkdir(world, h, path, '/', true);
    const r = mountOcfs2(world, h, { device: mapOn(h.name)?.path ?? dev.path, dir: path, options: [], cwd: '/' });
    if (!r.ok) throw new Error(`scenario override: mount on ${h.name} failed: ${r.stderr}`);
  }
  // The Manager that owns the pool's other repositories owns this one too.
  const existing = world.pools.length ? first.mounts.find((m) => m.path.startsWith('/OVS/Repositories/') && m.path !== path) : undefined;
  const managerUuid = (existing && readOvsrepo(world, first, existing.path)?.managerUuid) || ovmId(world.rng, 'manager');
  createRepositoryLayout(world, first, path, { uuid: repoId, version: '3.0', managerUuid, alias: o.alias });
  if (o.ovsrepo_alias !== undefined) writeFile(world, first, `${path}/.ovsrepo`, renderOvsrepo({ uuid: repoId, version: '3.0', managerUuid, alias: o.ovsrepo_alias }));
  for (const h of hosts) {
    const read = readDb(world, h, 'repository');
    const db = read.ok && isDict(read.db as never) ? read.db : (pyDict({}) as AgentDb);
    const alias = o.db_aliases?.[h.name] ?? o.alias;
    dictSet(db as never, repoId, repositoryRecord({ alias, fsLocation: mapOn(h.name)?.path ?? dev.path, managerUuid, mountPoint: path }));
    writeDb(world, h, 'repository', db);
  }
  return path;
}
