// Every lab in labs/: it validates; nothing is met at the start; its own solution, replayed on
// fresh worlds from three seeds, meets every objective and breaks no constraint; each of its
// traps (the wrong paths it teaches against) leaves it unsolved with the reason it promises;
// learner text says something, never mentions seeds or the project, and placeholders give no
// answer away; every variable is used; the estimated minutes match the solution's simulated
// time plus reading. One lab: npx vitest run test/labs -t <id>
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledCatalog, loadLabText } from '../../src/labs/loader';
import { mentionedVariables } from '../../src/labs/variables';
import { estimateMinutes } from './estimate';
import { clockMs, replaySolution, replaySteps, resolvedLab, startLab } from './solve';
import type { LabDoc } from '../../src/labs/types';

const SEEDS = [1, 20260302, 987654321];
const catalog = bundledCatalog();

/** Words that belong to how the course is made, not to the situation a learner is in. */
const BACKSTAGE = /\bseeds?\b|field[- ]reports?|\bproject\b/i;

/** Every text a learner can read (the debrief included), with where it is. */
function learnerTexts(doc: LabDoc): Array<[string, string]> {
  const out: Array<[string, string]> = [['title', doc.title], ['summary', doc.summary], ['briefing', doc.briefing], ['debrief', doc.debrief]];
  for (const o of doc.objectives) {
    out.push([`${o.id}.text`, o.text], [`${o.id}.failure`, o.failure], ...o.hints.map((h, i): [string, string] => [`${o.id}.hints[${i}]`, h]));
    if (o.quiz?.question) out.push([`${o.id}.question`, o.quiz.question]);
    if (o.quiz?.placeholder) out.push([`${o.id}.placeholder`, o.quiz.placeholder]);
  }
  for (const c of doc.constraints ?? []) out.push([`${c.id}.text`, c.text], [`${c.id}.failure`, c.failure]);
  for (const f of doc.faults ?? []) if (f.announce) out.push([`faults.${f.id}.announce`, f.announce]);
  for (const s of doc.solution) if (s.note) out.push(['solution note', s.note]);
  return out;
}

describe('lab files', () => {
  it('all load and validate', () => {
    expect(catalog.errors).toEqual([]);
  });

  it('validate with every draw of their variables (the app checks bundled labs with the first only)', () => {
    for (const lab of catalog.labs) {
      const r = loadLabText(lab.id, lab.file, readFileSync(new URL(`../../${lab.file}`, import.meta.url), 'utf8'));
      expect(r.ok ? [] : r.errors, lab.id).toEqual([]);
    }
  });
});

for (const lab of catalog.labs) {
  describe(lab.id, () => {
    const doc = lab.doc;

    it('has something to say in every text and hint, and uses every variable', () => {
      const texts = [doc.title, doc.summary, doc.briefing, doc.debrief, ...doc.objectives.flatMap((o) => [o.text, o.failure, ...o.hints]), ...(doc.constraints ?? []).flatMap((c) => [c.text, c.failure])];
      for (const t of texts) expect(t.trim().length, JSON.stringify(t)).toBeGreaterThan(3);
      for (const o of doc.objectives) expect(o.hints.length, o.id).toBeGreaterThanOrEqual(2);
      const { variables, facts, ...rest } = doc;
      const used = mentionedVariables([rest, Object.values(variables ?? {}), facts ?? {}]);
      for (const name of [...Object.keys(variables ?? {}), ...Object.keys(facts ?? {})]) expect(used.has(name), `variable ${name}`).toBe(true);
      expect(Object.keys(variables ?? {}).length, 'variables make answers differ per learner').toBeGreaterThan(0);
    });

    it('speaks to the learner about the situation, never about how the course is made', () => {
      const found = learnerTexts(doc).filter(([, t]) => BACKSTAGE.test(t)).map(([where, t]) => `${where}: …${t.match(BACKSTAGE)![0]}…`);
      expect(found).toEqual([]);
    });

    it('has at least one trap', () => {
      expect((doc.traps ?? []).length).toBeGreaterThan(0);
    });

    for (const seed of SEEDS) {
      it(`starts unsolved and is solved by its solution (seed ${seed})`, async () => {
        const engine = await startLab(lab.id, seed);
        const start = engine.labView()!;
        expect(start.objectives.filter((o) => o.met).map((o) => o.id), 'met at the start').toEqual([]);
        expect(start.constraints.filter((c) => c.broken).map((c) => c.id), 'broken at the start').toEqual([]);
        // A placeholder never holds the answer the learner is asked for.
        const preview = engine.labSolutionPreview()!;
        for (const o of start.objectives.filter((x) => x.quiz?.placeholder)) {
          const i = doc.solution.findIndex((s) => 'answer' in s && s.answer === o.id);
          const answer = i < 0 ? '' : preview[i]!.lines[0]!.split(' ').slice(2).join(' ');
          for (const w of answer.split(/\s+/).filter((x) => x.length > 1)) expect(o.quiz!.placeholder.toLowerCase(), `${o.id} placeholder`).not.toContain(w.toLowerCase());
        }

        const problems = await replaySolution(engine);
        expect(problems).toEqual([]);
        const end = engine.labView()!;
        const unmet = end.objectives.filter((o) => !o.met).map((o) => `${o.id}: ${o.reason}`);
        expect(unmet, 'objectives not met after the solution').toEqual([]);
        expect(end.constraints.filter((c) => c.broken).map((c) => `${c.id}: ${c.reason}`), 'constraints broken').toEqual([]);
        expect(end.status).toBe('solved');
        if (seed === SEEDS[0]) {
          const est = estimateMinutes(resolvedLab(engine).doc, clockMs(engine));
          expect(doc.minutes, `minutes (the solution takes ${(clockMs(engine) / 60000).toFixed(1)} simulated minutes; estimate ${est})`).toBeGreaterThanOrEqual(Math.floor(est * 0.8));
          expect(doc.minutes, `minutes (estimate ${est})`).toBeLessThanOrEqual(Math.ceil(est * 1.25) + 1);
        }
      });
    }

    (doc.traps ?? []).forEach((trap, t) => {
      const seed = SEEDS[(t + 1) % SEEDS.length]!;
      it(`trap “${trap.name}” leaves it unsolved with the reason it promises (seed ${seed})`, async () => {
        const engine = await startLab(lab.id, seed);
        const steps = resolvedLab(engine).doc.traps![t]!.steps;
        await replaySteps(engine, steps);
        const v = engine.labView()!;
        expect(v.status).toBe('in-progress');
        for (const id of trap.expect.unmet ?? []) {
          const o = v.objectives.find((x) => x.id === id)!;
          const failure = resolvedLab(engine).doc.objectives.find((x) => x.id === id)!.failure;
          expect(o.met, `${id} met`).toBe(false);
          if (o.quiz) expect(o.reason, id).toMatch(/^“.*” is not right \(\d+ tr(y|ies) so far\)\.$/);
          else expect(o.reason === failure || o.reason!.startsWith(`${failure} (`), `${id}: ${o.reason}`).toBe(true);
        }
        for (const id of trap.expect.broken ?? []) {
          const c = v.constraints.find((x) => x.id === id)!;
          const failure = resolvedLab(engine).doc.constraints!.find((x) => x.id === id)!.failure;
          expect(c.broken, `${id} broken`).toBe(true);
          expect(c.reason === failure || c.reason!.startsWith(`${failure} (`), `${id}: ${c.reason}`).toBe(true);
        }
      });
    });
  });
}
