// A boot's read-only half, started before the boot is asked for: the sandbox page's worker starts
// it as soon as its code has run, while the page is still mounting (the page's boot request reaches
// the worker only once the page's main thread is free again). It writes nothing; the boot decides
// what of it may be used (persistence-attempt.ts).
import { SCENARIOS, scenarioBuilder } from './scenarios';
import type { AttemptRecord, Store } from './store';
import type { SimCore } from '../sim/core/types';
import type { WorldState } from '../sim/types';
import { newAttemptFirstScreen, type FirstScreen } from './first-screen';

export interface PrepareOptions {
  attemptId: string;
  scenario: string;
  /**
   * Told a new attempt's first screen (first-screen.ts) at `cols` columns as soon as the attempt
   * is known to be new; not told for an attempt that exists. The world is then built only once
   * released (PreparedBoot.release): building it takes the CPU the page needs to draw that screen.
   */
  firstScreen?: { cols: number; show: (screen: FirstScreen) => void };
  /** The seed a new attempt gets (the page may have drawn its first screen already); else a new one. */
  seed?: number;
}

export interface PreparedBoot extends Omit<PrepareOptions, 'firstScreen'> {
  /** The seed a new attempt will get unless the boot names one. */
  seed: number;
  core: Promise<SimCore>;
  /** The attempt's record as read at `readAt` (rejects as the store does). */
  existing: Promise<AttemptRecord | undefined>;
  /** When the record was read, on the clock shared with the page (`sharedNow`). */
  readAt: number;
  /** For a new attempt, its world as built from the scenario and `seed`; null when an attempt exists. */
  world: Promise<WorldState | null>;
  /** Lets the world be built once a first screen was told (a no-op otherwise, and once done). */
  release(): void;
}

export interface PrepareDeps {
  loadCore: () => Promise<SimCore>;
  store: Store;
  newSeed: () => number;
  sharedNow: () => number;
}

/** Starts the reads and the build; never rejects as a whole (a boot that uses a part awaits it). */
export function prepareBoot(deps: PrepareDeps, opts: PrepareOptions): PreparedBoot {
  const seed = (opts.seed ?? deps.newSeed()) >>> 0;
  const core = deps.loadCore();
  core.catch(() => undefined);
  const readAt = deps.sharedNow();
  const existing = deps.store.getAttempt(opts.attemptId);
  existing.catch(() => undefined);
  // Only the named scenarios build without the lab tooling; a lab's world is left to its boot.
  const build = opts.scenario in SCENARIOS ? scenarioBuilder(opts.scenario) : undefined;
  const { firstScreen, ...prepared } = opts;
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const world = existing.then(
    (found) => {
      if (found || !build) return null;
      const screen = firstScreen && newAttemptFirstScreen(opts.scenario, seed, firstScreen.cols);
      if (!screen) return build(seed);
      firstScreen.show(screen);
      return released.then(() => build(seed));
    },
    () => null,
  );
  return { ...prepared, seed, core, existing, readAt, world, release: () => release() };
}

/**
 * Whether a boot may take the prepared attempt record instead of reading it again: a read-only
 * boot always may; a boot that writes only if the record was read after the page got the
 * attempt's lock (`lockedAt`), so that no other tab can have written it since.
 */
export function preparedRecordTrusted(p: PreparedBoot, opts: { readOnly?: boolean; lockedAt?: number }): boolean {
  return !!opts.readOnly || (opts.lockedAt !== undefined && p.readAt >= opts.lockedAt);
}
