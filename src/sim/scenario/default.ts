// The default sandbox world: one server pool, two OVM 3.4 hosts sharing an OCFS2 repository,
// and a handful of guests with OVM-style ids and vm.cfg files. Everything drawn from the seed.
import { nextHex, nextInt, pick } from '../../lib/rng';
import { ovmId, ovmUuid, oracleMac } from '../ids';
import { mkdir, putNode, writeFile } from '../vfs';
import { ovmXenExtras, renderVmCfg } from '../xen/vm-cfg';
import { seedXenHost } from '../xen/host-files';
import { newDomain } from '../xen/new-domain';
import { emptyWorld } from '../world';
import { addHost } from './hosts';
import { buildDefaultStorage } from './storage';
import { buildSharedStorage, mountRepositoryTree } from './repository';
import type { DomainState, HostState, WorldState } from '../types';
import { DEFAULT_HOST_NAMES } from './default-names';

export interface DefaultScenarioOptions {
  hostNames?: [string, string];
}

const SIMPLE_NAMES = ['sv101', 'sv102', 'sv103', 'sv104', 'sv105', 'sv106', 'sv107', 'sv108'];
const OS_TYPES = ['Oracle Linux 7', 'Oracle Linux 6', 'Oracle Linux 5', 'Other Linux'];

export function buildDefaultWorld(seed: number, opts: DefaultScenarioOptions = {}): WorldState {
  const world = emptyWorld(seed);
  const rng = world.rng;
  const poolId = ovmId(rng, 'pool');
  const [n1, n2] = opts.hostNames ?? DEFAULT_HOST_NAMES;
  world.pools.push({ id: poolId, name: 'pool1', hosts: [n1, n2], masterHost: n1 });
  const hosts = [addHost(world, { name: n1, ip: '10.10.10.11', poolId }), addHost(world, { name: n2, ip: '10.10.10.12', poolId })];

  // One shared repository, the same tree mounted on both hosts (a real OCFS2 once the SAN exists).
  const repoTree = mountRepositoryTree(world, hosts, ovmId(rng, 'repository'));
  const { repoPath } = repoTree;
  const bridge = nextHex(rng, 10);

  const names = SIMPLE_NAMES.slice(0, 5);
  names.forEach((simpleName, i) => {
    const host = hosts[i % 2]!;
    const running = i !== 4; // the last one is defined but halted
    const dom = makeDomain(world, { simpleName, repoPath, bridge, production: i < 2 });
    dom.xen = ovmXenExtras(dom);
    if (running) startOn(world, dom, host);
    world.domains[dom.name] = dom;
    mkdir(world, hosts[0]!, `${repoPath}/VirtualMachines/${dom.name}`);
    writeFile(world, hosts[0]!, dom.cfgPath, renderVmCfg(dom));
    for (const disk of dom.disks) {
      // A sparse image: no bytes stored, only its apparent size.
      putNode(world, hosts[0]!, disk.path, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 20 * 1024 ** 3 });
    }
  });
  for (const h of hosts) seedXenHost(world, h);
  buildDefaultStorage(world);
  buildSharedStorage(world, repoTree);
  return world;
}

function makeDomain(
  world: WorldState,
  o: { simpleName: string; repoPath: string; bridge: string; production: boolean },
): DomainState {
  const rng = world.rng;
  const name = ovmId(rng, 'vm');
  const vcpus = pick(rng, [1, 2, 2, 4]);
  const memoryMiB = pick(rng, [2048, 4096, 4096, 8192]);
  const diskId = ovmId(rng, 'virtualDisk');
  return newDomain({
    name,
    uuid: ovmUuid(name),
    simpleName: o.simpleName,
    memoryMiB,
    maxMemMiB: memoryMiB,
    vcpus,
    maxVcpus: vcpus,
    weight: 27500,
    hvm: nextInt(rng, 2) === 0,
    osType: pick(rng, OS_TYPES),
    cfgPath: `${o.repoPath}/VirtualMachines/${name}/vm.cfg`,
    workload: { cpuDemand: 0.05 + nextInt(rng, 30) / 100, readIops: 5 + nextInt(rng, 60), writeIops: 2 + nextInt(rng, 30), sectorsPerRequest: 16 },
    disks: [{ kind: 'file', path: `${o.repoPath}/VirtualDisks/${diskId}.img`, vdev: 'xvda', mode: 'w', cdrom: false }],
    vifs: [{ mac: oracleMac(rng), bridge: o.bridge }],
    production: o.production,
  });
}

/** Places a domain on a host as if it had been running for a while before time 0. */
function startOn(world: WorldState, dom: DomainState, host: HostState): void {
  dom.host = host.name;
  dom.domid = host.nextDomId++;
  dom.state = 'blocked';
  dom.startedAtMs = -(3600 + nextInt(world.rng, 9 * 86400)) * 1000;
  dom.cpuTimeS = Math.round((-dom.startedAtMs / 1000) * dom.vcpus * dom.workload.cpuDemand * 10) / 10;
}
