// The engine's workshop and authoring calls: hand-ins from the store, re-grades and lab tests in
// scratch engines (an in-memory store each, one shared core reset to its pristine tables), and
// the editor's validation. Re-grades and tests run one at a time.
import { createGate } from './persistence';
import { handInCode, textHash, type ClassLab, type ClassPolicy, type HandIn } from './class-format';
import { parseHandIn, type Parsed } from './class-validate';
import { buildHandIn, labTextOf, storedCustomLabs, type HandInRequest, type LiveAttempt } from './class-handin';
import { regradeHandIn, regradeLab, type RegradeReport, type ScratchEngine } from './regrade';
import { TEST_SEEDS, testLabText, type LabTestEngine, type LabTestResult } from './lab-test';
import { lintLabText, type LabDiagnostic } from './lab-lint';
import { loadLabTooling } from '../labs/loader';
import type { PersistenceDeps } from './persistence-attempt';
import type { Store } from './store';
import type { Sim } from '../sim/sim';
import type { SimCore } from '../sim/core/types';

type ScratchDeps = PersistenceDeps & { onEvaluate?: (sim: Sim) => void };

export interface HandInFile {
  /** The hand-in as JSON text (the file), and as a paste code. */
  json: string;
  code: string;
  fileName: string;
  labs: number;
}

export function createClassTools(deps: PersistenceDeps, make: (d: ScratchDeps) => ScratchEngine & LabTestEngine, live: () => LiveAttempt) {
  const gate = createGate();
  let shared: Promise<{ core: SimCore; pristine: Uint8Array }> | null = null;
  const scratchCore = async (): Promise<SimCore> => {
    shared ??= deps.loadCore().then((core) => ({ core, pristine: core.saveTables() }));
    const { core, pristine } = await shared;
    core.loadTables(pristine);
    return core;
  };
  const scratch = (store: Store, onEvaluate?: (sim: Sim) => void) =>
    make({ loadCore: scratchCore, store, snapshotEvery: Number.POSITIVE_INFINITY, snapshotEveryMs: Number.POSITIVE_INFINITY, ...(onEvaluate && { onEvaluate }) });

  return {
    /** Readies what a first re-grade needs (the scratch core, the lab tooling, the commands) before any hand-in arrives. */
    async warm(): Promise<void> {
      await Promise.all([scratchCore(), loadLabTooling(), import('../shell/registry').then((m) => m.loadRegistry())]);
    },

    async handIn(req: HandInRequest): Promise<Parsed<HandInFile>> {
      const store = deps.store;
      if (!store) return { ok: false, error: 'This browser keeps no attempts, so there is nothing to hand in.' };
      const custom = await storedCustomLabs(store);
      const h: HandIn = await gate(() =>
        buildHandIn(store, req, live(), async (lab) => {
          const r = await regradeLab(lab, req.policy, custom, scratch);
          return r.replayed ? { score: r.score, maxScore: r.maxScore, met: r.objectives.filter((o) => o.met).map((o) => o.id), hintsUsed: r.hintsUsed, solutionShown: r.solutionShown } : null;
        }),
      );
      if (!h.labs.length) return { ok: false, error: 'You have not started any lab of this class yet: there is nothing to hand in.' };
      const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'learner';
      return { ok: true, value: { json: JSON.stringify(h), code: handInCode(h), fileName: `${slug(h.classCode)}-${slug(h.learner)}.handin.json`, labs: h.labs.length } };
    },

    async regrade(text: string, customLabs: ClassLab[] = []): Promise<Parsed<RegradeReport>> {
      const parsed = parseHandIn(text);
      if (!parsed.ok) return parsed;
      return { ok: true, value: await gate(() => regradeHandIn(parsed.value, customLabs, scratch)) };
    },

    async lint(name: string, text: string): Promise<LabDiagnostic[]> {
      return lintLabText(name, text);
    },

    /** `seed`: the index of one of the three test seeds (a call per seed stays well inside the client's call budget), or all. */
    async testLab(name: string, text: string, seed?: number): Promise<LabTestResult> {
      const seeds = seed === undefined ? TEST_SEEDS : TEST_SEEDS.slice(seed, seed + 1);
      return gate(() => testLabText(name, text, (store) => scratch(store), seeds));
    },

    async labText(id: string): Promise<{ yaml: string; version: string } | null> {
      const yaml = await labTextOf(deps.store, id);
      return yaml === undefined ? null : { yaml, version: textHash(yaml) };
    },
  };
}

export type { ClassPolicy };
