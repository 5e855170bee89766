// Drives a lab through the engine the way a learner would: one terminal per host, typed lines,
// simulated waits, answers. Used by labs.test.ts (every lab's solution) and by authors.
import { durationMs } from '../../src/labs/runtime/resolve';
import { bootEngine, plain } from '../support/engine';
import type { SolutionStep } from '../../src/labs/types';

export type Engine = Awaited<ReturnType<typeof bootEngine>>['engine'];

/** Output pushed by the engine (running programs), per session, until a caller takes it. */
const pushed = new WeakMap<Engine, Map<string, string>>();

export async function startLab(id: string, seed: number): Promise<Engine> {
  const { engine } = await bootEngine(seed, {}, `lab:${id}`);
  const out = new Map<string, string>();
  pushed.set(engine, out);
  engine.subscribe((e) => {
    if (e.type === 'output') out.set(e.session, (out.get(e.session) ?? '') + e.data);
  });
  return engine;
}

/** A program still owns the terminal until a prompt comes back. */
const PROMPT_AT_END = /\[root@[\w.-]+ [^\]]*\]# $/;
/** A line that starts a long-running program (`xm shutdown -w`, `xm migrate`) gets this much simulated time. */
const PROGRAM_BUDGET_S = 900;

/** Runs one line in the host's session, letting simulated time pass while a program runs. */
export function typeLine(engine: Engine, host: string, line: string): Promise<{ output: string; exit: number }> {
  // A multi-line entry (a here-document) is typed line by line, as a paste would be.
  return typeKeys(engine, host, line.replace(/\n+$/, '').replace(/\n/g, '\r') + '\r');
}

/** Sends keystrokes (a command and what an interactive program reads) and waits for the prompt. */
export async function typeKeys(engine: Engine, host: string, keys: string): Promise<{ output: string; exit: number }> {
  const session = `sol:${host}`;
  if (!engine.sessionInfo(session)) await engine.open(session, host, 160, 50);
  let output = plain(await engine.input(session, keys));
  const out = pushed.get(engine);
  for (let s = 0; s < PROGRAM_BUDGET_S && !PROMPT_AT_END.test(output); s++) {
    engine.pump(1000);
    output += plain(out?.get(session) ?? '');
    out?.delete(session);
  }
  return { output, exit: engine.sessionInfo(session)!.lastExit };
}

/**
 * Replays the solution as shown to a learner (answers worked out at the moment they are given).
 * Returns a transcript of failures: lines that exited non-zero, with their output.
 */
export async function replaySolution(engine: Engine): Promise<string[]> {
  const problems: string[] = [];
  const steps = engine.labSolutionPreview()!;
  const raw = (await import('../../src/labs/loader')).findLab(engine.labView()!.id)!.doc.solution as SolutionStep[];
  for (let i = 0; i < steps.length; i++) {
    const step = raw[i]!;
    if ('wait' in step) {
      engine.pump(durationMs(step.wait));
    } else if ('answer' in step) {
      // Worked out now, from the world as the learner's commands left it.
      const line = engine.labSolutionPreview()![i]!.lines[0]!;
      const value = line.split(' ').slice(2).join(' ');
      const r = await engine.labCommand('answer', [step.answer, value]);
      if (r.exitCode !== 0) problems.push(`answer ${step.answer} ${value}: ${r.output}`);
    } else if ('keys' in step) {
      const r = await typeKeys(engine, steps[i]!.host!, steps[i]!.keys!);
      if (r.exit !== 0 && !step.fails) problems.push(`[${steps[i]!.host}] keys ${JSON.stringify(step.keys)} → exit ${r.exit}\n${r.output}`);
    } else {
      for (const line of steps[i]!.lines) {
        const r = await typeLine(engine, steps[i]!.host!, line);
        if (r.exit !== 0 && !('fails' in step && step.fails)) problems.push(`[${steps[i]!.host}] ${line} → exit ${r.exit}\n${r.output}`);
      }
    }
  }
  return problems;
}
