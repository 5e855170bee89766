// Guest overrides of a scenario: reshape an existing guest (found by its simple name) or add a
// new one the way the world's builder makes them (OVM 3: a 32-hex id in the repository; OVM 2.2:
// its name, in /OVS/running_pool), placed running, paused or halted.
import { nextHex, nextInt, pick } from '../lib/rng';
import { oracleMac, ovmId, ovmUuid } from '../sim/ids';
import { vmCfg22 } from '../sim/scenario/ovm22';
import { newDomain } from '../sim/xen/new-domain';
import { lookup, mkdir, putNode, remove, writeFile } from '../sim/vfs';
import { hasOwn, own } from './own';
import { applyDiskOverrides, applyWindowsOverride } from './scenario-disks';
import type { DomainState, WorldState } from '../sim/types';
import type { DomainOverride } from './types';

function findBySimple(world: WorldState, simple: string): DomainState | undefined {
  return Object.values(world.domains).find((d) => d.simpleName === simple);
}

export function removeGuest(world: WorldState, simple: string): void {
  const d = findBySimple(world, simple);
  if (d) delete world.domains[d.name];
}

/** The repository guests live in: the first shared (non-root) mount of the first host. */
function repoPath(world: WorldState): string {
  const first = Object.values(world.hosts)[0];
  const m = first?.mounts.find((x) => x.path.startsWith('/OVS/Repositories/')) ?? first?.mounts.find((x) => x.path !== '/');
  return m?.path ?? '/OVS/Repositories/local';
}

/** Where an OVM 2.2 guest lives: its directory in the root repository's running_pool. */
const RUNNING_POOL_22 = '/OVS/running_pool';
const isGuest22 = (d: DomainState): boolean => d.cfgPath.startsWith(`${RUNNING_POOL_22}/`);

/** A new OVM 2.2 guest as the 2.2 builder makes them: xm name = its name, PV, xenbr0. */
function newGuest22(world: WorldState, simple: string): DomainState {
  const rng = world.rng;
  const h = nextHex(rng, 32);
  const dir = `${RUNNING_POOL_22}/${simple}`;
  const d = newDomain({
    name: simple,
    uuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
    simpleName: simple,
    memoryMiB: 2048,
    vcpus: 1,
    hvm: false,
    osType: 'Oracle Enterprise Linux 5',
    cfgPath: `${dir}/vm.cfg`,
    workload: { cpuDemand: 0.08, readIops: 20, writeIops: 8, sectorsPerRequest: 16 },
    disks: [{ kind: 'file', path: `${dir}/System.img`, vdev: 'xvda', mode: 'w', cdrom: false }],
    vifs: [{ mac: oracleMac(rng).replace(/^00:21:f6/, '00:16:3e').toUpperCase(), bridge: 'xenbr0' }],
  });
  world.domains[simple] = d;
  const writer = Object.values(world.hosts)[0];
  if (writer) mkdir(world, writer, dir, '/', true);
  if (writer) putNode(world, writer, d.disks[0]!.path, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 12 * 1024 ** 3 });
  return d;
}

function newGuest(world: WorldState, simple: string, inRepo?: string): DomainState {
  const rng = world.rng;
  if (inRepo === undefined && Object.values(world.hosts)[0]?.release === 'ovm22') return newGuest22(world, simple);
  const name = ovmId(rng, 'vm');
  const repo = inRepo ?? repoPath(world);
  const sample = Object.values(world.domains)[0];
  const bridge = sample?.vifs[0]?.bridge ?? 'xenbr0';
  const diskId = ovmId(rng, 'virtualDisk');
  const d = newDomain({
    name,
    uuid: ovmUuid(name),
    simpleName: simple,
    memoryMiB: 2048,
    vcpus: 1,
    weight: 27500,
    hvm: false,
    osType: 'Oracle Linux 6',
    cfgPath: `${repo}/VirtualMachines/${name}/vm.cfg`,
    workload: { cpuDemand: 0.1, readIops: 10, writeIops: 5, sectorsPerRequest: 16 },
    disks: [{ kind: 'file', path: `${repo}/VirtualDisks/${diskId}.img`, vdev: 'xvda', mode: 'w', cdrom: false }],
    vifs: [{ mac: oracleMac(rng), bridge }],
  });
  world.domains[name] = d;
  const owner = Object.values(world.hosts).find((h) => h.mounts.some((m) => m.path === repo));
  if (owner) {
    putNode(world, owner, `${repo}/VirtualMachines/${name}`, { type: 'dir', mode: 0o755, mtimeMs: 0, children: {} });
    putNode(world, owner, d.disks[0]!.path, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 20 * 1024 ** 3 });
  }
  return d;
}

/** Running since before time 0 (an uptime of hours to days), like the default builder's guests. */
function placeRunning(world: WorldState, d: DomainState, hostName: string): void {
  const host = own(world.hosts, hostName);
  if (!host) throw new Error(`scenario override: ${d.simpleName}: no host “${hostName}”`);
  if (d.host !== hostName || d.domid === null) {
    d.host = hostName;
    d.domid = host.nextDomId++;
    d.startedAtMs = -(3600 + nextInt(world.rng, 9 * 86400)) * 1000;
  }
  d.cpuTimeS = Math.round((-d.startedAtMs / 1000) * d.vcpus * d.workload.cpuDemand * 10) / 10;
}

/** Gives a guest another xm name: its key, uuid, and its directory in the repository move with it. */
function renameGuest(world: WorldState, d: DomainState, name: string): void {
  if (d.name === name) return;
  if (hasOwn(world.domains, name)) throw new Error(`scenario override: two guests named ${name}`);
  const oldDir = d.cfgPath.slice(0, d.cfgPath.lastIndexOf('/'));
  const newDir = oldDir.slice(0, oldDir.lastIndexOf('/') + 1) + name;
  const owner = Object.values(world.hosts).find((h) => h.mounts.some((m) => oldDir.startsWith(m.path + '/')));
  if (owner) {
    const node = lookup(world, owner, oldDir);
    if (node.ok) {
      putNode(world, owner, newDir, node.value);
      remove(world, owner, oldDir, '/', true);
    }
  }
  delete world.domains[d.name];
  d.name = name;
  d.uuid = ovmUuid(name);
  d.cfgPath = `${newDir}/vm.cfg`;
  world.domains[name] = d;
}

export function applyDomainOverride(world: WorldState, o: DomainOverride, repo?: string): void {
  const d = findBySimple(world, o.simple) ?? newGuest(world, o.simple, repo);
  if (o.id !== undefined) renameGuest(world, d, o.id);
  if (o.memory !== undefined) d.memoryMiB = o.memory;
  if (o.maxmem !== undefined) d.maxMemMiB = o.maxmem;
  else if (o.memory !== undefined) d.maxMemMiB = Math.max(d.maxMemMiB, o.memory);
  if (o.vcpus !== undefined) d.vcpus = o.vcpus;
  if (o.max_vcpus !== undefined) d.maxVcpus = o.max_vcpus;
  else if (o.vcpus !== undefined) d.maxVcpus = Math.max(d.maxVcpus, o.vcpus);
  if (o.weight !== undefined) d.weight = o.weight;
  if (o.cap !== undefined) d.cap = o.cap;
  if (o.hvm !== undefined) d.hvm = o.hvm;
  if (o.production !== undefined) d.production = o.production;
  if (o.os !== undefined) d.osType = o.os;
  if (o.disks) applyDiskOverrides(world, d, o.disks);
  if (o.windows) applyWindowsOverride(world, d, o.windows);
  if (o.workload) {
    d.workload = {
      ...d.workload,
      ...(o.workload.cpu !== undefined && { cpuDemand: o.workload.cpu }),
      ...(o.workload.read_iops !== undefined && { readIops: o.workload.read_iops }),
      ...(o.workload.write_iops !== undefined && { writeIops: o.workload.write_iops }),
    };
  }
  const state = o.state ?? (o.host === null ? 'halted' : o.host !== undefined ? 'running' : undefined);
  if (state === 'halted') {
    d.host = null;
    d.domid = null;
    d.state = 'halted';
    d.startedAtMs = 0;
    d.cpuTimeS = 0;
  } else if (state === 'running' || state === 'paused') {
    const hostName = o.host ?? d.host ?? pick(world.rng, Object.keys(world.hosts).sort());
    placeRunning(world, d, hostName);
    d.state = state === 'paused' ? 'paused' : 'blocked';
  }
  if (o.hung) {
    // Asked to shut down long ago, never done: xend refuses another request, only destroy helps.
    const x = (d.xen ??= { onPoweroff: 'destroy', onReboot: 'restart', onCrash: 'restart' });
    x.pending = { kind: 'poweroff', atMs: Number.MAX_SAFE_INTEGER };
  }
  // An OVM 2.2 guest's vm.cfg in the 2.2 Manager's format, with its final shape.
  const writer = Object.values(world.hosts)[0];
  if (isGuest22(d) && writer) {
    writeFile(world, writer, d.cfgPath, vmCfg22(d.name, RUNNING_POOL_22, d.memoryMiB, d.vcpus, d.vifs[0]?.mac ?? '', d.uuid));
  }
}
