// Re-grading a hand-in: each lab's journal is replayed in a scratch engine (in-memory store)
// against the lab version it names, bounded in entries and simulated time, and the results are
// compared with what the learner's browser claimed. The instructor never trusts a number.
import { JOURNAL_VERSION, type JournalEntry, type Store } from './store';
import { createMemoryStore } from './persistence-memory';
import { classSeed, type ClassLab, type ClassPolicy, type HandIn, type HandInEntry, type HandInLab } from './class-format';
import { findLabVersion } from './class-labs';
import { MAX_ENTRIES } from './class-validate';
import { PANEL_SESSION } from './lab-session';
import { addLab, findLab, loadLabTooling, removeLab } from '../labs/loader';
import type { Sim } from '../sim/sim';
import type { BootInfo, ClockStatus } from './types';
import type { LabView } from '../labs/view';

/** Longer simulated sessions are not replayed (a workshop day at normal speed is ~8 h). */
export const MAX_SIM_MS = 12 * 3600_000;
/** A gap this long between two commands is a stall. */
export const STALL_MS = 5 * 60_000;
const LAST_COMMANDS = 3;

/** The engine calls a re-grade needs (createEngine's, over a scratch store). */
export interface ScratchEngine {
  boot(opts: { attemptId: string; scenario: string; seed: number; policy?: ClassPolicy }): Promise<BootInfo>;
  pump(realMs: number): void;
  status(): ClockStatus;
  labView(): LabView | null;
}
export type MakeScratch = (store: Store, onEvaluate: (sim: Sim) => void) => ScratchEngine;

export interface CommandAt {
  atMs: number;
  host: string;
  line: string;
  /** Typed in the lab panel (a hint, an answer), not in a terminal. */
  panel: boolean;
}

export interface ObjectiveResult {
  id: string;
  text: string;
  points: number;
  met: boolean;
  /** Why not met (the lab's reason), or null. */
  reason: string | null;
  /** Simulated time when it was first seen met. */
  metAtMs: number | null;
}

export interface LabResult {
  id: string;
  title: string;
  version: string;
  /** The lab version was found and its journal replayed. */
  replayed: boolean;
  objectives: ObjectiveResult[];
  score: number;
  maxScore: number;
  /** Score after the class's hint rule (hints counted: one point each). */
  classScore: number;
  hintsUsed: number;
  solutionShown: boolean;
  timeMs: number;
  commands: number;
  lastCommands: CommandAt[];
  stalls: Array<{ atMs: number; idleMs: number; before: CommandAt[] }>;
  /** What the hand-in claimed agrees with the replay. */
  matches: boolean;
  problems: string[];
}

export interface RegradeReport {
  learner: string;
  classCode: string;
  classTitle: string;
  seed: number;
  policy: ClassPolicy;
  handedInAt: string;
  /** Outside the class's time window. */
  late: boolean;
  labs: LabResult[];
  score: number;
  maxScore: number;
  hintsUsed: number;
  timeMs: number;
  /** Every lab replayed, its claims match, its values belong to this learner. */
  verified: boolean;
  problems: string[];
}

function commandsOf(journal: readonly HandInEntry[]): CommandAt[] {
  return journal.filter((e) => e.record.kind === 'exec' && !e.undone).map((e) => ({ atMs: e.atMs, host: e.host, line: (e.record as { line: string }).line, panel: e.session === PANEL_SESSION }));
}

function stallsOf(cmds: CommandAt[], endMs: number, solved: boolean) {
  const out: LabResult['stalls'] = [];
  for (let i = 0; i < cmds.length; i++) {
    const next = i + 1 < cmds.length ? cmds[i + 1]!.atMs : solved ? null : endMs;
    if (next === null || next - cmds[i]!.atMs < STALL_MS) continue;
    out.push({ atMs: cmds[i]!.atMs, idleMs: next - cmds[i]!.atMs, before: cmds.slice(Math.max(0, i + 1 - LAST_COMMANDS), i + 1) });
  }
  return out.sort((a, b) => b.idleMs - a.idleMs).slice(0, 5).sort((a, b) => a.atMs - b.atMs);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function unreplayed(lab: HandInLab, problem: string): LabResult {
  const cmds = commandsOf(lab.journal);
  return {
    id: lab.id,
    title: lab.title,
    version: lab.version,
    replayed: false,
    objectives: [],
    score: 0,
    maxScore: lab.claimed.maxScore,
    classScore: 0,
    hintsUsed: lab.claimed.hintsUsed,
    solutionShown: lab.claimed.solutionShown,
    timeMs: lab.endMs,
    commands: cmds.length,
    lastCommands: cmds.slice(-LAST_COMMANDS),
    stalls: [],
    matches: false,
    problems: [problem],
  };
}

/** Replays one lab of a hand-in. */
export async function regradeLab(lab: HandInLab, policy: ClassPolicy, customLabs: readonly ClassLab[], make: MakeScratch): Promise<LabResult> {
  const found = findLabVersion(lab.id, lab.version, customLabs);
  if (found.kind === 'unknown') return unreplayed(lab, `Unknown lab version: ${found.why}.`);
  if (lab.journal.length > MAX_ENTRIES) return unreplayed(lab, `Too long to replay (${lab.journal.length} journal entries; at most ${MAX_ENTRIES}).`);
  const lastAt = lab.journal[lab.journal.length - 1]?.atMs ?? 0;
  if (lab.endMs > MAX_SIM_MS || lastAt > lab.endMs) return unreplayed(lab, `Simulated time out of bounds (ends at ${lab.endMs} ms, last command at ${lastAt} ms; at most ${MAX_SIM_MS} ms).`);

  const attemptId = 'regrade';
  const journal: JournalEntry[] = lab.journal.map((e) => ({ ...e, attemptId }));
  const memory = createMemoryStore();
  // The journal is served as it is, in one read and without the store's copies.
  const store: Store = { ...memory, readJournal: async (_a, after) => journal.filter((e) => e.seq > after) };
  await store.putAttempt({ id: attemptId, seed: lab.seed, scenario: `lab:${lab.id}`, createdAt: 0, updatedAt: 0, journalVersion: JOURNAL_VERSION });
  if (found.kind === 'custom') await store.putCustomLab({ id: lab.id, yaml: found.yaml, updatedAt: 0, source: `${lab.id}.yaml` });

  const metAt = new Map<string, number>();
  const engine = make(store, (sim) => {
    for (const id of sim.world.lab?.met ?? []) if (!metAt.has(id)) metAt.set(id, sim.world.clockMs);
  });
  let view: LabView | null = null;
  // The loader's registry is shared with the page's own engine: what it had is put back after.
  const registered = found.kind === 'custom' ? findLab(lab.id) : undefined;
  try {
    const info = await engine.boot({ attemptId, scenario: `lab:${lab.id}`, seed: lab.seed, policy });
    if (info.refusal) return unreplayed(lab, `Could not be replayed: ${info.refusal}`);
    const clock = engine.status().clockMs;
    if (lab.endMs > clock) engine.pump(lab.endMs - clock);
    view = engine.labView();
  } catch (e) {
    return unreplayed(lab, `The replay failed: ${e instanceof Error ? e.message : String(e)}.`);
  } finally {
    if (found.kind === 'custom') {
      if (registered) addLab(registered);
      else removeLab(lab.id);
    }
  }
  if (!view) return unreplayed(lab, `The lab ${lab.id} could not be started from its file.`);

  const problems: string[] = [];
  const c = lab.claimed;
  const met = view.objectives.filter((o) => o.met).map((o) => o.id);
  if (c.score !== view.score) problems.push(`Claims ${c.score} points; the replay gives ${view.score}.`);
  if (c.maxScore !== view.maxScore) problems.push(`Claims a maximum of ${c.maxScore}; the lab has ${view.maxScore}.`);
  if (!sameSet(c.met, met)) problems.push(`Claims objectives met: ${c.met.join(', ') || 'none'}; the replay meets: ${met.join(', ') || 'none'}.`);
  if (c.hintsUsed !== view.hintsUsed) problems.push(`Claims ${c.hintsUsed} hints used; the replay used ${view.hintsUsed}.`);
  if (c.solutionShown !== view.solutionShown) problems.push(`Claims the solution was ${c.solutionShown ? '' : 'not '}shown; the replay says it was ${view.solutionShown ? '' : 'not '}.`);
  const cmds = commandsOf(lab.journal);
  const penalty = policy.hints === 'counted' ? view.hintsUsed : 0;
  return {
    id: lab.id,
    title: view.title,
    version: lab.version,
    replayed: true,
    objectives: view.objectives.map((o) => ({ id: o.id, text: o.text, points: o.points, met: o.met, reason: o.reason, metAtMs: o.met ? (metAt.get(o.id) ?? null) : null })),
    score: view.score,
    maxScore: view.maxScore,
    classScore: Math.max(0, view.score - penalty),
    hintsUsed: view.hintsUsed,
    solutionShown: view.solutionShown,
    timeMs: lab.endMs,
    commands: cmds.length,
    lastCommands: cmds.slice(-LAST_COMMANDS),
    stalls: stallsOf(cmds, lab.endMs, view.status === 'solved' || view.status === 'solved-with-solution'),
    matches: problems.length === 0,
    problems,
  };
}

function outsideWindow(policy: ClassPolicy, at: string): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return !!(policy.opens || policy.closes);
  return (!!policy.opens && t < Date.parse(policy.opens)) || (!!policy.closes && t > Date.parse(policy.closes));
}

/** Re-grades a whole hand-in, lab by lab (one scratch engine each). */
export async function regradeHandIn(h: HandIn, customLabs: readonly ClassLab[], make: MakeScratch): Promise<RegradeReport> {
  await loadLabTooling();
  const seed = classSeed(h.classCode, h.learner);
  const problems: string[] = [];
  const labs: LabResult[] = [];
  for (const lab of h.labs) {
    const r = await regradeLab(lab, h.policy, customLabs, make);
    if (lab.seed !== seed) r.problems.unshift(`Its values were drawn for someone else than ${h.learner} in class ${h.classCode} (another learner's work?).`);
    labs.push(r);
  }
  if (!h.labs.length) problems.push('The hand-in holds no lab attempt.');
  const late = outsideWindow(h.policy, h.handedInAt);
  if (late) problems.push('Handed in outside the class time window.');
  return {
    learner: h.learner,
    classCode: h.classCode,
    classTitle: h.classTitle,
    seed,
    policy: h.policy,
    handedInAt: h.handedInAt,
    late,
    labs,
    score: labs.reduce((n, l) => n + l.classScore, 0),
    maxScore: labs.reduce((n, l) => n + l.maxScore, 0),
    hintsUsed: labs.reduce((n, l) => n + l.hintsUsed, 0),
    timeMs: labs.reduce((n, l) => n + l.timeMs, 0),
    verified: labs.length > 0 && labs.every((l) => l.replayed && l.matches && l.problems.length === 0),
    problems,
  };
}
