// The workshop formats: stable seeds from (class, name), base64url and packed codes that round
// trip, class packs read back field by field, and the lab editor's errors placed at their line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classSeed, fromBase64Url, packText, textHash, toBase64Url, unpackText, type ClassPack } from '../../../src/engine/class-format';
import { parseClassPack } from '../../../src/engine/class-validate';
import { bundledLabText, bundledLabVersion, findLabVersion } from '../../../src/engine/class-labs';
import { lintLabText } from '../../../src/engine/lab-lint';
import { runs } from '../../support/tier';

describe('seeds', () => {
  it('are the same for the same (class, name) written differently, and differ between neighbours', () => {
    expect(classSeed('xen-101', '  Alice   Martin ')).toBe(classSeed('XEN-101', 'alice martin'));
    const seeds = ['Alice', 'Bob', 'Carol', 'Dan', 'Eve', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Ken', 'Liam', 'Mia', 'Noah', 'Olga'].map((n) => classSeed('XEN-101', n));
    expect(new Set(seeds).size).toBe(15);
    expect(classSeed('XEN-102', 'Alice')).not.toBe(classSeed('XEN-101', 'Alice'));
    // Stable across versions: a class running over two days must not change its values.
    expect(classSeed('XEN-101', 'Alice')).toBe(parseInt(textHash('XEN-101\nalice').slice(0, 8), 16));
  });
});

describe('codes', () => {
  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect([...fromBase64Url(text)!]).toEqual([...bytes]);
      }),
      { numRuns: runs(200, 5000) },
    );
  });

  it('a packed value unpacks to itself; a damaged code to null', () => {
    const value = { a: 'é ✓ \u0000', n: [1, 2, 3] };
    const code = packText(value);
    expect(unpackText(code)).toEqual(value);
    expect(unpackText(code.slice(0, -4))).toBe(null);
    expect(unpackText('not base64!')).toBe(null);
  });

  it('a class pack travels as a URL-safe code and is read back; bad ones are refused with a sentence', () => {
    const pack: ClassPack = { format: 'ovm-class', v: 1, code: 'XEN-101', title: 'Xen day one', labs: [{ id: 'a3-cpu-memory-knobs', title: 'Knobs', version: bundledLabVersion('a3-cpu-memory-knobs')! }], policy: { hints: 'off', solution: 'hidden', closes: '2026-12-06T17:00:00.000Z' } };
    const code = packText(pack);
    expect(code.length).toBeLessThan(300);
    expect(parseClassPack(code)).toEqual({ ok: true, value: pack });
    expect(parseClassPack(JSON.stringify(pack))).toEqual({ ok: true, value: pack });
    expect(parseClassPack(packText({ ...pack, code: 'x y' }))).toEqual({ ok: false, error: 'This class is malformed: the class code must be 3–24 capital letters, digits or dashes.' });
    expect(parseClassPack(packText({ ...pack, labs: [] }))).toEqual({ ok: false, error: 'This class is malformed: a class has 1–20 labs.' });
    expect(parseClassPack('abc')).toEqual({ ok: false, error: 'This link does not hold a class (it may be cut short: copy all of it).' });
  });
});

describe('lab versions', () => {
  it('name the bundled text by its hash; another text or an unknown lab is unknown', () => {
    const text = bundledLabText('a1-dom0-orientation')!;
    expect(bundledLabVersion('a1-dom0-orientation')).toBe(textHash(text));
    expect(findLabVersion('a1-dom0-orientation', textHash(text), [])).toEqual({ kind: 'bundled' });
    expect(findLabVersion('custom-x', textHash('t'), [{ id: 'custom-x', title: 'X', version: textHash('t'), yaml: 't' }])).toEqual({ kind: 'custom', yaml: 't' });
    expect(findLabVersion('custom-x', textHash('u'), [{ id: 'custom-x', title: 'X', version: textHash('t'), yaml: 't' }])).toEqual({ kind: 'unknown', why: "lab custom-x was handed in for another version of its file than the class's" });
    expect(findLabVersion('custom-y', 'ffff', [])).toEqual({ kind: 'unknown', why: 'lab custom-y is not a lab of this build nor of the class loaded here' });
  });
});

describe('lab editor validation', () => {
  const good = bundledLabText('a3-cpu-memory-knobs')!;

  it('a bundled lab has no errors', async () => {
    expect(await lintLabText('my-lab.yaml', good)).toEqual([]);
  });

  it('a schema error is placed at the line of the node it names', async () => {
    const lines = good.split('\n');
    const i = lines.findIndex((l) => /^\s+points: /.test(l));
    lines[i] = lines[i]!.replace(/points: \d+/, 'points: many');
    const d = await lintLabText('my-lab.yaml', lines.join('\n'));
    expect(d.map((x) => [x.line, x.message])).toEqual([[i + 1, 'objectives[0].points: expected integer']]);
  });

  it('a YAML syntax error is placed where the parser stopped', async () => {
    const d = await lintLabText('my-lab.yaml', 'title: x\nsummary: [unclosed\n');
    expect(d.length).toBe(1);
    expect(d[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
