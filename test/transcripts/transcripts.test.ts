// Replays every golden session in test/transcripts/ and compares each command's output exactly.
// `npm run transcripts:update [-- -t name]` rewrites the sessions with today's output instead.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSession, runSession } from '../support/transcript';
import { updateSession } from '../support/transcript-update';

/** Set by `npm run transcripts:update` (package.json), never by hand. */
const UPDATE = process.env.TRANSCRIPTS_UPDATE === '1';

const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => f.endsWith('.session')).sort();

describe('golden transcripts', () => {
  it('exist', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, async () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const results = await runSession(parseSession(text, file));
      if (UPDATE) {
        const fresh = updateSession(text, results);
        if (fresh !== text) writeFileSync(join(dir, file), fresh);
        return;
      }
      for (const r of results) {
        expect(r.actual, `${file}:${r.line}: $ ${r.command}`).toBe(r.expected);
        if (r.expectedExit !== undefined) expect(r.actualExit, `${file}:${r.line}: exit status of $ ${r.command}`).toBe(r.expectedExit);
      }
    });
  }
});
