// Every lab in labs/: it validates; nothing is met at the start; its own solution, replayed on
// fresh worlds from three seeds, meets every objective and breaks no constraint; every text
// and hint says something; every variable is used. One lab: npx vitest run test/labs -t <id>
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/labs/loader';
import { mentionedVariables } from '../../src/labs/variables';
import { replaySolution, startLab } from './solve';

const SEEDS = [1, 20260302, 987654321];
const catalog = bundledCatalog();

describe('lab files', () => {
  it('all load and validate', () => {
    expect(catalog.errors).toEqual([]);
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

    for (const seed of SEEDS) {
      it(`starts unsolved and is solved by its solution (seed ${seed})`, async () => {
        const engine = await startLab(lab.id, seed);
        const start = engine.labView()!;
        expect(start.objectives.filter((o) => o.met).map((o) => o.id), 'met at the start').toEqual([]);
        expect(start.constraints.filter((c) => c.broken).map((c) => c.id), 'broken at the start').toEqual([]);

        const problems = await replaySolution(engine);
        expect(problems).toEqual([]);
        const end = engine.labView()!;
        const unmet = end.objectives.filter((o) => !o.met).map((o) => `${o.id}: ${o.reason}`);
        expect(unmet, 'objectives not met after the solution').toEqual([]);
        expect(end.constraints.filter((c) => c.broken).map((c) => `${c.id}: ${c.reason}`), 'constraints broken').toEqual([]);
        expect(end.status).toBe('solved');
      });
    }
  });
}
