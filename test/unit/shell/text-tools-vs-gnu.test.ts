// awk and sed against the real tools: every case of test/fixtures/text-tools/cases.json runs through
// a bare shell on the default world, and its stdout, stderr and exit status must equal what real gawk
// (run as `awk`) and GNU sed printed for it (expected.json, written by record.mjs next to the cases).
// stderr is compared as each case says: exactly (the default), only its first line, or only that it is
// non-empty where gawk 5 / sed 4.9 word a message differently from the gawk 3.1.7 / sed 4.2.1 the
// dom0 has. A case's `status` replaces the recorded one where those releases exit differently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../src/engine/scenarios';
import { mkdir, readFile, writeFile } from '../../../src/sim/vfs';
import { Shells } from '../../support/harness';

interface Case {
  id: string;
  tool: 'awk' | 'sed';
  args: string[];
  stdin?: string;
  stdinText?: string;
  files?: string[];
  inplace?: string;
  alsoCheck?: string;
  stderr?: 'exact' | 'nonempty' | 'firstline';
  status?: number;
}
interface Recorded {
  stdout: string;
  stderr: string;
  status: number;
  files?: Record<string, string | null>;
}

const DIR = join(__dirname, '../../fixtures/text-tools');
const { cases } = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: Case[] };
const { results } = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { results: Record<string, Recorded> };
const input = (name: string) => readFileSync(join(DIR, 'inputs', name), 'utf8');

/** bash single quoting: the argument exactly as the recorder passed it to execve. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const sh = new Shells(SCENARIOS.default!(42));
const hostName = Object.keys(sh.world.hosts)[0]!;
const host = sh.world.hosts[hostName]!;

/** Runs a case in its own directory of /tmp, stdin and stderr through files, as the recorder did. */
function run(c: Case, n: number): Recorded {
  const dir = `/tmp/tt${n}`;
  mkdir(sh.world, host, dir, '/', true);
  for (const f of c.files ?? []) writeFile(sh.world, host, `${dir}/${f}`, input(f));
  writeFile(sh.world, host, `${dir}.in`, c.stdin ? input(c.stdin) : (c.stdinText ?? ''));
  const line = `cd ${dir}; ${c.tool} ${c.args.map(quote).join(' ')} < ${dir}.in 2> ${dir}.err`;
  const r = sh.run(hostName, line);
  const err = readFile(sh.world, host, `${dir}.err`);
  const got: Recorded = { stdout: r.out, stderr: err.ok ? err.value : `(no ${dir}.err)`, status: r.exit };
  const check = [c.inplace, c.alsoCheck].filter((f): f is string => !!f);
  if (check.length) {
    got.files = Object.fromEntries(
      check.map((f) => {
        const t = readFile(sh.world, host, `${dir}/${f}`);
        return [f, t.ok ? t.value : null];
      }),
    );
  }
  return got;
}

describe('awk and sed against the recordings of gawk and GNU sed', () => {
  cases.forEach((c, n) => {
    it(`${c.id}: ${c.tool} ${c.args.join(' ').replace(/\n/g, '\\n')}`, () => {
      const want = results[c.id];
      expect(want, `no recording for ${c.id}: run node test/fixtures/text-tools/record.mjs`).toBeDefined();
      const got = run(c, n);
      expect(got.stdout).toBe(want!.stdout);
      expect(got.status).toBe(c.status ?? want!.status);
      const mode = c.stderr ?? 'exact';
      if (mode === 'exact') expect(got.stderr).toBe(want!.stderr);
      else if (mode === 'firstline') expect(got.stderr.split('\n')[0]).toBe(want!.stderr.split('\n')[0]);
      else expect(got.stderr).not.toBe('');
      if (want!.files) expect(got.files).toEqual(want!.files);
    });
  });
});
