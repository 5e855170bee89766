// Helpers for the persistence tests: engines over fake-indexeddb, typing lines, reading state.
import 'fake-indexeddb/auto';
import { createEngine, type EngineDeps } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import { freshStore } from './fresh-store';
import type { Store } from '../../../src/engine/store';

export { freshStore };

export type Engine = ReturnType<typeof createEngine>;

/** An engine over `store`, booted on attempt `test`, with a terminal `t1` open on ovs01. */
export async function bootOn(store: Store, extra: Partial<EngineDeps> = {}, seed = 42, scenario = 'default', open = true): Promise<Engine> {
  const engine = createEngine({ loadCore, store, wallNow: () => 1_700_000_000_000, ...extra });
  await engine.boot({ attemptId: 'test', seed, scenario });
  if (open) await engine.open('t1', 'ovs01', 80, 24);
  return engine;
}

/** Types each line and Enter; returns the bytes each produced. */
export async function typeLines(engine: Engine, lines: readonly string[], session = 't1'): Promise<string[]> {
  const out: string[] = [];
  for (const l of lines) out.push(await engine.input(session, l + '\r'));
  return out;
}

/** The names of the guests running on `host`, from the world. */
export function guests(engine: Engine, host = 'ovs01'): string[] {
  const world = JSON.parse(engine.inspect().world) as { domains: Record<string, { state: string; host: string | null }> };
  return Object.entries(world.domains)
    .filter(([, d]) => d.host === host)
    .map(([n]) => n)
    .sort();
}

export function domainState(engine: Engine, name: string): string {
  return (JSON.parse(engine.inspect().world) as { domains: Record<string, { state: string }> }).domains[name]!.state;
}

export function serviceState(engine: Engine, host: string, service: string): string | undefined {
  return (JSON.parse(engine.inspect().world) as { hosts: Record<string, { services: Record<string, string> }> }).hosts[host]!.services[service];
}
