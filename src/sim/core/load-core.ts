// Loads the wasm core lazily (never at module top level: a top-level await in the worker's
// imports silently loses comlink messages, see TOOLCHAIN.md) and wraps it as a SimCore. Every
// call gives a fresh instance with its own tables, so two simulations never share numbers.
// The TypeScript reference (tests, benches) is imported only when asked for: the app never runs it.
import initCore from './generated/core.wasm?init';
import initDebugCore from './generated/core.debug.wasm?init';
import { DEFAULT_CAPACITIES, type CoreCapacities, type SimCore } from './types';
import { createWasmCore, type CoreExports } from './wasm-core';

export interface LoadCoreOptions {
  capacities?: CoreCapacities;
  /** 'wasm' (default) or the TypeScript reference model behind the same interface. */
  kind?: 'wasm' | 'reference';
  /** The debug build (assertions, names) instead of the release build. */
  debug?: boolean;
}

/** A new core (the wasm release build unless told otherwise), tables sized by `capacities`. */
export async function loadCore(opts: LoadCoreOptions = {}): Promise<SimCore> {
  if (opts.kind === 'reference') return (await import('./reference/reference-core')).createReferenceCore(opts.capacities ?? DEFAULT_CAPACITIES);
  const init = opts.debug ? initDebugCore : initCore;
  const instance = await init({ env: { abort: coreAbort } });
  return createWasmCore(instance.exports as unknown as CoreExports, opts.capacities ?? DEFAULT_CAPACITIES);
}

function coreAbort(): never {
  throw new Error('wasm core aborted');
}
