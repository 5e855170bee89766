// The SAN of a scenario: an EMC CLARiiON CX4 (SP A/SP B, two ports each), two FC fabrics, two
// HBA ports per host, LUNs in one storage group presented to the pool's hosts, then each host's
// boot-time discovery. The default world gets a pool-FS LUN, the repository LUN (no partition:
// OVM 3 formats the whole map, mounted as /dev/mapper/<wwid>) and a blank spare LUN for labs.
import { nextHex, nextInt, seedRng, type RngState } from '../../lib/rng';
import { bootStorage } from '../storage/boot';
import { defaultMultipathConf } from '../storage/multipath/conf-templates';
import { writeFile } from '../vfs';
import type { WorldState } from '../types';
import type { DiskLabel, HbaPort, HostSan, LunState, SanArray, SpName } from '../storage/types';

export interface LunSpec {
  name: string;
  sizeBytes: number;
  alu: number;
  hlu: number;
  owner: SpName;
  /** One Linux partition over the whole LUN, as fdisk makes it in DOS mode. */
  partitioned?: boolean;
  /**
   * Draw the disk id a label would have had even though the LUN carries none (OVM 3 formats a
   * repository LUN whole), so that the LUNs after it keep the identities they always had.
   */
  reserveLabelId?: boolean;
  role?: string;
}

export interface SanSpec {
  hosts: string[];
  luns: LunSpec[];
  arrayName?: string;
  spIps?: [string, string];
}

const GiB = 1024 ** 3;
const CYL = 255 * 63;

/** A DOS label with partition 1 from cylinder 1 to the last whole cylinder. */
export function wholeDiskLabel(sizeBytes: number, diskId: number): DiskLabel {
  const cyls = Math.floor(sizeBytes / 512 / CYL);
  return { kind: 'dos', diskId, parts: [{ num: 1, boot: false, type: 0x83, startSector: 63, sectors: cyls * CYL - 63 }] };
}

/** The local boot disk of an OL6/OL5 dom0: /boot, / and swap, sector-aligned as anaconda makes them. */
function localLabel(sizeBytes: number, diskId: number): DiskLabel {
  const total = sizeBytes / 512;
  const boot = 1024000;
  const swap = 8388608;
  const root = total - 2048 - boot - swap - 2048;
  return {
    kind: 'dos',
    diskId,
    parts: [
      { num: 1, boot: true, type: 0x83, startSector: 2048, sectors: boot },
      { num: 2, boot: false, type: 0x83, startSector: 2048 + boot, sectors: root },
      { num: 3, boot: false, type: 0x82, startSector: 2048 + boot + root, sectors: swap },
    ],
  };
}

const wwpn = (prefix: string, hex: string) => (prefix + hex).match(/../g)!.join(':');

/** Adds an array, fabrics, HBAs and LUNs to the world and boots every host's storage. */
export function addSan(world: WorldState, spec: SanSpec): SanArray {
  // The SAN's identities come from their own stream of the seed, so that other subsystems
  // drawing from world.rng before or after do not change WWIDs, serials or WWPNs.
  const rng = seedRng((world.seed ^ 0x5a17c0de ^ Math.imul(world.san?.arrays.length ?? 0, 0x9e3779b9)) >>> 0);
  const serial = `APM000${9380 + nextInt(rng, 500)}${String(nextInt(rng, 10000)).padStart(4, '0')}`;
  const portHex = nextHex(rng, 8);
  const [ipA, ipB] = spec.spIps ?? ['10.10.10.201', '10.10.10.202'];
  const sp = (name: SpName, ip: string, base: number) => ({
    name,
    ip,
    up: true,
    ports: [0, 1].map((i) => ({ index: i, wwpn: wwpn(`500601${(base + i).toString(16)}`, portHex), fabric: i, up: true })),
  });
  const wwidBase = '3600601602b102800';
  const luns: LunState[] = spec.luns.map((l) => {
    const wwid = wwidBase + nextHex(rng, 16);
    const labelId = l.partitioned || l.reserveLabelId ? nextU32(rng) : 0;
    return {
      alu: l.alu,
      name: l.name,
      wwid,
      sizeBytes: l.sizeBytes,
      raidType: 'RAID5',
      vendor: 'DGC',
      product: 'RAID 5',
      rev: '0430',
      owner: l.owner,
      defaultOwner: l.owner,
      label: l.partitioned ? wholeDiskLabel(l.sizeBytes, labelId) : null,
    };
  });
  const array: SanArray = {
    serial,
    name: spec.arrayName ?? 'CX4-480',
    model: 'CX4-480',
    revision: '6.29.0 (6.1)',
    sps: { A: sp('A', ipA, 0x60), B: sp('B', ipB, 0x68) },
    luns,
    storageGroups: [{ name: 'OVM_Pool1', hosts: [...spec.hosts], luns: spec.luns.map((l) => ({ hlu: l.hlu, alu: l.alu })) }],
  };
  world.san ??= { arrays: [], fabrics: [0, 1].map((i) => ({ index: i, switchName: i === 0 ? 'fcsw-a' : 'fcsw-b', up: true })), hosts: {}, roles: {} };
  world.san.arrays.push(array);
  for (const l of spec.luns) if (l.role) world.san.roles[l.role] = { array: serial, alu: l.alu };
  for (const host of spec.hosts) {
    const h = world.hosts[host];
    if (!h) continue;
    if (!world.san.hosts[host]) world.san.hosts[host] = newHostSan(rng, h.release);
    const hs = world.san.hosts[host]!;
    writeFile(world, h, '/etc/multipath.conf', defaultMultipathConf(h.release, hs.localDisks.map((d) => d.wwid)));
    bootStorage(world, host);
  }
  return array;
}

function nextU32(rng: RngState): number {
  return parseInt(nextHex(rng, 8), 16) >>> 0;
}

function newHostSan(rng: RngState, release: 'ovm34' | 'ovm22'): HostSan {
  const first = release === 'ovm22' ? 1 : 5;
  const hbaHex = nextHex(rng, 6);
  const pci = ['0000:0b:00.0', '0000:0b:00.1'];
  const hbas: HbaPort[] = [0, 1].map((i) => ({ scsiHost: first + i, fabric: i, wwpn: wwpn(`210${i}001b32`, hbaHex), pciAddr: pci[i]!, driver: 'qla2xxx', up: true, cable: true }));
  const localSize = 300 * 1000 ** 3 - (300 * 1000 ** 3) % (512 * 8);
  return {
    hbas,
    localDisks: [{ id: 'disk0', sizeBytes: localSize, vendor: 'SEAGATE', product: 'ST9300605SS', rev: '0004', wwid: `35000c500${nextHex(rng, 8)}`, label: localLabel(localSize, nextU32(rng)) }],
    disks: [],
    nextSdIndex: 0,
    dm: [],
    maps: [],
    nextDmMinor: 0,
    multipathd: { running: true, configText: null, startedAtMs: 0 },
    bindings: {},
  };
}

/**
 * The default world's SAN: every host of the first pool sees the pool-FS LUN (20 GiB), the
 * repository LUN (200 GiB, formatted whole as OVM 3 does: seed 002's fs_location has no `p1`)
 * and a spare blank LUN (50 GiB). The repository mount that default.ts made as
 * `/dev/mapper/repo1` is pointed at the real map.
 */
export function buildDefaultStorage(world: WorldState): void {
  const pool = world.pools[0];
  if (!pool) return;
  const array = addSan(world, {
    hosts: pool.hosts,
    luns: [
      { name: 'OVM_POOLFS', sizeBytes: 20 * GiB, alu: 20, hlu: 0, owner: 'A', role: 'poolfs' },
      { name: 'OVM_REPO1', sizeBytes: 200 * GiB, alu: 21, hlu: 1, owner: 'B', reserveLabelId: true, role: 'repository' },
      { name: 'OVM_SPARE', sizeBytes: 50 * GiB, alu: 22, hlu: 2, owner: 'A', role: 'spare' },
    ],
  });
  const repo = array.luns.find((l) => l.alu === 21)!;
  for (const host of pool.hosts) {
    for (const m of world.hosts[host]?.mounts ?? []) if (m.device === '/dev/mapper/repo1') m.device = `/dev/mapper/${repo.wwid}`;
  }
}
