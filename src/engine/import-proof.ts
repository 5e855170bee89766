// An import is proven before it replaces anything: each attempt in the file is restored in a
// scratch engine over an in-memory store (bounded like every rebuild: src/engine/replay-guard.ts).
// An attempt that does not load, or whose journal does not replay cleanly, refuses the import.
import { createMemoryStore } from './persistence-memory';
import type { CustomLabRecord, Store, StoreDump } from './store';
import type { BootInfo } from './types';

/** Boots `attemptId` in a scratch engine over `store` (the engine provides it: no import cycle). */
export type ScratchBoot = (store: Store, attemptId: string) => Promise<BootInfo>;

/** Null when every attempt of the dump restores cleanly; else one sentence for the learner. */
export async function proveImport(dump: StoreDump, knownLabs: readonly CustomLabRecord[], boot: ScratchBoot): Promise<string | null> {
  for (const a of dump.attempts) {
    const store = createMemoryStore();
    const mine = <T extends { attemptId: string }>(xs: readonly T[]) => xs.filter((x) => x.attemptId === a.id);
    const labs = [...knownLabs.filter((k) => !dump.customLabs.some((c) => c.id === k.id)), ...dump.customLabs];
    await store.load({ attempts: [a], journal: mine(dump.journal), snapshots: mine(dump.snapshots), terminal: [], progress: [], settings: [], customLabs: labs });
    const name = JSON.stringify(a.id);
    let info: BootInfo;
    try {
      info = await boot(store, a.id);
    } catch (e) {
      return `Attempt ${name} in this file cannot be restored (${e instanceof Error ? e.message : String(e)}). Nothing was imported.`;
    }
    const problem = info.refusal ?? info.notice;
    if (problem) return `Attempt ${name} in this file does not restore cleanly: ${problem} Nothing was imported.`;
  }
  return null;
}
