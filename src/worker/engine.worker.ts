// The worker: exposes the engine synchronously (no top-level await before expose, or comlink
// loses messages) and drives the simulation clock from real time.
import { expose } from 'comlink';
import { createEngine } from '../engine';
import { loadCore } from '../sim/core/load-core';
import { createIdbStore } from '../persist/idb-store';

const engine = createEngine({ loadCore, store: createIdbStore(), wallNow: () => Date.now(), newSeed: () => (Math.random() * 2 ** 32) >>> 0 });
expose(engine);

let last = performance.now();
setInterval(() => {
  const now = performance.now();
  engine.pump(now - last);
  last = now;
}, 250);
