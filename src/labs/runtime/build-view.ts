// Builds the panel's view of an attempt from the world: objectives with live ✓/✗ and reasons,
// constraints, score, revealed hints, the solution once shown, the newest events.
import { hostNames } from '../../sim/world';
import { evalCheck } from './evaluate';
import { expectedAnswers } from './quiz';
import { contextOf, labOf, objectiveHolds } from './runtime';
import { own } from '../own';
import type { Sim } from '../../sim/sim';
import type { LabRecord } from '../../sim/types';
import type { LabStatus, LabView, SolutionStepView } from '../view';
import type { ResolvedLab } from './resolve';

/** How many of the newest world events the feed carries. */
const FEED_LENGTH = 40;

/**
 * Events a lab's feed leaves out: the simulator's own record of an injected fault and of each
 * path's state name exactly what a lab asks the learner to find out (which sdX failed, which
 * HBA port). The lab's `announce` lines are the learner's news; checks still see every event.
 */
const HIDDEN_IN_LAB_FEED = /^(fault|path)\./;

export function statusOf(rec: LabRecord): LabStatus {
  if (rec.solutionShownMs !== null && (rec.solvedMs === null || rec.solutionShownMs <= rec.solvedMs)) return 'solved-with-solution';
  return rec.solvedMs !== null ? 'solved' : 'in-progress';
}

export function solutionSteps(sim: Sim, lab: ResolvedLab): SolutionStepView[] {
  const ctx = contextOf(sim);
  return lab.doc.solution.map((s): SolutionStepView => {
    if ('wait' in s) return { host: null, lines: [], keys: null, note: s.note ?? `Wait ${s.wait} of simulated time (the clock's 10× or 60× helps).`, fails: false };
    if ('answer' in s) {
      const o = lab.doc.objectives.find((x) => x.id === s.answer);
      const value = s.value ?? (o?.quiz ? expectedAnswers(o.quiz, ctx)[0] : undefined);
      return { host: null, lines: [`answer ${s.answer} ${value ?? '?'}`], keys: null, note: s.note ?? null, fails: false };
    }
    if ('keys' in s) return { host: s.host, lines: [], keys: s.keys, note: s.note, fails: s.fails ?? false };
    return { host: s.host, lines: Array.isArray(s.run) ? s.run : [s.run], keys: null, note: s.note ?? null, fails: s.fails ?? false };
  });
}

/** The newest FEED_LENGTH events a lab shows, oldest first (walked from the end: the log only grows). */
function feed(sim: Sim): LabView['events'] {
  const out: LabView['events'] = [];
  const all = sim.world.events;
  for (let i = all.length - 1; i >= 0 && out.length < FEED_LENGTH; i--) {
    const e = all[i]!;
    if (!HIDDEN_IN_LAB_FEED.test(e.kind)) out.push({ atMs: e.atMs, host: e.host, kind: e.kind, text: e.text });
  }
  return out.reverse();
}

export function buildLabView(sim: Sim): LabView | null {
  const lab = labOf(sim.world);
  const rec = sim.world.lab;
  if (!lab || !rec) return null;
  const ctx = contextOf(sim);
  const doc = lab.doc;
  let score = 0;
  const objectives = doc.objectives.map((o) => {
    const r = objectiveHolds(o, ctx);
    if (r.ok) score += o.points;
    const answer = own(rec.answers, o.id);
    const tries = answer ? `${answer.tries} ${answer.tries === 1 ? 'try' : 'tries'}` : '';
    const reason = r.ok ? null : answer && !answer.correct ? `“${answer.value}” is not right (${tries} so far).` : r.detail ? `${o.failure} (${r.detail})` : o.failure;
    return {
      id: o.id,
      text: o.text,
      points: o.points,
      met: r.ok,
      milestone: o.milestone ?? false,
      reason,
      hints: o.hints.slice(0, own(rec.hints, o.id) ?? 0),
      hintsTotal: o.hints.length,
      quiz: o.quiz ? { question: o.quiz.question ?? o.text, placeholder: o.quiz.placeholder ?? '', lastAnswer: answer?.value ?? null, tries: answer?.tries ?? 0 } : null,
    };
  });
  const constraints = (doc.constraints ?? []).map((c) => {
    const broken = own(rec.broken, c.id) !== undefined;
    const detail = broken ? evalCheck(c.check, ctx).detail : undefined;
    return { id: c.id, text: c.text, broken, reason: broken ? (detail ? `${c.failure} (${detail})` : c.failure) : null };
  });
  const status = statusOf(rec);
  return {
    id: lab.id,
    title: doc.title,
    module: doc.module,
    level: doc.level,
    minutes: doc.minutes,
    seed: sim.world.seed,
    briefing: doc.briefing,
    debrief: status === 'in-progress' ? null : doc.debrief,
    objectives,
    constraints,
    score,
    maxScore: doc.objectives.reduce((n, o) => n + o.points, 0),
    hintsUsed: Object.values(rec.hints).reduce((n, k) => n + k, 0),
    status,
    solutionShown: rec.solutionShownMs !== null,
    solution: rec.solutionShownMs !== null ? solutionSteps(sim, lab) : null,
    events: feed(sim),
    hosts: hostNames(sim.world),
    solvedMs: rec.solvedMs,
  };
}
