// The free sandbox's attempt and the pages that start the engine's worker early, named once: the
// page boots the attempt (ui/state/engine.svelte.ts), its worker boots or prepares it before the
// page's request arrives (self-boot.ts), and the page's first script spawns that worker (early-spawn.ts).

export const SANDBOX_BOOT = { attemptId: 'sandbox', scenario: 'default' } as const;

/** The name of a worker spawned for the sandbox page (then a space and its page lock nonce): it boots or prepares SANDBOX_BOOT at once. */
export const SANDBOX_WORKER_NAME = 'ovm-engine sandbox';

/** `#/sandbox` (not a scenario's sandbox, `#/sandbox/<name>`). */
export const SANDBOX_PAGE = /^#\/sandbox\/?$/;
/** Pages that run the engine at once: their worker is spawned before the page's own code arrives. */
export const ENGINE_PAGE = /^#\/(sandbox|lab\/)/;

export const isSandboxPage = (hash: string): boolean => SANDBOX_PAGE.test(hash);

/** Whether a boot request is the one the sandbox page's worker makes by itself (self-boot.ts). */
export const isSandboxBoot = (opts: { attemptId?: string; scenario?: string; seed?: number; readOnly?: boolean }): boolean =>
  opts.attemptId === SANDBOX_BOOT.attemptId && opts.scenario === SANDBOX_BOOT.scenario && opts.seed === undefined && !opts.readOnly;

/** The terminal session of the sandbox's first server (the sandbox page's terminal). */
export const sandboxSession = (host: string): string => `sandbox:${host}`;

/** The size a sandbox worker opens the first session at before the page's terminal has one. */
export const FIRST_SESSION_SIZE = { cols: 80, rows: 24 } as const;

/**
 * A sandbox worker's own boot, done: its result, and the first server's terminal session already
 * opened (at FIRST_SESSION_SIZE: the page resizes it) with the bytes that gave and the scrollback
 * saved for it, so that the page shows the first prompt without a round trip to the worker.
 */
export interface SelfBooted {
  info: import('../engine/types').BootInfo;
  first: { session: string; scrollback: string | null; out: string } | null;
}

/** The message a sandbox worker posts when its own boot is done. */
export interface SelfBootedMessage {
  ovmSelfBooted: SelfBooted;
}

/**
 * What a sandbox worker's first terminal will show, posted before its boot when the attempt is new
 * (the world is still being built): the page shows it at once and, once the session is open,
 * writes only what differs (src/worker/client.ts).
 */
export interface FirstScreen {
  session: string;
  text: string;
}

/** The message a sandbox worker posts with a new attempt's first screen. */
export interface FirstScreenMessage {
  ovmFirstScreen: FirstScreen;
}
