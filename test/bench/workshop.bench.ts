// Workshop figures in node (results.json → `workshop`): re-grading a hand-in of 500 commands
// (test/bench/handins.ts) and a class of 30 such hand-ins, each replayed in a scratch engine.
// Targets: ≤ 1 s for one, ≤ 15 s for 30. The browser's figures: workshop-browser.bench.js.
import { loadavg } from 'node:os';
import { it } from 'vitest';
import { median, recordBench } from './record';
import { createEngine } from '../../src/engine';
import { classHandIns, withClaims, writeHandInFiles } from './handins';
import type { RegradeReport } from '../../src/engine/regrade';
import { loadCore } from '../../src/sim/core/load-core';

it('workshop: re-grade one 500-command hand-in, and a class of 30', async () => {
  const grader = createEngine({ loadCore });
  const texts = classHandIns(30);
  // Warm-up: the first replay compiles the core and the lab.
  await grader.regradeHandIn(texts[0]!);
  const one: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await grader.regradeHandIn(texts[i]!);
    one.push(performance.now() - t0);
    if (!r.ok || r.value.labs[0]!.commands !== 500 || !r.value.labs[0]!.replayed) throw new Error('the hand-in was not replayed');
  }
  const t0 = performance.now();
  const reports: RegradeReport[] = [];
  for (const t of texts) {
    const r = await grader.regradeHandIn(t);
    if (r.ok) reports.push(r.value);
  }
  const classMs = performance.now() - t0;
  // The same class as files for the browser's figures (workshop-browser.bench.js), claiming what
  // the replay gives, as a learner's browser would: the instructor page should show 30 verified rows.
  writeHandInFiles(texts.map((t, i) => withClaims(t, reports[i]!)));
  const figures = { regrade500Ms: Math.round(median(one)), regrade500MaxMs: Math.round(Math.max(...one)), class30Ms: Math.round(classMs), handInBytes: texts[0]!.length, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 };
  console.log('workshop', figures);
  recordBench('workshop', figures);
});
