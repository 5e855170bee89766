// Spawns the engine's worker. On pages that need one (the sandbox, a lab) the first worker is
// spawned as soon as this module runs, so that the worker parses its code while the main thread
// is still parsing xterm and Svelte and building the page; the first client takes it.
let early: Worker | null = null;

function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovm-engine' });
}

if (typeof location !== 'undefined' && /^#\/(sandbox|lab\/)/.test(location.hash)) early = spawnEngineWorker();

/** The early worker if nobody has taken it yet, else a new one. */
export function takeEngineWorker(): Worker {
  const w = early ?? spawnEngineWorker();
  early = null;
  return w;
}
