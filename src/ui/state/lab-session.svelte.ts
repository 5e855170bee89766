// One lab attempt on the page: its own engine worker (disposed when the page closes), the
// reactive lab view the engine pushes, and the panel's actions (which run as lab commands).
import { EngineClient } from '../../worker/client';
import type { BootInfo, ClockStatus } from '../../engine/types';
import type { LabView } from '../../labs/view';
import type { ClassPolicy } from '../../engine/class-format';

/** `lab:<id>` for a learner's own attempt; `lab:<id>@<seed>` when a URL asks for a seed. */
export const labAttemptId = (labId: string, seed?: number): string => (seed === undefined ? `lab:${labId}` : `lab:${labId}@${seed}`);

export class LabSession {
  boot = $state<BootInfo | null>(null);
  clock = $state<ClockStatus | null>(null);
  view = $state.raw<LabView | null>(null);
  notice = $state<string | null>(null);
  /** The last panel action's reply (an answer's verdict), for a polite live region. */
  reply = $state<{ objective: string; ok: boolean; text: string } | null>(null);
  busy = $state(false);
  /** Booted, but the world has no lab: the id names no lab of this build. */
  missing = $state(false);
  readonly client: EngineClient;
  readonly labId: string;
  readonly #seed: number | undefined;

  /** `inClass`: an attempt of a class (its own attempt id, the class's assessment options). */
  constructor(labId: string, seed?: number, inClass?: { attemptId: string; policy: ClassPolicy }) {
    this.labId = labId;
    this.#seed = seed;
    this.client = new EngineClient(
      { attemptId: inClass?.attemptId ?? labAttemptId(labId, seed), scenario: `lab:${labId}`, ...(seed !== undefined && { seed }), ...(inClass && { policy: inClass.policy }) },
      {
        onBoot: (info) => {
          this.boot = info;
          this.notice = info.notice;
          void this.client.call((api) => api.labView()).then((v) => {
            this.view = v;
            this.missing = v === null;
          });
        },
        onClock: (c) => (this.clock = c),
        onLab: (v) => (this.view = v),
        onRestart: (reason) => (this.notice = `The simulator ${reason.replace(/^the simulator /, '')}; it was restarted from your saved work.`),
      },
    );
  }

  async #command(command: 'hint' | 'answer' | 'solution', args: string[]) {
    this.busy = true;
    try {
      return await this.client.call((api) => api.labCommand(command, args));
    } finally {
      this.busy = false;
    }
  }

  async hint(objective: string): Promise<void> {
    await this.#command('hint', [objective]);
  }

  async answer(objective: string, value: string): Promise<void> {
    const r = await this.#command('answer', [objective, value]);
    this.reply = { objective, ok: r.exitCode === 0, text: r.output };
  }

  async showSolution(): Promise<void> {
    await this.#command('solution', ['--show']);
  }

  async setSpeed(speed: number): Promise<void> {
    this.clock = await this.client.setSpeed(speed);
  }

  /**
   * Starts the lab again from its scenario: a new seed (new variables), or the same one for an
   * attempt pinned by `?seed=`. The page remounts its terminals afterwards.
   */
  async reset(): Promise<void> {
    this.reply = null;
    this.boot = await this.client.call((api) => api.resetAttempt(this.#seed));
    this.view = await this.client.call((api) => api.labView());
  }

  dispose(): void {
    this.client.dispose();
  }
}
