// Drives a lab through the engine the way a learner would: one terminal per host, typed lines,
// simulated waits, answers. Used by labs.test.ts (every lab's solution) and by authors.
import { durationMs } from '../../src/labs/runtime/resolve';
import { bootEngine, plain } from '../support/engine';
import { findLab } from '../../src/labs/loader';
import { resolveLab } from '../../src/labs/runtime/resolve';
import type { SolutionStep, VarValue } from '../../src/labs/types';

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
  return replaySteps(engine, resolvedLab(engine).doc.solution, true);
}

/** The engine's lab with this attempt's variables filled in (traps included). */
export function resolvedLab(engine: Engine) {
  const rec = JSON.parse(engine.inspect().world).lab as { labId: string; vars: Record<string, VarValue> };
  return resolveLab(findLab(rec.labId)!, rec.vars);
}

/** Simulated time of the attempt's world (ms). */
export const clockMs = (engine: Engine): number => (JSON.parse(engine.inspect().world) as { clockMs: number }).clockMs;

/**
 * Replays steps (variables filled in). An answer without a `value` is the right one, worked out
 * now as the solution would show it. With `strict`, lines that exit non-zero (unless marked
 * `fails`) and refused answers are returned as problems; a trap replays without.
 */
export async function replaySteps(engine: Engine, steps: readonly SolutionStep[], strict = false): Promise<string[]> {
  const problems: string[] = [];
  const solution = resolvedLab(engine).doc.solution;
  for (const step of steps) {
    if ('wait' in step) {
      engine.pump(durationMs(step.wait));
    } else if ('answer' in step) {
      let value = step.value === undefined ? undefined : String(step.value);
      if (value === undefined) {
        const i = solution.findIndex((s) => 'answer' in s && s.answer === step.answer);
        value = engine.labSolutionPreview()![i]!.lines[0]!.split(' ').slice(2).join(' ');
      }
      const r = await engine.labCommand('answer', [step.answer, value]);
      if (strict && r.exitCode !== 0) problems.push(`answer ${step.answer} ${value}: ${r.output}`);
    } else if ('keys' in step) {
      const r = await typeKeys(engine, step.host, step.keys);
      if (strict && r.exit !== 0 && !step.fails) problems.push(`[${step.host}] keys ${JSON.stringify(step.keys)} → exit ${r.exit}\n${r.output}`);
    } else {
      for (const line of Array.isArray(step.run) ? step.run : [step.run]) {
        const r = await typeLine(engine, step.host, line);
        if (strict && r.exit !== 0 && !step.fails) problems.push(`[${step.host}] ${line} → exit ${r.exit}\n${r.output}`);
      }
    }
  }
  return problems;
}
