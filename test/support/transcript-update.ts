// `npm run transcripts:update`: rewrites a golden session with what the sandbox prints now, in
// place, keeping its comments and directives; review the change with `git diff`. A new session can
// be just its `$ ` lines: the outputs, `@exit`, `@noeol` and `@end` are filled in.
import type { StepResult } from './transcript';

/** Directives that belong to the step above them (the others end the step's output). */
const STEP_DIRECTIVES = /^@(exit|noeol|end)\b/;

/** The session text with every step's expected output, exit status and markers taken from `results`. */
export function updateSession(text: string, results: readonly StepResult[]): string {
  const byLine = new Map(results.map((r) => [r.line, r]));
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const r = raw.startsWith('$ ') ? byLine.get(i + 1) : undefined;
    out.push(raw);
    i++;
    if (!r) continue;
    // Skip the old output and the step's own markers; keep the blank lines that separated it from what follows.
    let hadExit = false;
    let blanks = 0;
    while (i < lines.length && !lines[i]!.startsWith('$ ') && (!lines[i]!.startsWith('@') || STEP_DIRECTIVES.test(lines[i]!))) {
      const l = lines[i]!;
      if (l.startsWith('@exit')) hadExit = true;
      blanks = l === '' ? blanks + 1 : 0;
      i++;
    }
    const body = r.actual.endsWith('\n') ? r.actual.slice(0, -1) : r.actual;
    if (r.actual !== '') out.push(...body.split('\n'));
    if (r.actual !== '' && !r.actual.endsWith('\n')) out.push('@noeol');
    if (hadExit || r.actualExit !== 0) out.push(`@exit ${r.actualExit}`);
    if (r.actual.endsWith('\n\n')) out.push('@end');
    for (let b = 0; b < blanks; b++) out.push('');
  }
  return out.join('\n');
}
