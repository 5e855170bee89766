// The lab runtime over one world: starts an attempt (the lab record lives in world.lab), and
// re-evaluates objectives, constraints and faults whenever the world may have changed. Every
// effect is a function of the world, so a journal replay reproduces it exactly.
import { recordEvent } from '../../sim/events';
import { runFault } from '../faults';
import { findLab } from '../loader';
import { evalCheck } from './evaluate';
import { isCorrect } from './quiz';
import { durationMs, resolveLab, type ResolvedLab } from './resolve';
import { withGuestLookups, type CheckContext } from '../check-kit';
import { own } from '../own';
import type { Sim } from '../../sim/sim';
import type { LabRecord, WorldState } from '../../sim/types';
import type { LabSource, Objective } from '../types';

/** Fault firing can meet objectives that fire faults: bounded rounds per evaluation. */
const MAX_ROUNDS = 8;

export function newLabRecord(labId: string, vars: LabRecord['vars']): LabRecord {
  return { labId, vars, met: [], latched: {}, broken: {}, fired: {}, hints: {}, answers: {}, solutionShownMs: null, solvedMs: null };
}

/** The lab of a world, resolved with its learner's variables; null for a sandbox world. */
export function labOf(world: WorldState): ResolvedLab | null {
  const rec = world.lab;
  if (!rec) return null;
  const source = findLab(rec.labId);
  if (!source) return null;
  // Asked before and after every command and on every tick: the attempt's variables (set once,
  // at the start) remember their resolved lab, as long as the lab's source is the same.
  const hit = resolvedFor.get(rec.vars);
  if (hit?.source === source && hit.labId === rec.labId) return hit.lab;
  const lab = resolveLab(source, rec.vars);
  resolvedFor.set(rec.vars, { source, labId: rec.labId, lab });
  return lab;
}
const resolvedFor = new WeakMap<LabRecord['vars'], { source: LabSource; labId: string; lab: ResolvedLab }>();

export const contextOf = (sim: Sim): CheckContext => ({ sim, world: sim.world, lab: sim.world.lab });

/** Whether an objective holds now (quizzes: answered right; milestones: once met). */
export function objectiveHolds(o: Objective, ctx: CheckContext): { ok: boolean; detail?: string } {
  const rec = ctx.lab!;
  if (o.quiz) return { ok: own(rec.answers, o.id)?.correct === true };
  if (own(rec.latched, o.id) !== undefined) return { ok: true };
  return o.check ? evalCheck(o.check, ctx) : { ok: false };
}

function fire(sim: Sim, lab: ResolvedLab, id: string): void {
  const rec = sim.world.lab!;
  const f = lab.doc.faults?.find((x) => x.id === id);
  if (!f || own(rec.fired, id) !== undefined) return;
  rec.fired[id] = sim.world.clockMs;
  const err = runFault(sim, f.do);
  if (f.announce) recordEvent(sim.world, null, 'lab.fault', f.announce);
  if (err) recordEvent(sim.world, null, 'lab.error', `fault ${id}: ${err}`);
}

/**
 * Re-evaluates the attempt: objectives met now, milestones latched, constraints broken, faults
 * due (by time or after an objective), solved. Returns whether it settled: its last round fired
 * no fault, so evaluating again the world it leaves would change nothing.
 */
export function evaluateLab(sim: Sim): boolean {
  const lab = labOf(sim.world);
  const rec = sim.world.lab;
  if (!lab || !rec) return true;
  const ctx = contextOf(sim);
  let settled = false;
  for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
    const firedBefore = Object.keys(rec.fired).length;
    for (const f of lab.doc.faults ?? []) {
      if (own(rec.fired, f.id) !== undefined) continue;
      if (f.at !== undefined && sim.world.clockMs >= durationMs(f.at)) fire(sim, lab, f.id);
    }
    // Checks only read the world (no guest comes or goes between two fault firings): a guest
    // they name again and again is looked up once.
    const met = withGuestLookups(sim.world, () => {
      const ids: string[] = [];
      for (const o of lab.doc.objectives) {
        if (!objectiveHolds(o, ctx).ok) continue;
        ids.push(o.id);
        if (o.milestone && own(rec.latched, o.id) === undefined) rec.latched[o.id] = sim.world.clockMs;
      }
      rec.met = ids;
      for (const c of lab.doc.constraints ?? []) {
        if (own(rec.broken, c.id) !== undefined || evalCheck(c.check, ctx).ok) continue;
        rec.broken[c.id] = sim.world.clockMs;
        recordEvent(sim.world, null, 'lab.constraint', `Constraint broken: ${c.text}`);
      }
      return ids;
    });
    for (const f of lab.doc.faults ?? []) if (f.after !== undefined && own(rec.fired, f.id) === undefined && met.includes(f.after)) fire(sim, lab, f.id);
    settled = Object.keys(rec.fired).length === firedBefore;
  }
  if (rec.solvedMs === null && rec.met.length === lab.doc.objectives.length && !Object.keys(rec.broken).length) {
    rec.solvedMs = sim.world.clockMs;
    recordEvent(sim.world, null, 'lab.solved', rec.solutionShownMs === null ? 'Lab solved: every objective is met.' : 'Every objective is met (with the solution shown).');
  }
  return settled;
}

/** Splits a command line's words the way on_command triggers compare them. */
const words = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);

/** Called before a command runs: fires the faults triggered by that command. */
export function beforeCommand(sim: Sim, argv: readonly string[]): void {
  const lab = labOf(sim.world);
  const rec = sim.world.lab;
  if (!lab || !rec) return;
  for (const f of lab.doc.faults ?? []) {
    if (f.on_command === undefined || own(rec.fired, f.id) !== undefined) continue;
    const want = words(f.on_command);
    if (want.every((w, i) => argv[i] === w)) fire(sim, lab, f.id);
  }
}

/** Records a quiz answer; returns whether it was right, or an error text. */
export function answerQuiz(sim: Sim, objectiveId: string, value: string): { correct: boolean } | { error: string } {
  const lab = labOf(sim.world);
  const rec = sim.world.lab;
  if (!lab || !rec) return { error: 'not in a lab' };
  const o = lab.doc.objectives.find((x) => x.id === objectiveId);
  if (!o?.quiz) return { error: `no question “${objectiveId}”` };
  const prev = own(rec.answers, o.id);
  if (prev?.correct) return { correct: true };
  const correct = isCorrect(value, o.quiz, contextOf(sim));
  rec.answers[o.id] = { value: value.trim(), correct, tries: (prev?.tries ?? 0) + 1 };
  return { correct };
}

/** Reveals the next hint of an objective; returns it with its number, or null when none is left. */
export function revealHint(world: WorldState, objectiveId: string): { n: number; total: number; text: string } | null {
  const lab = labOf(world);
  const rec = world.lab;
  const o = lab?.doc.objectives.find((x) => x.id === objectiveId);
  if (!rec || !o) return null;
  const shown = own(rec.hints, o.id) ?? 0;
  if (shown >= o.hints.length) return null;
  rec.hints[o.id] = shown + 1;
  return { n: shown + 1, total: o.hints.length, text: o.hints[shown]! };
}

export function markSolutionShown(world: WorldState): void {
  if (world.lab && world.lab.solutionShownMs === null) {
    world.lab.solutionShownMs = world.clockMs;
    recordEvent(world, null, 'lab.solution', 'Solution shown: this attempt counts as solved with solution.');
  }
}
