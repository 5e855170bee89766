// The named worlds an attempt can start from. Labs add their scenario bases here.
import { buildDefaultWorld } from '../sim/scenario/default';
import { buildOvm22World } from '../sim/scenario/ovm22';
import { buildSv091World } from '../sim/scenario/sv091';
import { buildEstateWorld } from '../sim/scenario/estate';
import { withManager } from '../sim/manager/install';
import { labScenarioBuilder } from './lab-session';
import type { WorldState } from '../sim/types';

export const SCENARIOS: Record<string, (seed: number) => WorldState> = {
  default: (seed) => buildDefaultWorld(seed),
  ovm22: (seed) => buildOvm22World(seed),
  sv091: (seed) => buildSv091World(seed),
  /** 16 servers, 400 guests: the Manager at scale (its browser benchmark opens #/sandbox/estate). */
  estate: (seed) => buildEstateWorld(seed),
};

/**
 * The builder for an attempt's scenario: a named one above, a lab (`lab:<id>`), or a scenario base
 * of labs/_scenarios. Every world an attempt starts from has its Oracle VM Manager, discovered last.
 */
export function scenarioBuilder(name: string): ((seed: number) => WorldState) | undefined {
  const build = SCENARIOS[name] ?? labScenarioBuilder(name);
  return build && ((seed) => withManager(build(seed)));
}
