// `npm run transcripts:update` must not touch a session whose outputs did not change: for every
// golden session, feeding back its own expected outputs gives the file back byte for byte; and a
// session of bare `$ ` lines gets its outputs, exit statuses and markers filled in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSession, type StepResult } from '../support/transcript';
import { updateSession } from '../support/transcript-update';

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.session')).sort();

describe('transcripts:update', () => {
  for (const file of files) {
    it(`leaves ${file} as it is when nothing changed`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const results: StepResult[] = parseSession(text, file).steps.map((s) => ({ ...s, actual: s.expected, actualExit: s.expectedExit ?? 0 }));
      expect(updateSession(text, results)).toBe(text);
    });
  }

  it('fills in a new session', () => {
    const text = '# new\n@seed 7\n$ a\n$ b\n\n$ c\n@advance 5\n$ d\n';
    const steps = parseSession(text).steps;
    const actual = ['one\n', 'two\n\n', 'prompt: ', ''];
    const results: StepResult[] = steps.map((s, i) => ({ ...s, actual: actual[i]!, actualExit: i === 2 ? 1 : 0 }));
    expect(updateSession(text, results)).toBe('# new\n@seed 7\n$ a\none\n$ b\ntwo\n\n@end\n\n$ c\nprompt: \n@noeol\n@exit 1\n@advance 5\n$ d\n');
    const again = parseSession(updateSession(text, results)).steps;
    expect(again.map((s) => [s.expected, s.expectedExit, s.advanceS])).toEqual([['one\n', undefined, 0], ['two\n\n', undefined, 0], ['prompt: ', 1, 0], ['', undefined, 5]]);
  });
});
