// Workshops, engine side: a learner's class attempt is handed in (journal, no snapshot) and an
// instructor's engine re-grades it by replaying; tampering, someone else's values, an unknown lab
// version and the class's hint rule all show in the report.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine';
import { createMemoryStore } from '../../../src/engine/persistence-memory';
import { classAttemptId, classSeed, type ClassPolicy, type HandIn } from '../../../src/engine/class-format';
import { parseHandIn } from '../../../src/engine/class-validate';
import { solveLab } from '../../../src/engine/lab-test';
import { findLab } from '../../../src/labs/loader';
import { loadCore } from '../../../src/sim/core/load-core';
import type { HandInFile } from '../../../src/engine/class-engine';

const CLASS = { classCode: 'XEN-101', classTitle: 'Xen day one' };
const LAB = 'a3-cpu-memory-knobs';

async function learnerEngine(name: string, policy: ClassPolicy) {
  const engine = createEngine({ loadCore, store: createMemoryStore() });
  await engine.boot({ attemptId: classAttemptId(CLASS.classCode, name, LAB), scenario: `lab:${LAB}`, seed: classSeed(CLASS.classCode, name), policy });
  return engine;
}

async function handIn(engine: Awaited<ReturnType<typeof learnerEngine>>, name: string, policy: ClassPolicy): Promise<HandInFile> {
  const r = await engine.classHandIn({ learner: name, ...CLASS, policy, labs: [{ id: LAB, title: 'CPU and memory knobs' }], handedInAt: '2026-12-06T10:00:00.000Z' });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const instructor = () => createEngine({ loadCore });

describe('hand-in and re-grade', () => {
  it('replays a solved attempt to the same results, verified; the file is kilobytes with no snapshot', async () => {
    const policy: ClassPolicy = { hints: 'counted', solution: 'shown' };
    const learner = await learnerEngine('Alice Martin', policy);
    expect((await learner.labCommand('hint', ['db-weight'])).exitCode).toBe(0);
    expect(await solveLab(learner, findLab(LAB)!.doc.solution)).toEqual([]);
    const live = learner.labView()!;
    expect(live.status).toBe('solved');

    const file = await handIn(learner, 'Alice Martin', policy);
    expect(file.fileName).toBe('xen-101-alice-martin.handin.json');
    expect(file.json.length).toBeLessThan(8 * 1024);
    expect(file.json).not.toMatch(/snapshot|"world"|"core"/);
    const h = JSON.parse(file.json) as HandIn;
    expect(h.labs[0]!.claimed).toEqual({ score: live.maxScore, maxScore: live.maxScore, met: live.objectives.map((o) => o.id), hintsUsed: 1, solutionShown: false });
    expect(h.labs[0]!.seed).toBe(classSeed('xen-101', ' alice   MARTIN '));

    const r = await instructor().regradeHandIn(file.json);
    if (!r.ok) throw new Error(r.error);
    const lab = r.value.labs[0]!;
    expect(lab.problems).toEqual([]);
    expect(r.value.verified).toBe(true);
    expect(lab.objectives.every((o) => o.met && o.metAtMs !== null)).toBe(true);
    // Hints counted: one point off the class score, none off the lab's.
    expect([lab.score, lab.classScore, lab.hintsUsed, r.value.score]).toEqual([live.maxScore, live.maxScore - 1, 1, live.maxScore - 1]);
    const last = lab.lastCommands.map((c) => c.line);
    expect(last.slice(1)).toEqual(['xm sched-credit', 'xentop -b -i 2 -d 1']);
    expect(last[0]).toMatch(/^xm mem-set 0004fb0000060000[0-9a-f]{16} (1024|2048)$/);
    expect(lab.timeMs).toBe(learner.status().clockMs);

    // The paste code is the same hand-in.
    const fromCode = await instructor().regradeHandIn(file.code);
    expect(fromCode.ok && fromCode.value.verified).toBe(true);
  });

  it('flags a hand-in edited to claim more, one with someone else’s values, and an unknown lab version', async () => {
    const policy: ClassPolicy = { hints: 'allowed', solution: 'shown' };
    const learner = await learnerEngine('Bob', policy);
    await learner.open('term:ovs01', 'ovs01', 80, 24);
    await learner.input('term:ovs01', 'xm list\r');
    const file = await handIn(learner, 'Bob', policy);
    const h = JSON.parse(file.json) as HandIn;
    expect(h.labs[0]!.claimed.score).toBe(0);

    const grader = instructor();
    const honest = await grader.regradeHandIn(file.json);
    expect(honest.ok && honest.value.verified).toBe(true);

    const inflated = structuredClone(h);
    inflated.labs[0]!.claimed.score = 40;
    const r1 = await grader.regradeHandIn(JSON.stringify(inflated));
    if (!r1.ok) throw new Error(r1.error);
    expect(r1.value.verified).toBe(false);
    expect(r1.value.labs[0]!.problems).toEqual(['Claims 40 points; the replay gives 0.']);
    expect(r1.value.score).toBe(0);

    const renamed = { ...structuredClone(h), learner: 'Carol' };
    const r2 = await grader.regradeHandIn(JSON.stringify(renamed));
    expect(r2.ok && r2.value.verified).toBe(false);
    expect(r2.ok && r2.value.labs[0]!.problems[0]).toBe("Its values were drawn for someone else than Carol in class XEN-101 (another learner's work?).");

    const other = structuredClone(h);
    other.labs[0]!.version = '0123456789abcdef';
    const r3 = await grader.regradeHandIn(JSON.stringify(other));
    if (!r3.ok) throw new Error(r3.error);
    expect(r3.value.verified).toBe(false);
    expect(r3.value.labs[0]!.replayed).toBe(false);
    expect(r3.value.labs[0]!.problems[0]).toMatch(/^Unknown lab version: lab a3-cpu-memory-knobs was handed in for another version of its file \(0123456789abcdef; this build has [0-9a-f]{16}\)\.$/);
  });

  it('enforces hints off and a hidden solution, and the replay repeats the refusals', async () => {
    const policy: ClassPolicy = { hints: 'off', solution: 'hidden' };
    const learner = await learnerEngine('Dana', policy);
    expect(await learner.labCommand('hint', [])).toEqual({ exitCode: 1, output: 'hint: hints are off in this class (an assessment): work it out from the briefing and the objectives' });
    expect(await learner.labCommand('solution', ['--show'])).toEqual({ exitCode: 1, output: 'solution: the solution is hidden in this class (an assessment)' });
    expect(learner.labView()!.hintsUsed).toBe(0);
    expect(learner.labView()!.solutionShown).toBe(false);
    const file = await handIn(learner, 'Dana', policy);
    expect((JSON.parse(file.json) as HandIn).policy).toEqual(policy);
    const r = await instructor().regradeHandIn(file.json);
    expect(r.ok && r.value.verified).toBe(true);
    expect(r.ok && r.value.labs[0]!.hintsUsed).toBe(0);
  });

  it('refuses what is not a hand-in with one sentence', () => {
    expect(parseHandIn('hello')).toEqual({ ok: false, error: 'This is not a hand-in file (not JSON, and not a hand-in code).' });
    expect(parseHandIn('{"format":"ovm-class"}')).toEqual({ ok: false, error: 'This is not a hand-in file.' });
    expect(parseHandIn('OVMH1.AAAA')).toEqual({ ok: false, error: 'This hand-in code is damaged or incomplete (copy all of it).' });
  });
});
