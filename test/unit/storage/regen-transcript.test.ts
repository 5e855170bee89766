// Regenerates a golden session from its commands, for review before committing:
//   SESSION=path/to/x.session npx vitest run test/unit/storage/regen-transcript.test.ts
// writes path/to/x.session.out (outputs, @exit, @noeol and @end as the runner expects them).
// Skipped unless SESSION is set.
import { test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSession, runSession } from '../../support/transcript';
test.skipIf(!process.env.SESSION)('regenerate a golden session', async () => {
  const file = process.env.SESSION!;
  const s = parseSession(readFileSync(file, 'utf8'), file);
  const res = await runSession(s);
  const head = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('#') || (l.startsWith('@') && !l.startsWith('@exit') && !l.startsWith('@advance'))).join('\n');
  let out = head + '\n';
  for (const r of res) {
    if (r.advanceS) out += `@advance ${r.advanceS}\n`;
    out += `$ ${r.command}\n${r.actual}`;
    const noEol = r.actual !== '' && !r.actual.endsWith('\n');
    if (noEol) out += '\n@noeol\n';
    out += `@exit ${r.actualExit}\n`;
    if (r.actual.endsWith('\n\n')) out += '@end\n';
  }
  writeFileSync(file + '.out', out);
});
