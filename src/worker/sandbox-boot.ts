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

/** The message a sandbox worker posts when its own boot is done, so the page need not wait for its request's answer. */
export interface SelfBootedMessage {
  ovmSelfBooted: import('../engine/types').BootInfo;
}
