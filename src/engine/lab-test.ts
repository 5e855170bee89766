// "Test this lab" for authors: a lab's text is validated, then, on three seeds in scratch
// engines, nothing may be met at the start and the lab's own solution, typed as a learner would
// type it, must meet every objective and break no constraint.
import { customLabId, loadCustomLab } from '../labs/custom';
import { addLab, findLab, loadLabTooling, removeLab } from '../labs/loader';
import { durationMs } from '../labs/runtime/resolve';
import { createMemoryStore } from './persistence-memory';
import type { Store } from './store';
import type { BootInfo, EngineEvent } from './types';
import type { LabView, SolutionStepView } from '../labs/view';
import type { SolutionStep } from '../labs/types';

export const TEST_SEEDS = [1, 20260302, 987654321] as const;
/** Simulated seconds a typed line may run (a migration, a shutdown -w) before the test gives up on it. */
const PROGRAM_BUDGET_S = 900;
const PROMPT_AT_END = /\[[\w.-]+@[\w.-]+ [^\]]*\][#$] $/;

export interface LabTestEngine {
  boot(opts: { attemptId: string; scenario: string; seed: number }): Promise<BootInfo>;
  open(session: string, host: string, cols: number, rows: number): Promise<string>;
  input(session: string, data: string): Promise<string>;
  pump(realMs: number): void;
  sessionInfo(session: string): { lastExit: number } | null;
  subscribe(cb: (e: EngineEvent) => void): void;
  labView(): LabView | null;
  labSolutionPreview(): SolutionStepView[] | null;
  labCommand(command: 'answer', args: string[]): Promise<{ exitCode: number; output: string }>;
}

export interface SeedResult {
  seed: number;
  metAtStart: string[];
  objectives: Array<{ id: string; text: string; met: boolean; reason: string | null }>;
  brokenConstraints: string[];
  /** Solution lines that failed (and were not marked `fails: true`), with their output. */
  problems: string[];
  passed: boolean;
}

export type LabTestResult = { ok: false; errors: string[] } | { ok: true; id: string; title: string; passed: boolean; seeds: SeedResult[] };

const plain = (bytes: string): string =>
  bytes
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '');

async function typeKeys(engine: LabTestEngine, pushed: Map<string, string>, host: string, keys: string): Promise<{ output: string; exit: number }> {
  const session = `sol:${host}`;
  if (!engine.sessionInfo(session)) await engine.open(session, host, 160, 50);
  let output = plain(await engine.input(session, keys));
  for (let s = 0; s < PROGRAM_BUDGET_S && !PROMPT_AT_END.test(output); s++) {
    engine.pump(1000);
    output += plain(pushed.get(session) ?? '');
    pushed.delete(session);
  }
  return { output, exit: engine.sessionInfo(session)?.lastExit ?? 1 };
}

export async function solveLab(engine: LabTestEngine, raw: readonly SolutionStep[]): Promise<string[]> {
  const problems: string[] = [];
  const pushed = new Map<string, string>();
  engine.subscribe((e) => {
    if (e.type === 'output') pushed.set(e.session, (pushed.get(e.session) ?? '') + e.data);
  });
  const steps = engine.labSolutionPreview() ?? [];
  // `raw` may be a prefix of the solution (a partial replay).
  for (let i = 0; i < Math.min(steps.length, raw.length); i++) {
    const step = raw[i]!;
    const view = steps[i]!;
    if ('wait' in step) engine.pump(durationMs(step.wait));
    else if ('answer' in step) {
      // Worked out now, from the world as the solution's commands left it.
      const line = engine.labSolutionPreview()![i]!.lines[0]!;
      const value = line.split(' ').slice(2).join(' ');
      const r = await engine.labCommand('answer', [step.answer, value]);
      if (r.exitCode !== 0) problems.push(`step ${i + 1}: answer ${step.answer} ${value}: ${r.output}`);
    } else if ('keys' in step) {
      const r = await typeKeys(engine, pushed, view.host!, view.keys!);
      if (r.exit !== 0 && !step.fails) problems.push(`step ${i + 1} [${view.host}] keys ${JSON.stringify(step.keys)} → exit ${r.exit}`);
    } else {
      for (const line of view.lines) {
        const r = await typeKeys(engine, pushed, view.host!, line.replace(/\n+$/, '').replace(/\n/g, '\r') + '\r');
        if (r.exit !== 0 && !step.fails) problems.push(`step ${i + 1} [${view.host}] ${line} → exit ${r.exit}\n${r.output.split('\n').slice(1, -1).join('\n')}`);
      }
    }
  }
  return problems;
}

/** Tests a lab's text (`name`: its file name, for the id and the errors). */
export async function testLabText(name: string, text: string, make: (store: Store) => LabTestEngine, seeds: readonly number[] = TEST_SEEDS): Promise<LabTestResult> {
  await loadLabTooling();
  const id = customLabId(name);
  const loaded = loadCustomLab(id, name, text);
  if (!loaded.ok) return loaded;
  const registered = findLab(id);
  const seedResults: SeedResult[] = [];
  try {
    for (const seed of seeds) {
      const store = createMemoryStore();
      await store.putCustomLab({ id, yaml: text, updatedAt: 0, source: name });
      const engine = make(store);
      await engine.boot({ attemptId: 'lab-test', scenario: `lab:${id}`, seed });
      const start = engine.labView();
      if (!start) return { ok: false, errors: [`${name}: the lab could not be started`] };
      const metAtStart = start.objectives.filter((o) => o.met).map((o) => o.id);
      let problems: string[];
      try {
        problems = await solveLab(engine, loaded.value.doc.solution);
      } catch (e) {
        problems = [`the solution could not be replayed: ${e instanceof Error ? e.message : String(e)}`];
      }
      const end = engine.labView()!;
      const brokenConstraints = end.constraints.filter((c) => c.broken).map((c) => c.id);
      const objectives = end.objectives.map((o) => ({ id: o.id, text: o.text, met: o.met, reason: o.reason }));
      const passed = !metAtStart.length && !problems.length && !brokenConstraints.length && objectives.every((o) => o.met);
      seedResults.push({ seed, metAtStart, objectives, brokenConstraints, problems, passed });
    }
  } finally {
    if (registered) addLab(registered);
    else removeLab(id);
  }
  return { ok: true, id, title: loaded.value.doc.title, passed: seedResults.every((s) => s.passed), seeds: seedResults };
}
