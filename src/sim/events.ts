// The world's event log: faults, crashes, state changes, as the UI's event feed and labs see them.
import type { WorldState } from './types';

/** Bounded so a long-running sandbox cannot grow the snapshot without limit. */
const MAX_EVENTS = 2000;

export function recordEvent(world: WorldState, host: string | null, kind: string, text: string): void {
  world.events.push({ atMs: world.clockMs, host, kind, text });
  if (world.events.length > MAX_EVENTS) world.events.splice(0, world.events.length - MAX_EVENTS);
}
