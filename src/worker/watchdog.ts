// Tells a hung worker from a slow machine. The worker beats every 250 ms from its own event loop;
// a call counts as hung only when the worker has beaten before (it is loaded) and then stays
// silent for HANG_MS while the main thread itself was awake to hear it. Downloads and boots
// have no budget: a slow network or a 6× slower CPU only makes them slower.

/** Silence (ms) of a loaded worker, with a call in flight, that means it is stuck. */
export const HANG_MS = 15_000;
/** How often the main thread looks. */
const CHECK_MS = 1000;
/** A check this late means the main thread was blocked: the worker gets a fresh grace period. */
const LATE_MS = 3000;

export class Watchdog {
  #lastBeat = 0;
  #lastCheck = 0;
  #alive = false;
  #busy = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly onHung: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts watching a (new) worker: it is not considered loaded until its first beat. */
  start(): void {
    this.stop();
    this.#alive = false;
    this.#busy = 0;
    this.#lastBeat = this.#lastCheck = this.now();
    this.#timer = setInterval(() => this.check(), CHECK_MS);
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The worker's heartbeat arrived. */
  beat(): void {
    this.#alive = true;
    this.#lastBeat = this.now();
  }

  /** Whether the worker has shown it is loaded and running. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Wraps a call: while any is in flight, silence counts. */
  async watch<T>(p: Promise<T>): Promise<T> {
    this.#busy++;
    try {
      return await p;
    } finally {
      this.#busy--;
    }
  }

  /** One look (public for tests). */
  check(): void {
    const now = this.now();
    const late = now - this.#lastCheck > LATE_MS;
    this.#lastCheck = now;
    if (late) {
      // Our own thread was blocked (a busy machine): the beats may be queued behind us.
      this.#lastBeat = now;
      return;
    }
    if (this.#alive && this.#busy > 0 && now - this.#lastBeat > HANG_MS) {
      this.stop();
      this.onHung();
    }
  }
}
