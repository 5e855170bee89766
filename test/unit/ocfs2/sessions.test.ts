// Replays the storage stack's golden sessions (test/transcripts/{ocfs2,mkfs,tunefs,mount,df,agent,
// repos}-*.session) on the shell alone, without the wasm core: the same parser and the same exact
// comparison as test/transcripts, so these sessions are checked even while the core is rebuilt.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSession } from '../../support/transcript';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { buildOvm22World } from '../../../src/sim/scenario/ovm22';
import { Shells } from './shell';

const dir = join(import.meta.dirname, '../../transcripts');
const MINE = /^(ocfs2|mkfs|tunefs|mount|df|agent|repos)-.*\.session$/;
// agent-configure answers a dialogue with hidden input, which only the full engine replays
// (test/transcripts runs it there).
const ENGINE_ONLY = new Set(['agent-configure.session']);
const files = readdirSync(dir).filter((f) => MINE.test(f) && !ENGINE_ONLY.has(f)).sort();
const BUILDERS: Record<string, (seed: number) => ReturnType<typeof buildDefaultWorld>> = { default: buildDefaultWorld, ovm22: buildOvm22World };

describe('storage sessions (shell only)', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, () => {
      const s = parseSession(readFileSync(join(dir, file), 'utf8'), file);
      const build = BUILDERS[s.scenario];
      if (!build) throw new Error(`${file}: scenario ${s.scenario} not replayable here`);
      const sh = new Shells(build(s.seed));
      const host = s.host ?? Object.keys(sh.world.hosts)[0]!;
      for (const step of s.steps) {
        if (step.advanceS) throw new Error(`${file}: @advance needs the core`);
        const r = sh.run(host, step.command);
        expect(r.out, `${file}:${step.line}: $ ${step.command}`).toBe(step.expected);
        if (step.expectedExit !== undefined) expect(r.exit, `${file}:${step.line}: exit status of $ ${step.command}`).toBe(step.expectedExit);
      }
    });
  }
});
