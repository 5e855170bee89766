// "Test this lab": a bundled lab passes on three seeds; a lab whose objective is met at the start,
// or whose solution is wrong, fails and says where.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine';
import { bundledLabText } from '../../../src/engine/class-labs';
import { loadCore } from '../../../src/sim/core/load-core';

const engine = () => createEngine({ loadCore });
const a3 = bundledLabText('a3-cpu-memory-knobs')!;

describe('test this lab', () => {
  it('passes a lab whose solution solves it on three seeds', async () => {
    const r = await engine().testLab('knobs.yaml', a3);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.id).toBe('custom-knobs');
    expect(r.seeds.map((s) => [s.seed, s.passed, s.metAtStart, s.problems])).toEqual([
      [1, true, [], []],
      [20260302, true, [], []],
      [987654321, true, [], []],
    ]);
    expect(r.passed).toBe(true);
  });

  it('fails a lab with a wrong solution, naming the objective it leaves unmet', async () => {
    const wrong = a3.replaceAll('-w 55000', '-w 100');
    expect(wrong).not.toBe(a3);
    const r = await engine().testLab('knobs.yaml', wrong);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.passed).toBe(false);
    for (const s of r.seeds) expect(s.objectives.filter((o) => !o.met).map((o) => o.id)).toContain('db-weight');
  });

  it('fails a lab whose objective is met at the start', async () => {
    // The constraint-like objective "no-restart" holds from the start: turned into an objective.
    const metAtStart = a3.replace(/objectives:\n/, 'objectives:\n  - id: freebie\n    text: Be logged in.\n    points: 1\n    check: { not: { domain_state: { domain: nothing-here, state: running } } }\n    failure: Never shown.\n    hints: [Nothing to do., Really nothing.]\n');
    const r = await engine().testLab('knobs.yaml', metAtStart);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.passed).toBe(false);
    expect(r.seeds.map((s) => s.metAtStart)).toEqual([['freebie'], ['freebie'], ['freebie']]);
  });

  it('returns the loader’s errors for a lab that does not validate', async () => {
    const r = await engine().testLab('knobs.yaml', 'title: 1\n');
    expect(r.ok).toBe(false);
  });
});

describe('the lab editor’s starter lab', () => {
  it('validates and passes its own test', async () => {
    const { STARTER } = await import('../../../src/ui/components/editor/starter');
    const { lintLabText } = await import('../../../src/engine/lab-lint');
    expect(await lintLabText('my-lab.yaml', STARTER)).toEqual([]);
    const r = await engine().testLab('my-lab.yaml', STARTER);
    expect(r.ok && r.seeds.map((s) => [s.passed, s.problems])).toEqual([[true, []], [true, []], [true, []]]);
  });
});
