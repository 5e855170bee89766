// The worker's first module: starts what the first boot waits for — the database's opening (its
// creation on a first visit) and the wasm core's download and compile — before the rest of the
// worker's code is evaluated (~100 ms on a slow machine), so that they go on meanwhile.
import { createIdbStore } from '../persist/idb-store';
import { loadCore as loadCoreOf } from '../sim/core/load-core';
import { SANDBOX_CAPACITIES } from '../sim/core/types';

type Notify = (level: 'info' | 'warn' | 'error', text: string) => void;

// Storage hooks report through the engine's event stream, bound once the engine exists.
let notify: Notify = () => undefined;
export const bindStoreNotices = (n: Notify): void => void (notify = n);

export const store = createIdbStore(undefined, {
  onBlocked: () => notify('warn', 'An older OVM Sandbox tab is holding the saved data open: close other OVM Sandbox tabs to finish updating.'),
  onBlocking: () => notify('warn', 'A newer version of OVM Sandbox was opened in another tab: reload this tab to keep saving.'),
  onPruned: (n) => notify('warn', `Browser storage was full: ${n} older snapshot${n === 1 ? ' was' : 's were'} removed to make room (no command was lost).`),
});
store.warm();

// The first core is compiled meanwhile (not awaited here: see load-core.ts); the first boot takes
// it, later boots (reset, restart of an attempt) load their own.
const loadCore = () => loadCoreOf({ capacities: SANDBOX_CAPACITIES });
let firstCore: ReturnType<typeof loadCore> | null = loadCore();
firstCore.catch(() => undefined); // a failure is reported by the boot that awaits it

/** The core compiled at start if nobody has taken it yet, else a new one. */
export const takeCore = (): ReturnType<typeof loadCore> => {
  const p = firstCore ?? loadCore();
  firstCore = null;
  return p;
};
