// Replays every golden session in test/transcripts/ and compares each command's output exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSession, runSession } from '../support/transcript';

const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => f.endsWith('.session')).sort();

describe('golden transcripts', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, async () => {
      const session = parseSession(readFileSync(join(dir, file), 'utf8'), file);
      const results = await runSession(session);
      for (const r of results) {
        expect(r.actual, `${file}:${r.line}: $ ${r.command}`).toBe(r.expected);
        if (r.expectedExit !== undefined) expect(r.actualExit, `${file}:${r.line}: exit status of $ ${r.command}`).toBe(r.expectedExit);
      }
    });
  }
});
