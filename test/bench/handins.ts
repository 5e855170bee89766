// Generated hand-ins for the workshop benchmarks: a learner's long afternoon of 500 commands
// (reads, changes, a migration-free mix, 2 s apart) on one lab. Used by workshop.bench.ts (node),
// which also writes them as files for the browser benchmark (workshop-browser.bench.js).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classSeed, type HandIn, type HandInEntry } from '../../src/engine/class-format';
import { bundledLabVersion } from '../../src/engine/class-labs';
import type { RegradeReport } from '../../src/engine/regrade';

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

/** Where workshop.bench.ts leaves the class's hand-in files for the browser benchmark. */
const HANDIN_DIR = join(import.meta.dirname, '.parts', 'handins');

export function longHandIn(learner: string, commands = 500): HandIn {
  const journal: HandInEntry[] = [{ seq: 0, atMs: 0, session: 'term:ovs01', host: 'ovs01', record: { kind: 'resize', cols: 120, rows: 40 } }];
  for (let i = 0; i < commands; i++)
    journal.push({ seq: i + 1, atMs: (i + 1) * 2000, session: 'term:ovs01', host: 'ovs01', record: { kind: 'exec', line: LINES[i % LINES.length]! } });
  return {
    format: 'ovm-handin',
    v: 1,
    learner,
    classCode: 'BENCH-1',
    classTitle: 'Bench',
    policy: { hints: 'allowed', solution: 'shown' },
    handedInAt: '2026-12-06T12:00:00.000Z',
    labs: [
      {
        id: LAB,
        title: 'Knobs',
        version: bundledLabVersion(LAB)!,
        seed: classSeed('BENCH-1', learner),
        endMs: commands * 2000 + 5000,
        journal,
        claimed: { score: 0, maxScore: 0, met: [], hintsUsed: 0, solutionShown: false },
      },
    ],
  };
}

/** A class of `n` learners' hand-ins as JSON texts (the files' content). */
export function classHandIns(n = 30): string[] {
  return Array.from({ length: n }, (_, i) => JSON.stringify(longHandIn(`Learner ${i + 1}`)));
}

/** The hand-in `text` claiming the results its re-grade `report` gave (as a learner's browser claims its own). */
export function withClaims(text: string, report: RegradeReport): string {
  const h = JSON.parse(text) as HandIn;
  h.labs.forEach((lab, i) => {
    const r = report.labs[i]!;
    lab.claimed = {
      score: r.score,
      maxScore: r.maxScore,
      met: r.objectives.filter((o) => o.met).map((o) => o.id),
      hintsUsed: r.hintsUsed,
      solutionShown: r.solutionShown,
    };
  });
  return JSON.stringify(h);
}

/** Writes the texts as hand-in files (learner-01.handin.json …) into HANDIN_DIR. */
export function writeHandInFiles(texts: readonly string[]): void {
  rmSync(HANDIN_DIR, { recursive: true, force: true });
  mkdirSync(HANDIN_DIR, { recursive: true });
  texts.forEach((t, i) => writeFileSync(join(HANDIN_DIR, `learner-${String(i + 1).padStart(2, '0')}.handin.json`), t));
}
