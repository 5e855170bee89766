// Lab files that do not validate get errors naming the file and the place in it; variables are
// drawn per seed and substituted with their types; quiz answers match the way learners type.
import { describe, expect, it } from 'vitest';
import { loadLabText } from '../../src/labs/loader';
import { isCorrect } from '../../src/labs/runtime/quiz';
import { drawVariables, substitute } from '../../src/labs/variables';
import type { CheckContext } from '../../src/labs/check-kit';

const lab = (objectives: string, extra = '', briefing = '"{{v}}"') =>
  `title: T\nsummary: S\nmodule: B\nlevel: beginner\nminutes: 5\nscenario: { base: pool-34 }\nvariables:\n  v: { pick: [a] }\nbriefing: ${briefing}\ndebrief: D\nobjectives:\n${objectives}\nsolution:\n  - { host: ovs01, run: ls }\n${extra}`;
const OK = '  - { id: a, text: t, points: 1, check: { domain_state: { domain: x, state: running } }, failure: f, hints: [h1, h2] }';
const errorsOf = (text: string): string[] => {
  const r = loadLabText('x', 'labs/x.yaml', text);
  return r.ok ? [] : r.errors;
};

describe('lab loader errors', () => {
  it('accepts a valid lab', () => {
    expect(errorsOf(lab(OK))).toEqual([]);
  });

  it('names the line and column of a YAML syntax error', () => {
    expect(errorsOf('title: [\n')).toEqual(['labs/x.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('names the path of a wrongly typed check argument', () => {
    const bad = OK + '\n  - { id: b, text: t, points: 1, check: { path_count: { lun: repository, state: active, min: "x" } }, failure: f, hints: [h1, h2] }';
    expect(errorsOf(lab(bad))).toEqual(['labs/x.yaml: objectives[1].check.path_count.min: expected number']);
  });

  it('calls an unknown check an unknown check, even nested', () => {
    expect(errorsOf(lab('  - { id: a, text: t, points: 1, check: { all: [ { domain_stat: { domain: x } } ] }, failure: f, hints: [h1, h2] }'))).toEqual([
      'labs/x.yaml: objectives[0].check.all[0]: unknown check “domain_stat”',
    ]);
  });

  it('lists missing fields and short hint ladders', () => {
    expect(errorsOf(lab('  - { id: a, text: t, points: 1, check: { domain_state: { domain: x, state: running } }, hints: [h1] }'))).toEqual([
      'labs/x.yaml: objectives[0]: missing “failure”',
      'labs/x.yaml: objectives[0].hints: expected at least 2 items',
    ]);
  });

  it('wants exactly one of check and quiz', () => {
    expect(errorsOf(lab('  - { id: a, text: t, points: 1, check: { domain_state: { domain: x, state: running } }, quiz: { accept: [1] }, failure: f, hints: [h1, h2] }'))).toEqual([
      'labs/x.yaml: objectives[0]: an objective needs exactly one of “check” or “quiz”',
    ]);
  });

  it('reports unknown variables where they are used, and unused ones', () => {
    expect(errorsOf(lab(OK.replace('domain: x', 'domain: "{{nope}}"')))).toEqual(['labs/x.yaml: objectives[0].check.domain_state.domain: unknown variable “nope”']);
    expect(errorsOf(lab(OK, '', 'B'))).toEqual(['labs/x.yaml: variables.v: declared but never used']);
  });

  it('checks faults: durations, actions, and the objective they follow', () => {
    expect(errorsOf(lab(OK, 'faults:\n  - { id: f2, at: 5x, do: { unplug: {} } }\n'))).toEqual([
      'labs/x.yaml: faults[0].at: expected a duration like 30s, 2m or 1m30s',
      'labs/x.yaml: faults[0].do: unknown fault action “unplug”',
    ]);
    expect(errorsOf(lab(OK, 'faults:\n  - { id: f1, after: zz, do: { cable: { host: ovs01, hba: 5, plugged: false } } }\n'))).toEqual(['labs/x.yaml: faults[0].after: no objective “zz”']);
  });

  it('refuses YAML tags that would build anything but plain data', () => {
    expect(errorsOf('title: !!js/function "x"\n')[0]).toMatch(/^labs\/x\.yaml/);
  });
});

describe('variables', () => {
  const specs = { a: { pick: ['x', 'y', 'z'] }, n: { int: { min: 10, max: 20, step: 5 } }, h: { hex: 6 }, t: { template: '{{a}}-{{n}}' } };

  it('are the same for a seed and usually differ between seeds', () => {
    expect(drawVariables(specs, 7)).toEqual(drawVariables(specs, 7));
    const seen = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => JSON.stringify(drawVariables(specs, s))));
    expect(seen.size).toBeGreaterThan(4);
    const v = drawVariables(specs, 3);
    expect([10, 15, 20]).toContain(v.n);
    expect(v.h).toMatch(/^[0-9a-f]{6}$/);
    expect(v.t).toBe(`${v.a}-${v.n}`);
  });

  it('substitute into strings and keys, keeping a whole placeholder\'s type', () => {
    const r = substitute({ memory: '{{n}}', text: 'VM {{a}} has {{n}} MiB', files: { '/root/{{a}}.txt': 'x' } }, { a: 'sv1', n: 2048 });
    expect(r).toEqual({ value: { memory: 2048, text: 'VM sv1 has 2048 MiB', files: { '/root/sv1.txt': 'x' } }, errors: [] });
  });
});

describe('quiz answers', () => {
  const ctx = {} as CheckContext;
  it('match numbers with tolerance and units, words in any order, case-insensitively', () => {
    expect(isCorrect('51702 MiB', { accept: [51700], tolerance: 2 }, ctx)).toBe(true);
    expect(isCorrect('51702', { accept: [51700] }, ctx)).toBe(false);
    expect(isCorrect(' 4.4.4ovm ', { accept: ['4.4.4OVM'] }, ctx)).toBe(true);
    expect(isCorrect('4.4.4ovm', { accept: ['4.4.4OVM'], case_sensitive: true }, ctx)).toBe(false);
    expect(isCorrect('sdl, sdf', { accept: ['sdf sdl'], any_order: true }, ctx)).toBe(true);
    expect(isCorrect('sdl sdf', { accept: ['sdf sdl'] }, ctx)).toBe(false);
  });
});
