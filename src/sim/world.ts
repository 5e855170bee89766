// Creation and top-level queries of the world. The world is plain data (types.ts); this module
// builds an empty one and answers the questions every layer asks (which host, which domain).
import { seedRng } from '../lib/rng';
import type { DomainState, HostState, WorldState } from './types';

export const WORLD_SCHEMA_VERSION = 1;

/** 2026-03-02 07:58:12 UTC plus up to ~30 days drawn from the seed: a fixed epoch per seed. */
const BASE_EPOCH_MS = Date.UTC(2026, 2, 2, 7, 58, 12);

/** The wall-clock time at which a world of `seed` starts (its clock reads 0 then). */
export function epochForSeed(seed: number): number {
  return BASE_EPOCH_MS + (seedRng(seed)[0] % (30 * 86400)) * 1000;
}

export function emptyWorld(seed: number): WorldState {
  return {
    schemaVersion: WORLD_SCHEMA_VERSION,
    seed: seed >>> 0,
    rng: seedRng(seed),
    clockMs: 0,
    epochMs: epochForSeed(seed),
    pools: [],
    hosts: {},
    domains: {},
    filesystems: {},
    events: [],
  };
}

export function hostNames(world: WorldState): string[] {
  return Object.keys(world.hosts);
}

export function getHost(world: WorldState, name: string): HostState | undefined {
  return (Object.hasOwn(world.hosts, name) ? world.hosts[name] : undefined) ?? Object.values(world.hosts).find((h) => `${h.name}.${h.domain}` === name || h.ip === name);
}

/** Domains with a domid on `host` (running, paused, …), in xm's name order. */
export function activeDomains(world: WorldState, host: string): DomainState[] {
  return Object.values(world.domains)
    .filter((d) => d.host === host && d.domid !== null)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
