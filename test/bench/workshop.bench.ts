// Workshop figures (results.json → `workshop`): re-grading a hand-in of 500 commands (a learner's
// long afternoon: reads, changes, a migration-free mix, 2 s apart) and a class of 30 such hand-ins,
// each replayed in a scratch engine. Targets: ≤ 1 s for one, ≤ 15 s for 30.
import { it } from 'vitest';
import { median, recordBench } from './record';
import { createEngine } from '../../src/engine';
import { classSeed, type HandIn, type HandInEntry } from '../../src/engine/class-format';
import { bundledLabVersion } from '../../src/engine/class-labs';
import { loadCore } from '../../src/sim/core/load-core';

const LAB = 'a3-cpu-memory-knobs';
const LINES = [
  'xm list',
  'xm sched-credit',
  'xm info | grep memory',
  'cat /etc/hosts',
  'xm list -l | head -20',
  'xm sched-credit -d Domain-0 -w 300',
  'uptime',
  'ls /OVS/Repositories',
  'multipath -ll | head -5',
  'xm vcpu-list | wc -l',
];

export function longHandIn(learner: string, commands = 500): HandIn {
  const journal: HandInEntry[] = [{ seq: 0, atMs: 0, session: 'term:ovs01', host: 'ovs01', record: { kind: 'resize', cols: 120, rows: 40 } }];
  for (let i = 0; i < commands; i++) journal.push({ seq: i + 1, atMs: (i + 1) * 2000, session: 'term:ovs01', host: 'ovs01', record: { kind: 'exec', line: LINES[i % LINES.length]! } });
  return {
    format: 'ovm-handin',
    v: 1,
    learner,
    classCode: 'BENCH-1',
    classTitle: 'Bench',
    policy: { hints: 'allowed', solution: 'shown' },
    handedInAt: '2026-12-06T12:00:00.000Z',
    labs: [{ id: LAB, title: 'Knobs', version: bundledLabVersion(LAB)!, seed: classSeed('BENCH-1', learner), endMs: commands * 2000 + 5000, journal, claimed: { score: 0, maxScore: 0, met: [], hintsUsed: 0, solutionShown: false } }],
  };
}

it('workshop: re-grade one 500-command hand-in, and a class of 30', async () => {
  const grader = createEngine({ loadCore });
  const texts = Array.from({ length: 30 }, (_, i) => JSON.stringify(longHandIn(`Learner ${i + 1}`)));
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
  for (const t of texts) await grader.regradeHandIn(t);
  const classMs = performance.now() - t0;
  const figures = { regrade500Ms: Math.round(median(one)), regrade500MaxMs: Math.round(Math.max(...one)), class30Ms: Math.round(classMs), handInBytes: texts[0]!.length };
  console.log('workshop', figures);
  recordBench('workshop', figures);
});
