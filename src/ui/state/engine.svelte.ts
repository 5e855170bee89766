// The one engine client of the page, and the reactive facts the UI shows about it.
import { EngineClient } from '../../worker/client';
import { SANDBOX_BOOT } from '../../worker/sandbox-boot';
import type { BootInfo, ClockStatus } from '../../engine/types';

class EngineState {
  boot = $state<BootInfo | null>(null);
  clock = $state<ClockStatus | null>(null);
  notice = $state<string | null>(null);
  client: EngineClient;

  constructor() {
    this.client = new EngineClient(
      { ...SANDBOX_BOOT },
      {
        // At once: the toolbar's facts and fault menu take their room in the same frame as the
        // first prompt (drawn later, they moved the terminal under it on narrow screens).
        onBoot: (info) => {
          this.boot = info;
          this.notice = info.notice;
        },
        onClock: (c) => (this.clock = c),
        onRestart: (reason) => (this.notice = `The simulator ${reason.replace(/^the simulator /, '')}; it was restarted from your saved work.`),
      },
    );
  }

  async setSpeed(speed: number): Promise<void> {
    this.clock = await this.client.setSpeed(speed);
  }
}

let instance: EngineState | undefined;
/** Created on first use, so a page that never needs the engine never starts the worker. */
export const engineState = (): EngineState => (instance ??= new EngineState());
