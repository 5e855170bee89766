// The simulation clock: advances only in whole ticks, so the world after advancing to time T
// is the same however the advance was chunked (what makes journal replay deterministic).
import type { WorldState } from './types';

/** Length of one world tick in simulated milliseconds. */
export const TICK_MS = 1000;

/** Rounds a time down to the tick grid. */
export const alignToTick = (ms: number): number => Math.floor(ms / TICK_MS) * TICK_MS;

/** Wall-clock Date for a simulation time (UTC arithmetic; never reads the real clock). */
export const wallTime = (world: WorldState, ms = world.clockMs): Date => new Date(world.epochMs + ms);
