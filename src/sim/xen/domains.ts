// Domain lookup and lifecycle operations as xend performs them. Pure functions over the world;
// failures are returned as xend's error text so `xm` can print them verbatim.
import { recordEvent } from '../events';
import { activeDomains } from '../world';
import type { DomainState, WorldState } from '../types';

/** Resolves an xm `<Domain>` argument (name or numeric id) among the domains active on `host`. */
export function findDomain(world: WorldState, host: string, ref: string): DomainState | undefined {
  const active = activeDomains(world, host);
  if (/^\d+$/.test(ref)) return active.find((d) => d.domid === Number(ref));
  return active.find((d) => d.name === ref);
}

/** Seconds the domain has been up, as `xm uptime` counts. */
export const uptimeS = (world: WorldState, d: DomainState): number => Math.max(0, (world.clockMs - d.startedAtMs) / 1000);

export function pauseDomain(world: WorldState, d: DomainState): void {
  d.state = 'paused';
  recordEvent(world, d.host, 'domain.paused', `${d.name} paused`);
}

export function unpauseDomain(world: WorldState, d: DomainState): void {
  d.state = 'blocked';
  recordEvent(world, d.host, 'domain.unpaused', `${d.name} unpaused`);
}
