// Synthetic estates for differential tests and the benchmark: pools of hosts sharing arrays and
// LUNs, each host seeing every LUN of its pool through 2 HBAs × 2 controller ports (grouped as the
// world would: by the owning controller, all in one, or one per path), guests with mixed workloads
// and VBDs routed to their host's maps. Deterministic from a seed.
import { nextFloat, nextInt, pick, seedRng, type RngState } from '../../../lib/rng';
import type { Handle, MapRouting, SimCore } from '../types';

export interface EstateSpec {
  hosts: number;
  /** Guests in total (spread evenly over hosts). */
  domains: number;
  /** LUNs every host of a pool sees. */
  lunsPerHost: number;
  /** Hosts per pool (one array per pool). */
  poolSize: number;
  pathsPerMap: number;
  seed: number;
}

export interface Estate {
  hosts: Handle[];
  dom0s: Handle[];
  domains: Handle[];
  vbds: Handle[];
  ports: Handle[];
  luns: Handle[];
  maps: Handle[];
  paths: Handle[];
}

export const SMALL: EstateSpec = { hosts: 2, domains: 10, lunsPerHost: 4, poolSize: 2, pathsPerMap: 4, seed: 1 };
export const ESTATE: EstateSpec = { hosts: 16, domains: 400, lunsPerHost: 25, poolSize: 16, pathsPerMap: 4, seed: 2 };
export const XL: EstateSpec = { hosts: 256, domains: 8192, lunsPerHost: 64, poolSize: 16, pathsPerMap: 4, seed: 3 };

/** How the world would group a map's paths: by owning controller (ALUA prio), one group, one per path. */
type Grouping = 'prio' | 'multibus' | 'failover';

const ROUTINGS: Array<{ routing: MapRouting; grouping: Grouping }> = [
  { routing: { selector: 'round-robin', rrMinIo: 100, queueIfNoPath: true }, grouping: 'prio' },
  { routing: { selector: 'queue-length', rrMinIo: 1000, queueIfNoPath: true }, grouping: 'prio' },
  { routing: { selector: 'round-robin', rrMinIo: 1000, queueIfNoPath: false }, grouping: 'failover' },
  { routing: { selector: 'service-time', rrMinIo: 1000, queueIfNoPath: true }, grouping: 'multibus' },
  { routing: { selector: 'round-robin', rrMinIo: 16, queueIfNoPath: false }, grouping: 'prio' },
];

const groupOf = (grouping: Grouping, k: number, owner: boolean): number => (grouping === 'multibus' ? 0 : grouping === 'failover' ? k : owner ? 0 : 1);

export function buildEstate(core: SimCore, spec: EstateSpec): Estate {
  const rng = seedRng(spec.seed);
  const e: Estate = { hosts: [], dom0s: [], domains: [], vbds: [], ports: [], luns: [], maps: [], paths: [] };
  core.setSeed(spec.seed * 2654435761);
  const pools = Math.ceil(spec.hosts / spec.poolSize);
  const poolPorts: Handle[][] = [];
  const poolLuns: Handle[][] = [];
  for (let p = 0; p < pools; p++) {
    // Two controllers × 4 ports; controller B a little slower.
    const ports = Array.from({ length: 8 }, (_, i) => core.addPort(i < 4 ? 24000 : 18000, i < 4 ? 0.6 : 0.9));
    poolPorts.push(ports);
    e.ports.push(...ports);
    const luns = Array.from({ length: spec.lunsPerHost }, () => core.addLun());
    poolLuns.push(luns);
    e.luns.push(...luns);
  }
  const hostMaps: Handle[][] = [];
  for (let h = 0; h < spec.hosts; h++) {
    const pcpus = pick(rng, [16, 24, 32]);
    const host = core.addHost(pcpus);
    // Was the host's polling interval (the checker is the world's now): drawn still, so the same
    // seed gives the same guests as before and benchmark figures stay comparable.
    pick(rng, [5, 5, 10]);
    e.hosts.push(host);
    const dom0 = core.addDomain(host, Math.min(8, pcpus));
    core.setDomainDemand(dom0, 0.04);
    e.dom0s.push(dom0);
    const pool = Math.floor(h / spec.poolSize);
    const maps: Handle[] = [];
    poolLuns[pool]!.forEach((lun, l) => {
      const m = core.addMap(host, lun);
      const owner = l % 2; // the LUN's owning controller: its paths form the preferred group
      const { routing, grouping } = ROUTINGS[l % ROUTINGS.length]!;
      for (let k = 0; k < spec.pathsPerMap; k++) {
        const ctrl = k % 2;
        const port = poolPorts[pool]![ctrl * 4 + ((l + (k >> 1)) % 4)]!;
        e.paths.push(core.addPath(m, port, groupOf(grouping, k, ctrl === owner)));
      }
      core.setMapRouting(m, routing);
      core.setMapActiveGroup(m, 0);
      maps.push(m);
    });
    hostMaps.push(maps);
    e.maps.push(...maps);
  }
  for (let i = 0; i < spec.domains; i++) {
    const h = i % spec.hosts;
    addGuest(core, rng, e, e.hosts[h]!, hostMaps[h]!);
  }
  return e;
}

/** A guest with a random profile and 1–2 VBDs on its host's maps. */
export function addGuest(core: SimCore, rng: RngState, e: Estate, host: Handle, maps: Handle[]): Handle {
  const vcpus = pick(rng, [1, 2, 2, 4, 4, 4, 8]);
  const d = core.addDomain(host, vcpus);
  core.setDomainWeight(d, pick(rng, [256, 256, 512, 27500]));
  if (nextInt(rng, 5) === 0) core.setDomainCap(d, 50 * (1 + nextInt(rng, vcpus * 2)));
  core.setDomainDemand(d, Math.round((0.05 + nextFloat(rng) * 0.9) * 1000) / 1000);
  e.domains.push(d);
  const nv = 1 + nextInt(rng, 2);
  for (let k = 0; k < nv; k++) {
    const v = core.addVbd(d);
    core.setVbdWorkload(v, 5 + nextInt(rng, 300), 2 + nextInt(rng, 150), pick(rng, [8, 16, 64, 128]));
    if (maps.length > 0) core.routeVbd(v, maps[nextInt(rng, maps.length)]!);
    e.vbds.push(v);
  }
  return d;
}
