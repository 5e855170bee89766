// The free sandbox's attempt and the pages that start the engine's worker early, named once: the
// page boots the attempt (ui/state/engine.svelte.ts), its worker boots or prepares it before the
// page's request arrives (self-boot.ts), and the page's first script spawns that worker (early-spawn.ts).

export const SANDBOX_BOOT = { attemptId: 'sandbox', scenario: 'default' } as const;

/** The name of a worker spawned for the sandbox page (then a space and its page lock nonce): it boots or prepares SANDBOX_BOOT at once. */
export const SANDBOX_WORKER_NAME = 'ovm-engine sandbox';

/**
 * The seed of a new attempt started by the sandbox page whose lock nonce (a random UUID) is `nonce`:
 * the page knows it as soon as its first script has run, and so can draw that attempt's first screen
 * before its worker has (ui/terminal/early-terminal.ts); the worker prepares the world from it.
 */
export const seedFromNonce = (nonce: string): number => Number.parseInt(nonce.replace(/-/g, '').slice(0, 8), 16) >>> 0;

/**
 * Where the sandbox page draws a new attempt's terminal before its app (ui/terminal/early-terminal.ts):
 * wide screens with a mouse, where the heights above the terminal are fixed (ui/global.css: the
 * toolbar holds on one line) and no on-screen keys show (TerminalKeys.svelte).
 */
export const EARLY_TERMINAL_MEDIA = '(min-width: 1200px) and (pointer: fine)';

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
