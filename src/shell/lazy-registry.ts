// A registry whose commands arrive later: the engine shows its first prompt while the command
// implementations (most of the worker's code) are still loading, and awaits `ready` before any
// line runs. Until then it knows no command at all, so nothing can run half-equipped.
import type { CommandSpec, Registry } from './types';

export interface LazyRegistry extends Registry {
  /** Resolves once the commands are in; rejects if they could not be loaded. */
  readonly ready: Promise<void>;
  readonly loaded: boolean;
}

/** Starts loading at once; `load` is called exactly once. */
export function createLazyRegistry(load: () => Promise<Registry>): LazyRegistry {
  let inner: Registry | null = null;
  const ready = load().then((r) => {
    inner = r;
  });
  // A failed load surfaces where `ready` is awaited (the first line), not as an unhandled rejection.
  ready.catch(() => undefined);
  return {
    ready,
    get loaded() {
      return inner !== null;
    },
    get: (name: string): CommandSpec | undefined => inner?.get(name),
    names: () => inner?.names() ?? [],
  };
}
