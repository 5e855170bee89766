// The named worlds an attempt can start from. Labs add their scenario bases here.
import { buildDefaultWorld } from '../sim/scenario/default';
import type { WorldState } from '../sim/types';

export const SCENARIOS: Record<string, (seed: number) => WorldState> = {
  default: (seed) => buildDefaultWorld(seed),
};
