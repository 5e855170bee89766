// A registry whose commands arrive later: the engine shows its first prompt while the command
// implementations (most of the worker's code) are still loading, and awaits `ready` before any
// line runs. Until then it knows no command at all, so nothing can run half-equipped.
import type { CommandSpec, Registry } from './types';

export interface LazyRegistry extends Registry {
  /** Starts loading (once); resolves when the commands are in, rejects if they could not be loaded. */
  ready(): Promise<void>;
  readonly loaded: boolean;
}

/** Loads on the first `ready()`; `load` is called exactly once. */
export function createLazyRegistry(load: () => Promise<Registry>): LazyRegistry {
  let inner: Registry | null = null;
  let loading: Promise<void> | null = null;
  return {
    ready() {
      loading ??= load().then(
        (r) => {
          inner = r;
        },
        (e: unknown) => {
          // A lost chunk (a flaky network) is tried again by the next line.
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    get loaded() {
      return inner !== null;
    },
    get: (name: string): CommandSpec | undefined => inner?.get(name),
    names: () => inner?.names() ?? [],
    get shell() {
      return inner?.shell;
    },
  };
}
