// Custom-lab bounds: every size a lab can ask for is refused with one exact loader error (the
// reproductions of issue 10 §4), validation covers the values every learner can draw, and no
// name a lab or learner types reaches Object.prototype.
import { describe, expect, it } from 'vitest';
import { addLab, loadLabText } from '../../src/labs/loader';
import { loadCustomLab } from '../../src/labs/custom';
import { findGuest, findHost } from '../../src/labs/check-kit';
import { evalCheck } from '../../src/labs/runtime/evaluate';
import { drawVariables, fillText, substitute } from '../../src/labs/variables';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { bootEngine } from '../support/engine';
import type { CheckContext } from '../../src/labs/check-kit';

/** A valid lab with room for a variable block, scenario overrides and an objective's check. */
function lab({ variables = '  v: { pick: [a] }', overrides = '', check = '{ domain_state: { domain: x, state: running } }', briefing = '"{{v}}"' } = {}): string {
  return [
    'title: T', 'summary: S', 'module: B', 'level: beginner', 'minutes: 5',
    'scenario:', '  base: pool-34', ...(overrides ? ['  overrides:', overrides] : []),
    'variables:', variables,
    `briefing: ${briefing}`, 'debrief: D',
    'objectives:', `  - { id: a, text: t, points: 1, check: ${check}, failure: f, hints: [h1, h2] }`,
    'solution:', '  - { host: ovs01, run: ls }', '',
  ].join('\n');
}
const errorsOf = (text: string): string[] => {
  const r = loadLabText('x', 'labs/x.yaml', text);
  return r.ok ? [] : r.errors;
};

describe('lab size limits (issue 10 §4 reproductions)', () => {
  it('accepts the base fixture', () => {
    expect(errorsOf(lab())).toEqual([]);
  });

  it('a template that would grow to 64 million characters stops at 1000 and is refused', () => {
    // Each template is eight copies of the one before: 4 · 8⁸ = 67,108,864 characters for “abcd”.
    const chain = ['  v: { pick: [abcd, a] }'];
    for (let i = 1; i <= 8; i++) chain.push(`  v${i}: { template: "${`{{${i === 1 ? 'v' : `v${i - 1}`}}}`.repeat(8)}" }`);
    const text = lab({ variables: chain.join('\n'), briefing: '"{{v8}}"' });
    const t0 = Date.now();
    expect(errorsOf(text)).toEqual(['labs/x.yaml: variables.v3: more than 1000 characters once filled in']);
    expect(Date.now() - t0).toBeLessThan(2000);
    // And at run time the draw is cut, whatever the seed.
    for (const seed of [1, 2, 3, 4]) {
      const vars = drawVariables({ v: { pick: ['abcd', 'a'] }, w: { template: '{{v}}'.repeat(900) }, x: { template: '{{w}}{{w}}' } }, seed);
      expect(String(vars.x).length).toBeLessThanOrEqual(1000);
    }
  });

  it('vcpus: 1e8 is refused', () => {
    expect(errorsOf(lab({ overrides: '    domains: [ { simple: big, host: ovs01, vcpus: 1e8 } ]' }))).toEqual([
      'labs/x.yaml: scenario.overrides.domains[0].vcpus: expected ≤ 128',
    ]);
  });

  it('5,000 domains are refused', () => {
    const domains = Array.from({ length: 5000 }, (_, i) => `{ simple: vm${i} }`).join(', ');
    expect(errorsOf(lab({ overrides: `    domains: [ ${domains} ]` }))).toEqual(['labs/x.yaml: scenario.overrides.domains: expected at most 64 items']);
  });

  it('a 2,000-deep path in files: is refused', () => {
    const path = '/a'.repeat(2000);
    expect(errorsOf(lab({ overrides: `    hosts: [ { name: ovs01, files: { "${path}": x } } ]` }))).toEqual([
      `labs/x.yaml: scenario.overrides.hosts[0].files: “${'/a'.repeat(28)}/…” is more than 32 directories deep`,
    ]);
    expect(errorsOf(lab({ overrides: '    hosts: [ { name: ovs01, files: { "etc/x": x } } ]' }))).toEqual([
      'labs/x.yaml: scenario.overrides.hosts[0].files: “etc/x” is not an absolute path',
    ]);
  });

  it('3,000 nested not: are refused without overflowing the stack', () => {
    let check = '{ domain_state: { domain: x, state: running } }';
    for (let i = 0; i < 3000; i++) check = `{ not: ${check} }`;
    expect(errorsOf(lab({ check }))).toEqual(['labs/x.yaml: nested more than 40 levels deep']);
  });

  it('all/any/not deeper than 12 are refused, 12 are fine', () => {
    let check = '{ domain_state: { domain: x, state: running } }';
    for (let i = 0; i < 11; i++) check = `{ not: ${check} }`;
    expect(errorsOf(lab({ check }))).toEqual([]);
    expect(errorsOf(lab({ check: `{ any: [ ${check} ] }` }))).toEqual(['labs/x.yaml: objectives[0].check: all/any/not nested more than 12 deep']);
  });

  it('YAML aliases cannot multiply a document', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    expect(errorsOf(bomb)).toEqual(['labs/x.yaml: Excessive alias count indicates a resource exhaustion attack']);
  });

  it('a custom lab file over 256 kB is refused before it is read', () => {
    expect(loadCustomLab('custom-big', 'big.yaml', lab({ briefing: `"${'x'.repeat(300 * 1024)}"` }))).toEqual({ ok: false, errors: ['big.yaml: larger than 256 kB; a lab file is much smaller'] });
  });

  it('a custom lab whose world cannot be built is refused (not thrown at boot)', () => {
    const t0 = Date.now();
    expect(loadCustomLab('custom-h', 'h.yaml', lab({ overrides: '    hosts: [ { name: __proto__, memory: 4096 } ]' }))).toEqual({
      ok: false,
      errors: ['h.yaml: the lab\'s world cannot be built: scenario override: no host “__proto__”'],
    });
    expect(({} as Record<string, unknown>).memoryMiB).toBeUndefined();
    expect(loadCustomLab('custom-ok', 'ok.yaml', lab()).ok).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a string that grows past 64 kB once filled in is refused', () => {
    const variables = `  v: { template: "${'y'.repeat(900)}" }`;
    expect(errorsOf(lab({ variables, briefing: `"${'{{v}}'.repeat(100)}"` }))).toEqual(['labs/x.yaml: briefing: longer than 64 kB once its variables are filled in']);
  });

  it('counts and numbers a lab can ask for are bounded by the schema', () => {
    expect(errorsOf(lab({ overrides: '    hosts: [ { name: ovs01, memory: 99999999999, cpu: { sockets: 1000 } } ]' }))).toEqual([
      'labs/x.yaml: scenario.overrides.hosts[0].memory: expected ≤ 4194304',
      'labs/x.yaml: scenario.overrides.hosts[0].cpu.sockets: expected ≤ 8',
    ]);
    expect(errorsOf(lab({ variables: '  v: { int: { min: 1, max: 1e12 } }', briefing: 'B {{v}}' }))).toEqual(['labs/x.yaml: variables.v.int.max: expected ≤ 1000000000']);
  });
});

describe('validation over several draws', () => {
  it('finds a value that only some learners draw', () => {
    // Seed 1 draws 2 (a lab validated on seed 1 alone passed); another learner draws 1e8.
    const text = lab({ variables: '  v: { pick: [2, 4, 100000000] }', overrides: '    domains: [ { simple: big, host: ovs01, vcpus: "{{v}}" } ]', briefing: 'B' });
    expect(drawVariables({ v: { pick: [2, 4, 100000000] } }, 1).v).not.toBe(100000000);
    expect(errorsOf(text)).toEqual(['labs/x.yaml: scenario.overrides.domains[0].vcpus: expected ≤ 128 (with the values some learners draw)']);
  });

  it('tries both ends of an int', () => {
    const text = lab({ variables: '  v: { int: { min: 1, max: 200, step: 1 } }', overrides: '    domains: [ { simple: big, host: ovs01, vcpus: "{{v}}" } ]', briefing: 'B' });
    expect(errorsOf(text)).toEqual(['labs/x.yaml: scenario.overrides.domains[0].vcpus: expected ≤ 128 (with the values some learners draw)']);
  });
});

describe('names that are Object.prototype properties', () => {
  const PROTO_NAMES = ['__proto__', ...Object.getOwnPropertyNames(Object.prototype)];
  const world = buildDefaultWorld(7);
  const ctx = { sim: { world, core: null as never }, world, lab: { fired: {}, answers: {}, latched: {}, broken: {}, hints: {} } } as unknown as CheckContext;

  it('find no guest and no host', () => {
    for (const name of PROTO_NAMES) {
      expect(findGuest(world, name), name).toBeUndefined();
      expect(findHost(world, name), name).toBeUndefined();
    }
  });

  it('meet no check', () => {
    for (const name of PROTO_NAMES) {
      for (const check of [
        { domain_state: { domain: name, state: 'running' } },
        { domain_state: { domain: name, state: 'active' } },
        { fault_fired: { id: name } },
        { service_state: { host: 'ovs01', service: name, state: 'running' } },
        { path_count: { lun: name, state: 'active', min: 0 } },
        { host_free_memory: { host: name, min: 0 } },
        { [name]: {} },
      ]) expect(evalCheck(check, ctx).ok, `${JSON.stringify(check)}`).toBe(false);
    }
  });

  it('are never a variable, and a key __proto__ stays a key', () => {
    expect(fillText('{{constructor}}', {})).toEqual({ text: '{{constructor}}', unknown: ['constructor'], overflow: false });
    const r = substitute(JSON.parse('{"files": {"__proto__": "x", "/etc/{{constructor}}": "y"}}'), {});
    expect(Object.keys((r.value as { files: object }).files)).toEqual(['__proto__', '/etc/{{constructor}}']);
    expect(r.errors).toEqual(['files./etc/{{constructor}}: unknown variable “constructor”']);
  });

  it('domain_state {domain: "__proto__"} is not met at the start of a lab', async () => {
    const text = lab({ check: '{ domain_state: { domain: "__proto__", state: active } }' })
      .replace("id: a,", 'id: constructor,')
      .replace('solution:', 'constraints:\n  - { id: c, text: t, check: { not: { fault_fired: { id: constructor } } }, failure: f }\nsolution:');
    const r = loadLabText('zz-proto', 'labs/zz-proto.yaml', text);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    addLab(r.value);
    const { engine } = await bootEngine(5, {}, 'lab:zz-proto');
    const v = engine.labView()!;
    expect(v.objectives.map((o) => [o.id, o.met, o.reason])).toEqual([['constructor', false, 'f (__proto__ does not exist)']]);
    expect(v.constraints.map((c) => c.broken)).toEqual([false]);
    expect(v.status).toBe('in-progress');
  });
});
