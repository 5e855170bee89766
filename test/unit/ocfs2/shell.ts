// Test harness for the storage-stack tests: a world from a scenario builder, the real shell
// (registry + executor) on any host, programs (prompts) driven by typed answers. No wasm core:
// the OCFS2, mount and agent commands never touch it.
import { runLine } from '../../../src/shell/executor';
import { createRegistry } from '../../../src/shell/registry';
import { newFrame } from '../../../src/shell/prompt';
import { advanceTo } from '../../../src/sim/tick';
import type { Sim } from '../../../src/sim/sim';
import type { SimCore } from '../../../src/sim/core/types';
import type { ShellFrame } from '../../../src/shell/types';
import type { WorldState } from '../../../src/sim/types';

export interface Ran {
  /** What the terminal shows (stdout and stderr as the executor orders them; CR LF as LF). */
  out: string;
  exit: number;
}

export class Shells {
  readonly sim: Sim;
  readonly registry = createRegistry();
  readonly frames = new Map<string, ShellFrame>();

  constructor(world: WorldState) {
    this.sim = { world, core: {} as SimCore };
  }

  get world(): WorldState {
    return this.sim.world;
  }

  frame(host: string): ShellFrame {
    let f = this.frames.get(host);
    if (!f) {
      f = newFrame(host);
      this.frames.set(host, f);
    }
    return f;
  }

  /** Runs a line on a host; `answers` are typed into a program (one line each) if one starts. */
  run(host: string, line: string, ...answers: string[]): Ran {
    const frame = this.frame(host);
    const io = { sim: this.sim, registry: this.registry, frame, cols: 80, rows: 24, history: [] as string[] };
    const r = runLine(io, line);
    let out = r.output;
    let exit = r.exitCode;
    if (r.program) {
      let done: number | null = null;
      const p = r.program({ sim: this.sim, hostName: host, cols: 80, rows: 24, write: (d) => (out += d), exit: (c) => (done = c) });
      for (const a of answers) {
        if (done !== null) break;
        p.onInput(a + '\r');
      }
      if (done === null) throw new Error(`program still running after answers: ${line}`);
      exit = done;
      frame.lastExit = exit;
      if (r.resume) {
        const rest = r.resume(exit);
        out += rest.output;
        exit = rest.exitCode;
      }
    }
    return { out: out.replace(/\r\n/g, '\n'), exit };
  }

  /** Advances the simulation clock by whole seconds. */
  advance(seconds: number): void {
    advanceTo(this.sim, this.sim.world.clockMs + seconds * 1000);
  }
}
