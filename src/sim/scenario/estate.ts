// The estate (`#/sandbox/estate`): the default pool grown to 16 servers and 400 guests, for the
// Oracle VM Manager at scale and its benchmark. Extra servers see the shared repository, not the SAN.
import { nextInt, pick } from '../../lib/rng';
import { ovmId, ovmUuid, oracleMac } from '../ids';
import { mkdir, putNode, writeFile } from '../vfs';
import { ovmXenExtras, renderVmCfg } from '../xen/vm-cfg';
import { seedXenHost } from '../xen/host-files';
import { newDomain } from '../xen/new-domain';
import { buildDefaultWorld } from './default';
import { addHost } from './hosts';
import type { WorldState } from '../types';

const ESTATE_SERVERS = 16;
const ESTATE_VMS = 400;

export function buildEstateWorld(seed: number): WorldState {
  const world = buildDefaultWorld(seed);
  const rng = world.rng;
  const pool = world.pools[0]!;
  const first = world.hosts[pool.hosts[0]!]!;
  const repo = first.mounts.find((m) => m.fsType === 'ocfs2' && m.path.startsWith('/OVS/Repositories/'))!;
  const added = [];
  for (let i = pool.hosts.length + 1; i <= ESTATE_SERVERS; i++) {
    const name = `ovs${String(i).padStart(2, '0')}`;
    const h = addHost(world, { name, ip: `10.10.10.${10 + i}`, poolId: pool.id });
    h.mounts.push({ ...repo });
    pool.hosts.push(name);
    added.push(h);
  }
  const template = Object.values(world.domains)[0]!;
  const hosts = pool.hosts.map((n) => world.hosts[n]!);
  for (let i = 0; Object.keys(world.domains).length < ESTATE_VMS; i++) {
    const name = ovmId(rng, 'vm');
    const host = hosts[i % hosts.length]!;
    const disk = `${repo.path}/VirtualDisks/${ovmId(rng, 'virtualDisk')}.img`;
    const memoryMiB = pick(rng, [1024, 1024, 2048]);
    const dom = newDomain({
      name, uuid: ovmUuid(name), simpleName: `sv${1000 + i}`, memoryMiB, vcpus: pick(rng, [1, 2]), weight: 27500,
      hvm: false, osType: template.osType, cfgPath: `${repo.path}/VirtualMachines/${name}/vm.cfg`,
      workload: { cpuDemand: 0.02 + nextInt(rng, 10) / 100, readIops: 2 + nextInt(rng, 20), writeIops: 1 + nextInt(rng, 10), sectorsPerRequest: 16 },
      disks: [{ ...template.disks[0]!, path: disk }],
      vifs: [{ ...template.vifs[0]!, mac: oracleMac(rng) }],
      host: host.name, domid: host.nextDomId++, state: 'blocked', startedAtMs: -(3600 + nextInt(rng, 86400)) * 1000,
    });
    dom.xen = ovmXenExtras(dom);
    world.domains[name] = dom;
    mkdir(world, first, `${repo.path}/VirtualMachines/${name}`);
    writeFile(world, first, dom.cfgPath, renderVmCfg(dom));
    putNode(world, first, disk, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 20 * 1024 ** 3 });
  }
  for (const h of added) seedXenHost(world, h);
  return world;
}
