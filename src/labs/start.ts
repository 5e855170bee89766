// Starting points: the world of a lab attempt (scenario base + lab overrides + the learner's
// variables, with the lab record inside), and the worlds of the scenario bases for the sandbox.
import { bundledCatalog, findLab } from './loader';
import { resolveLab } from './runtime/resolve';
import { newLabRecord } from './runtime/runtime';
import { buildScenarioWorld } from './scenario';
import { drawVariables } from './variables';
import type { WorldState } from '../sim/types';
import type { LabCard } from './view';

export function buildLabWorld(labId: string, seed: number): WorldState {
  const source = findLab(labId);
  if (!source) throw new Error(`no lab “${labId}”`);
  const vars = drawVariables(source.doc.variables, seed);
  const lab = resolveLab(source, vars);
  const base = bundledCatalog().scenarios[lab.doc.scenario.base];
  if (!base) throw new Error(`${source.file}: no scenario base “${lab.doc.scenario.base}”`);
  const world = buildScenarioWorld(base, seed, lab.doc.scenario.overrides);
  world.lab = newLabRecord(labId, vars);
  return world;
}

/** The world of a scenario base on its own (the sandbox's `#/sandbox/<name>`). */
export function buildBaseWorld(name: string, seed: number): WorldState | null {
  const base = bundledCatalog().scenarios[name];
  return base ? buildScenarioWorld(base, seed) : null;
}

export function scenarioBases(): Array<{ name: string; title: string; description: string }> {
  return Object.values(bundledCatalog().scenarios).map(({ name, title, description }) => ({ name, title, description }));
}

export function labCards(): LabCard[] {
  return bundledCatalog().labs.map(({ id, doc }) => ({
    id,
    title: doc.title,
    summary: doc.summary,
    module: doc.module,
    level: doc.level,
    minutes: doc.minutes,
    tags: doc.tags ?? [],
    objectives: doc.objectives.length,
    maxScore: doc.objectives.reduce((n, o) => n + o.points, 0),
  }));
}
