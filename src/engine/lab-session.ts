// The lab session inside the engine: which world an attempt starts from (a lab, a scenario
// base), the evaluation hooks (after every command, journal record and tick), the batched lab
// event to the UI, progress in the store, and the panel's commands (run in a hidden session so
// that they are journaled and replayed like typed ones).
import { evaluateLab, beforeCommand, labOf } from '../labs/runtime/runtime';
import { buildLabView, solutionSteps } from '../labs/runtime/build-view';
import { faultRegistry } from '../labs/faults';
import { bundledCatalog, findLab, loadLabTooling } from '../labs/loader';
import { buildBaseWorld, buildLabWorld, labCards, scenarioBases } from '../labs/start';
import { mergeProgress, progressChanged } from './lab-progress';
import { createCustomLabs, type CustomLabInfo } from './custom-labs';
import type { Registry, CommandSpec } from '../shell/types';
import type { Sim } from '../sim/sim';
import type { WorldState } from '../sim/types';
import { writeCount } from '../sim/vfs';
import type { LabCard, LabView, SolutionStepView } from '../labs/view';
import type { EngineEvent } from './types';
import type { ProgressRecord, Store } from './store';

/** The session id of the lab panel's hidden terminal. */
export const PANEL_SESSION = 'lab-panel';

export const LAB_PREFIX = 'lab:';

/** A world builder for `lab:<id>` or a scenario base of labs/_scenarios, else undefined. */
export function labScenarioBuilder(name: string): ((seed: number) => WorldState) | undefined {
  if (name.startsWith(LAB_PREFIX)) {
    const id = name.slice(LAB_PREFIX.length);
    return findLab(id) ? (seed) => buildLabWorld(id, seed) : undefined;
  }
  return bundledCatalog().scenarios[name] ? (seed) => buildBaseWorld(name, seed)! : undefined;
}

export interface FaultMenuItem {
  name: string;
  label: string;
  summary: string;
  args: Array<{ name: string; required: boolean; type: string; choices: string[] | null; byHost?: Record<string, string[]> }>;
}

export interface CatalogInfo {
  labs: LabCard[];
  progress: ProgressRecord[];
  scenarios: Array<{ name: string; title: string; description: string }>;
  /** Problems with bundled lab files (empty in a healthy build). */
  errors: string[];
  /** Labs opened from a file or a URL, kept in this browser. */
  custom: CustomLabInfo[];
}

/** Quotes a panel-supplied value for the shell: one word, no expansion, no control characters. */
export function shellQuote(value: string): string {
  const clean = value.replace(/[\x00-\x1f\x7f]/g, ' ').trim();
  return `'${clean.replace(/'/g, `'\\''`)}'`;
}

export function createLabHost(deps: { emit: (e: EngineEvent) => void; store?: Store; wallNow: () => number }) {
  let lastJson = '';
  let progress: ProgressRecord | undefined;
  let progressLoadedFor = '';
  const custom = createCustomLabs(deps.store, deps.wallNow);

  /**
   * The lab is evaluated after every command (a fault may follow an objective met halfway through
   * a line) and again after every journal record (a line's redirections write after its last
   * command, a program's keys change the world with no command). The second is the same
   * evaluation of the same world when nothing happened since the first: `settledAfter` is what
   * the last command left (its world, clock and file writes; cleared by a program or a session
   * action, which act after it), `lastChange` the world and clock of the last record or tick
   * (a tick between the two, in any session, means evaluating again).
   */
  let settledAfter: { world: WorldState; clockMs: number; writes: number } | null = null;
  let lastChange: { world: WorldState | null; clockMs: number } = { world: null, clockMs: -1 };

  /** Runs the lab hooks around every command of the registry. */
  function wrapRegistry(inner: Registry): Registry {
    const wrapped = new Map<string, CommandSpec>();
    return {
      names: () => inner.names(),
      get(name) {
        const spec = inner.get(name);
        if (!spec) return undefined;
        let w = wrapped.get(name);
        if (!w) {
          w = {
            ...spec,
            run(ctx) {
              beforeCommand(ctx.sim, [ctx.name, ...ctx.args]);
              const r = spec.run(ctx);
              const settled = evaluateLab(ctx.sim);
              const w = ctx.sim.world;
              settledAfter = settled && w.lab && !r.program && !r.action ? { world: w, clockMs: w.clockMs, writes: writeCount() } : null;
              return r;
            },
          };
          wrapped.set(name, w);
        }
        return w;
      },
    };
  }

  async function saveProgress(view: LabView): Promise<void> {
    const store = deps.store;
    // Optional calls: the progress part of the port may be absent in a minimal store.
    if (!store?.getProgress || !store.putProgress) return;
    if (progressLoadedFor !== view.id) {
      progress = await store.getProgress(view.id);
      progressLoadedFor = view.id;
    }
    const next = mergeProgress(progress, view, deps.wallNow());
    if (!progressChanged(progress, next)) return;
    progress = next;
    await store.putProgress(next);
  }

  return {
    wrapRegistry,
    custom,

    /** Before an attempt boots on `scenario`: a custom lab is read from the store and registered. */
    async prepare(scenario: string): Promise<void> {
      // The lab tooling (YAML parser, validators) loads on demand: the default sandbox never waits for it.
      if (scenario !== 'default') await loadLabTooling();
      return custom.prepare(scenario);
    },

    /** The world may have changed (a journal record, a tick): re-evaluate the lab. */
    afterChange(sim: Sim | null): void {
      const w = sim?.world;
      const after = settledAfter;
      const last = lastChange;
      settledAfter = null;
      lastChange = { world: w ?? null, clockMs: w?.clockMs ?? -1 };
      if (!sim || !w?.lab) return;
      // Nothing since the last command's evaluation: this one would find the same (see settledAfter).
      if (after && after.world === w && after.clockMs === w.clockMs && after.writes === writeCount() && last.world === w && last.clockMs === w.clockMs) return;
      evaluateLab(sim);
    },

    /** Forgets what was sent (a new boot). */
    reset(): void {
      settledAfter = null;
      lastChange = { world: null, clockMs: -1 };
      lastJson = '';
      progressLoadedFor = '';
      progress = undefined;
    },

    view(sim: Sim | null): LabView | null {
      return sim ? buildLabView(sim) : null;
    },

    solutionPreview(sim: Sim | null): SolutionStepView[] | null {
      const lab = sim ? labOf(sim.world) : null;
      return sim && lab ? solutionSteps(sim, lab) : null;
    },

    /** Sends the lab view if it changed since the last one, and records progress. */
    async flush(sim: Sim | null): Promise<void> {
      const view = sim ? buildLabView(sim) : null;
      if (!view) return;
      const json = JSON.stringify(view);
      if (json === lastJson) return;
      lastJson = json;
      deps.emit({ type: 'lab', view });
      try {
        await saveProgress(view);
      } catch {
        // Progress is a convenience over the attempt itself (which is journaled): never fatal.
      }
    },

    async catalog(): Promise<CatalogInfo> {
      await loadLabTooling();
      let stored: ProgressRecord[] = [];
      try {
        stored = (await deps.store?.listProgress?.()) ?? [];
      } catch {
        stored = [];
      }
      return { labs: labCards(), progress: stored, scenarios: scenarioBases(), errors: bundledCatalog().errors, custom: await custom.list() };
    },

    /** The menu's faults; an `hba` argument lists each host's HBA ports (SCSI host numbers). */
    faultMenu(sim?: Sim | null): FaultMenuItem[] {
      const hbas: Record<string, string[]> = {};
      for (const [host, san] of Object.entries(sim?.world.san?.hosts ?? {})) hbas[host] = san.hbas.map((b) => String(b.scsiHost));
      return Object.entries(faultRegistry)
        .filter(([, d]) => d.menu)
        .map(([name, d]) => ({
          name,
          label: d.menu!,
          summary: d.summary,
          args: Object.entries(d.args).map(([arg, schema]) => ({
            name: arg,
            required: d.required.includes(arg),
            type: String(schema.type ?? 'string'),
            choices: Array.isArray(schema.enum) ? (schema.enum as string[]) : null,
            ...(arg === 'hba' && { byHost: hbas }),
          })),
        }));
    },
  };
}

export type LabHost = ReturnType<typeof createLabHost>;
