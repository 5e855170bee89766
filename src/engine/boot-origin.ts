// Where a boot starts from: the attempt's record (as the prepare read it, if that read is still
// true, else read now), its seed and scenario, why saving must stay off before anything is written
// (storage that cannot be read, a journal of a newer version), and the world a new attempt gets.
import { SCENARIOS, scenarioBuilder } from './scenarios';
import { JOURNAL_VERSION, type AttemptRecord, type Store } from './store';
import { preparedRecordTrusted, type PreparedBoot } from './prepared-boot';
import type { WorldState } from '../sim/types';

const NEWER_DB = 'Your saved work was written by a newer version of OVM Sandbox: open it with that version (and export it there), or reset everything to start fresh here. Nothing here is saved meanwhile.';

export interface BootOrigin {
  existing: AttemptRecord | undefined;
  seed: number;
  scenario: string;
  /** Why nothing may be written (shown to the learner), or null. */
  refusal: string | null;
  /** The attempt's record as a new attempt writes it. */
  newRecord(wallNow: number): AttemptRecord;
  /** The scenario's world for the seed, built now (its builder looked up when called: a lab opened from a file registers first). */
  build(): WorldState;
  /** The same, but the prepared world the first time, when it was built for this scenario and seed. */
  buildNew(): WorldState;
}

/** `prep`: the prepare's work, if any (used only when it was for `attemptId`). */
export async function bootOrigin(
  store: Pick<Store, 'getAttempt'>,
  prep: PreparedBoot | null,
  attemptId: string,
  opts: { scenario?: string; seed?: number; readOnly?: boolean; lockedAt?: number },
  newSeed: () => number,
): Promise<BootOrigin> {
  const mine = prep?.attemptId === attemptId ? prep : null;
  let existing: AttemptRecord | undefined;
  let refusal: string | null = null;
  try {
    existing = await (mine && preparedRecordTrusted(mine, opts) ? mine.existing : store.getAttempt(attemptId));
  } catch (e) {
    refusal =
      (e as { name?: string } | null)?.name === 'VersionError'
        ? NEWER_DB
        : `Saving is off: this browser's storage cannot be opened (${e instanceof Error ? e.message : String(e)}). Nothing you do here is kept.`;
  }
  const seed = existing?.seed ?? opts.seed ?? mine?.seed ?? newSeed() >>> 0;
  const scenario = existing?.scenario ?? opts.scenario ?? 'default';
  if ((existing?.journalVersion ?? 1) > JOURNAL_VERSION) {
    refusal = `This attempt was saved by a newer version of OVM Sandbox (journal ${existing!.journalVersion}, this build reads up to ${JOURNAL_VERSION}): export it first, or start fresh. Nothing here is saved meanwhile.`;
  }
  let unused = mine && !existing && mine.scenario === scenario && mine.seed === seed ? await mine.world : null;
  const build = () => (scenarioBuilder(scenario) ?? SCENARIOS.default!)(seed);
  return {
    existing,
    seed,
    scenario,
    refusal,
    newRecord: (now) => ({ id: attemptId, seed, scenario, createdAt: now, updatedAt: now, journalVersion: JOURNAL_VERSION }),
    build,
    buildNew() {
      const world = unused ?? build();
      unused = null;
      return world;
    },
  };
}
