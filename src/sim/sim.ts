// A running simulation: the world's plain state plus the numeric core that ticks beside it.
import type { SimCore } from './core/types';
import type { WorldState } from './types';

export interface Sim {
  world: WorldState;
  core: SimCore;
}
