// The `sv091` scenario: the Oracle VM 3.4 server of seed 002 ("The Undocumentation"), built so
// its `xm list`, `xentop` and the vm.cfg of sv104 come out as the talk shows them: 16 CPUs @
// 1698 MHz, 128 GiB, dom0 at 2796 MiB (max 3456), seven 16 GiB HVM guests with 4 vCPUs, 2 VIFs
// and up to 6 disks each on repository 0004fb000003000024cd350d232b41fc, the next domain id 19.
// A second pool member, sv095, has room for a migration; five halted VMs left qemu-dm logs.
import { nextInt } from '../../lib/rng';
import { ovmId, ovmUuid, oracleMac } from '../ids';
import { mkdir, putNode, writeFile } from '../vfs';
import { ovmXenExtras, renderVmCfg } from '../xen/vm-cfg';
import { seedXenHost } from '../xen/host-files';
import { newDomain } from '../xen/new-domain';
import { qemuLogStart } from '../xen/xend-log';
import { emptyWorld } from '../world';
import { addHost } from './hosts';
import { buildDefaultStorage } from './storage';
import { buildSharedStorage, mountRepositoryTree } from './repository';
import type { DomainState, HostState, WorldState } from '../types';

const REPO = '0004fb000003000024cd350d232b41fc';
const POOL = '0004fb000002000031fb31cdfa8a3db5';
const MGMT_NET = '172.24.19.0';
const VM_NET = '100bc68c90';
const CPU = { sockets: 2, coresPerSocket: 4, threadsPerCore: 2, mhz: 1698, model: 'Intel(R) Xeon(R) CPU E5-2648L 0 @ 1.80GHz', virtFlag: 'vmx' as const };

/** The guests `xm list` shows on sv091 in seed 002: name, domid, CPU seconds. */
const SEED_GUESTS: ReadonlyArray<readonly [string, number, number]> = [
  ['0004fb00000600001ab4fe3614bd3616', 1, 2551256.8],
  ['0004fb00000600004a27037b0835a489', 8, 1142964.1],
  ['0004fb000006000063c616814464d177', 15, 419351.5],
  ['0004fb000006000075cbdd1c01458b89', 2, 2518897.3],
  ['0004fb0000060000848126d4350e937c', 6, 2567024.0],
  ['0004fb0000060000a31577d2f66b7345', 7, 2030372.7],
  ['0004fb0000060000cd82eeb81e5f78a1', 13, 435982.3],
];

/** sv104's six disks, from its vm.cfg in the talk. */
const SV104_DISKS = ['0004fb0000120000b4aa1d5fea4c543a', '0004fb0000120000a0af3357d6cafd05', '0004fb00001200005428824c138a9ebf', '0004fb0000120000b171b415380cb844', '0004fb000012000097776037e15d0175', '0004fb0000120000538b8ba47b973b25'];

/** VMs of the repository that are not running (their qemu-dm logs are in /var/log/xen). */
const HALTED = ['0004fb00000600002a56e34a3ba76342', '0004fb00000600006cf0850e247a2c6b', '0004fb00000600007b0a258dbc15dedf', '0004fb000006000097d11afba5e0e2a4', '0004fb0000060000b2020726fa645272'];

const SIMPLE = ['sv100', 'sv101', 'sv104', 'sv102', 'sv103', 'sv105', 'sv106'];

function guest(world: WorldState, name: string, simple: string, repoPath: string, disks: string[], memoryMiB: number): DomainState {
  const rng = world.rng;
  const d = newDomain({
    name,
    uuid: ovmUuid(name),
    simpleName: simple,
    memoryMiB,
    maxMemMiB: memoryMiB,
    vcpus: 4,
    maxVcpus: 4,
    weight: 27500,
    hvm: true,
    osType: 'Oracle Linux 7',
    cfgPath: `${repoPath}/VirtualMachines/${name}/vm.cfg`,
    // About one pCPU busy per guest: xentop shows CPU(%) near 100 in the talk.
    workload: { cpuDemand: 0.24 + nextInt(rng, 5) / 100, readIops: 20 + nextInt(rng, 80), writeIops: 10 + nextInt(rng, 40), sectorsPerRequest: 32 },
    disks: disks.map((id, i) => ({ kind: 'file', path: `${repoPath}/VirtualDisks/${id}.img`, vdev: `xvd${String.fromCharCode(97 + i)}`, mode: 'w', cdrom: false })),
    vifs: [
      { mac: oracleMac(rng), bridge: MGMT_NET },
      { mac: oracleMac(rng), bridge: VM_NET },
    ],
    production: true,
  });
  d.xen = { ...ovmXenExtras(d), keymap: 'de' };
  return d;
}

function place(world: WorldState, d: DomainState, host: HostState, domid: number, cpuS: number): void {
  d.host = host.name;
  d.domid = domid;
  d.state = 'blocked';
  d.cpuTimeS = cpuS;
  // Up long enough for that much CPU at its demand, to the second.
  d.startedAtMs = -Math.round(cpuS / (d.vcpus * d.workload.cpuDemand)) * 1000;
}

function store(world: WorldState, owner: HostState, d: DomainState): void {
  world.domains[d.name] = d;
  mkdir(world, owner, `${d.cfgPath.slice(0, d.cfgPath.lastIndexOf('/'))}`, '/', true);
  writeFile(world, owner, d.cfgPath, renderVmCfg(d));
  for (const disk of d.disks) putNode(world, owner, disk.path, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 50 * 1024 ** 3 });
}

export function buildSv091World(seed: number): WorldState {
  const world = emptyWorld(seed);
  const rng = world.rng;
  world.pools.push({ id: POOL, name: 'I.NPP 42 ServerPool sv080', hosts: ['sv091', 'sv095'], masterHost: 'sv095' });
  const sv091 = addHost(world, { name: 'sv091', ip: '172.24.19.91', poolId: POOL, memoryMiB: 130946, cpu: CPU });
  const sv095 = addHost(world, { name: 'sv095', ip: '172.24.19.95', poolId: POOL, memoryMiB: 130946, cpu: CPU });
  for (const h of [sv091, sv095]) {
    h.dom0MemMiB = 2796;
    h.dom0MaxMemMiB = 3456;
  }
  sv091.dom0CpuS = 3867699.3;

  const tree = mountRepositoryTree(world, [sv091, sv095], REPO);
  const repoPath = tree.repoPath;

  SEED_GUESTS.forEach(([name, domid, cpuS], i) => {
    const disks = name === '0004fb000006000063c616814464d177' ? SV104_DISKS : Array.from({ length: 1 + (i % 6) }, () => ovmId(rng, 'virtualDisk'));
    const d = guest(world, name, SIMPLE[i]!, repoPath, disks, 16348);
    if (name === '0004fb000006000063c616814464d177') d.vifs = [{ mac: '00:21:f6:2a:00:68', bridge: MGMT_NET }, { mac: '00:21:f6:2a:01:68', bridge: VM_NET }];
    place(world, d, sv091, domid, cpuS);
    store(world, sv091, d);
  });
  // Ids up to 18 were used before (guests restarted or moved away).
  sv091.nextDomId = 19;

  // sv095: two guests, room for a 16 GiB migration.
  for (const simple of ['sv110', 'sv111']) {
    const d = guest(world, ovmId(rng, 'vm'), simple, repoPath, [ovmId(rng, 'virtualDisk')], 8192);
    place(world, d, sv095, sv095.nextDomId++, 50000 + nextInt(rng, 900000));
    store(world, sv091, d);
  }

  for (const name of HALTED) {
    const d = guest(world, name, `sv${120 + HALTED.indexOf(name)}`, repoPath, [ovmId(rng, 'virtualDisk')], 8192);
    store(world, sv091, d);
  }

  for (const h of [sv091, sv095]) seedXenHost(world, h);
  // The halted VMs ran here once: their device model logs are still there.
  HALTED.forEach((name, i) => {
    const d = world.domains[name]!;
    qemuLogStart(world, sv091, { ...d, domid: 3 + i });
  });
  buildDefaultStorage(world);
  buildSharedStorage(world, tree);
  return world;
}
