// The default world (seed 42) and the names tests need from it: the spare, repository and pool-FS
// LUNs' device paths on each host, path devices, repository and pool mount points.
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { listBlockDevices } from '../../../src/sim/storage/san/block-devices';
import { Shells } from './shell';
import type { WorldState } from '../../../src/sim/types';

export interface Fixture {
  sh: Shells;
  world: WorldState;
  /** /dev/mapper/<wwid> of the blank spare LUN. */
  spare: string;
  spareWwid: string;
  /** Its path devices on each host (sdX), all groups. */
  sparePaths: Record<string, string[]>;
  /** /dev/mapper/<wwid>p1: the repository's partition map. */
  repoDev: string;
  repoPath: string;
  poolDev: string;
  poolPath: string;
  repoFsUuid: string;
  poolFsUuid: string;
  cluster: string;
}

export function fixture(seed = 42): Fixture {
  const world = buildDefaultWorld(seed);
  const sh = new Shells(world);
  const roles = world.san!.roles;
  const devs = (host: string) => listBlockDevices(world, host);
  const mapOf = (alu: number) => devs('ovs01').find((d) => d.kind === 'mpath' && d.lun?.alu === alu)!;
  const spareMap = mapOf(roles.spare!.alu);
  const sparePaths: Record<string, string[]> = {};
  for (const h of ['ovs01', 'ovs02']) sparePaths[h] = devs(h).filter((d) => d.kind === 'disk' && d.lun?.alu === roles.spare!.alu).map((d) => d.path);
  const repoMount = world.hosts.ovs01!.mounts.find((m) => m.path.startsWith('/OVS/Repositories/'))!;
  const poolMount = world.hosts.ovs01!.mounts.find((m) => m.path.startsWith('/poolfsmnt/'))!;
  const vols = Object.values(world.ocfs2!.volumes);
  const repoVol = vols.find((v) => v.fsId === repoMount.fsId)!;
  const poolVol = vols.find((v) => v.fsId === poolMount.fsId)!;
  return {
    sh,
    world,
    spare: spareMap.path,
    spareWwid: spareMap.wwid,
    sparePaths,
    repoDev: repoMount.device,
    repoPath: repoMount.path,
    poolDev: poolMount.device,
    poolPath: poolMount.path,
    repoFsUuid: repoVol.uuid,
    poolFsUuid: poolVol.uuid,
    cluster: world.ocfs2!.nodes.ovs01!.running!.name,
  };
}
