// Test helpers: an engine over the real wasm core, and a terminal-ish way to drive it.
import { createEngine, type EngineDeps } from '../../src/engine';
import { loadCore } from '../../src/sim/core/load-core';

export async function bootEngine(seed = 42, extra: Partial<EngineDeps> = {}, scenario = 'default') {
  const engine = createEngine({ loadCore, ...extra });
  const info = await engine.boot({ seed, attemptId: 'test', scenario });
  return { engine, info };
}

/** Strips ANSI sequences and turns CR LF into LF, for comparing what a user reads. */
export function plain(bytes: string): string {
  return bytes
    .replace(/\x1b\[\?2004[hl]/g, '')
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '');
}
