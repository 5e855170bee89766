// Starting points: the world of a lab attempt (scenario base + lab overrides + the learner's
// variables, with the lab record inside), and the worlds of the scenario bases for the sandbox.
import { bundledCatalog, findLab } from './loader';
import { resolveLab } from './runtime/resolve';
import { newLabRecord } from './runtime/runtime';
import { buildScenarioWorld } from './scenario';
import { drawVariables, substitute } from './variables';
import { queryRegistry } from './queries';
import { own } from './own';
import type { WorldState } from '../sim/types';
import type { LabDoc, LabSource, VarValue } from './types';
import type { LabCard } from './view';

/** Reads each fact from the freshly built world; a fact the world cannot answer is empty. */
function readFacts(world: WorldState, facts: LabDoc['facts']): Record<string, VarValue> {
  const out: Record<string, VarValue> = {};
  const ctx = { sim: { world, core: null as never }, world, lab: undefined };
  for (const [name, node] of Object.entries(facts ?? {})) {
    const [query, args] = Object.entries(node)[0] ?? [];
    const def = query ? own(queryRegistry, query) : undefined;
    const v = def?.run(ctx, (args ?? {}) as never) ?? '';
    out[name] = Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}

export function buildLabWorld(labId: string, seed: number): WorldState {
  const source = findLab(labId);
  if (!source) throw new Error(`no lab “${labId}”`);
  return buildSourceWorld(source, seed);
}

/** The world of a lab that need not be registered (a custom lab being checked). */
export function buildSourceWorld(source: LabSource, seed: number): WorldState {
  const vars = drawVariables(source.doc.variables, seed);
  const lab = resolveLab(source, vars);
  const base = own(bundledCatalog().scenarios, lab.doc.scenario.base);
  if (!base) throw new Error(`${source.file}: no scenario base “${lab.doc.scenario.base}”`);
  const world = buildScenarioWorld(base, seed, lab.doc.scenario.overrides);
  world.lab = newLabRecord(source.id, { ...vars, ...readFacts(world, substitute(source.doc.facts, vars).value) });
  return world;
}

/** The world of a scenario base on its own (the sandbox's `#/sandbox/<name>`). */
export function buildBaseWorld(name: string, seed: number): WorldState | null {
  const base = own(bundledCatalog().scenarios, name);
  return base ? buildScenarioWorld(base, seed) : null;
}

export function scenarioBases(): Array<{ name: string; title: string; description: string }> {
  return Object.values(bundledCatalog().scenarios).map(({ name, title, description }) => ({ name, title, description }));
}

export function labCards(): LabCard[] {
  return bundledCatalog().labs.map(labCard);
}

/** A lab's catalog card (bundled or opened from a file). */
export function labCard({ id, doc }: LabSource): LabCard {
  return {
    id,
    title: doc.title,
    summary: doc.summary,
    module: doc.module,
    level: doc.level,
    minutes: doc.minutes,
    tags: doc.tags ?? [],
    objectives: doc.objectives.length,
    maxScore: doc.objectives.reduce((n, o) => n + o.points, 0),
  };
}
