// Loads the wasm core lazily (never at module top level: a top-level await in the worker's
// imports silently loses comlink messages, see TOOLCHAIN.md) and wraps it as a SimCore.
import initCore from './generated/core.wasm?init';
import type { SimCore } from './types';

interface CoreExports {
  abiVersion(): number;
  memory: { buffer: ArrayBuffer };
}

let loading: Promise<SimCore> | undefined;

/** The one way to get the wasm core; memoised, so the module is instantiated once. */
export function loadCore(): Promise<SimCore> {
  return (loading ??= initCore({ env: { abort: coreAbort } }).then((instance) => wrapCore(instance.exports as unknown as CoreExports)));
}

function coreAbort(): never {
  throw new Error('wasm core aborted');
}

function wrapCore(x: CoreExports): SimCore {
  // Temporary until the table wrapper lands: only the snapshot surface is wired.
  return {
    kind: 'wasm',
    abiVersion: () => x.abiVersion(),
    saveTables: () => new Uint8Array(x.memory.buffer.slice(0)),
    loadTables: (bytes: Uint8Array) => new Uint8Array(x.memory.buffer).set(bytes.subarray(0, x.memory.buffer.byteLength)),
  } as unknown as SimCore;
}
