// The class table as data: objective columns in the class's lab order, "stuck on" when most of
// the class has not met an objective, flags for another class or other options, and the CSV.
import { describe, expect, it } from 'vitest';
import { columnsOf, csvOf, rowsOf } from '../../../src/engine/class-table';
import type { ClassPack } from '../../../src/engine/class-format';
import type { LabResult, RegradeReport } from '../../../src/engine/regrade';

const lab = (id: string, met: Record<string, boolean>, extra: Partial<LabResult> = {}): LabResult => ({
  id,
  title: id.toUpperCase(),
  version: 'v',
  replayed: true,
  objectives: Object.entries(met).map(([o, m]) => ({ id: o, text: `do ${o}`, points: 10, met: m, reason: m ? null : `${o} not done`, metAtMs: m ? 60_000 : null })),
  score: Object.values(met).filter(Boolean).length * 10,
  maxScore: Object.keys(met).length * 10,
  classScore: Object.values(met).filter(Boolean).length * 10,
  hintsUsed: 0,
  solutionShown: false,
  timeMs: 600_000,
  commands: 3,
  lastCommands: [{ atMs: 1000, host: 'ovs01', line: 'xm list', panel: false }],
  stalls: [],
  matches: true,
  problems: [],
  ...extra,
});

const report = (learner: string, labs: LabResult[], extra: Partial<RegradeReport> = {}): RegradeReport => ({
  learner,
  classCode: 'XEN-1',
  classTitle: 'Xen',
  seed: 1,
  policy: { hints: 'allowed', solution: 'shown' },
  handedInAt: '2026-12-06T10:00:00.000Z',
  late: false,
  labs,
  score: labs.reduce((n, l) => n + l.classScore, 0),
  maxScore: labs.reduce((n, l) => n + l.maxScore, 0),
  hintsUsed: 0,
  timeMs: 600_000,
  verified: true,
  problems: [],
  ...extra,
});

const pack: ClassPack = { format: 'ovm-class', v: 1, code: 'XEN-1', title: 'Xen', labs: [{ id: 'b1', title: 'B1', version: 'v' }, { id: 'a1', title: 'A1', version: 'v' }], policy: { hints: 'allowed', solution: 'shown' } };

describe('class table', () => {
  const reports = [
    report('Ann', [lab('a1', { x: true, y: false }), lab('b1', { z: true })]),
    report('Ben', [lab('a1', { x: true, y: false })]),
    report('Cy', [lab('a1', { x: false, y: true })], { classCode: 'OTHER', policy: { hints: 'off', solution: 'shown' } }),
  ];

  it('orders columns as the class lists its labs and marks what most have not met', () => {
    const cols = columnsOf(reports, pack);
    expect(cols.map((c) => [`${c.labId}/${c.id}`, c.met, c.stuck])).toEqual([
      ['b1/z', 1, false],
      ['a1/x', 2, false],
      ['a1/y', 1, true],
    ]);
  });

  it('flags another class and other options, and names duplicate learners apart', () => {
    const rows = rowsOf([...reports, report('Ann', [lab('a1', { x: true, y: true })])], pack);
    expect(rows.map((r) => [r.key, r.flags])).toEqual([
      ['Ann', []],
      ['Ben', []],
      ['Cy', ['Handed in for class OTHER, not XEN-1.', 'Its options (hints off, solution shown) differ from the class\'s (hints allowed, solution shown).']],
      ['Ann (2)', []],
    ]);
  });

  it('exports CSV with a row per learner, quoted where needed', () => {
    const rows = rowsOf(reports.slice(0, 2), pack);
    expect(csvOf(rows, columnsOf(reports.slice(0, 2), pack))).toBe(
      [
        'learner,class,verified,score,max score,hints used,time (min),b1/z,a1/x,a1/y,last commands,flags',
        'Ann,XEN-1,yes,20,30,0,10,met,met,not met: y not done,[ovs01] xm list | [ovs01] xm list,',
        'Ben,XEN-1,yes,10,20,0,10,,met,not met: y not done,[ovs01] xm list,',
        '',
      ].join('\r\n'),
    );
  });
});
