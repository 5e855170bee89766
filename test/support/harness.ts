// The one way tests put a shell on a world: build a Sim (any scenario, wasm / reference / no core),
// then either a terminal (a TtySession: echo, prompt, programs, clock ticks) or bare shells on
// several hosts (the executor, with answers typed into a program). Programs alone: ./screen.ts.
// The old per-area helpers (test/unit/{xen,storage,ocfs2,programs}) re-export from here.
import { shellRuntime } from '../../src/shell/shell-runtime';
import { SCENARIOS } from '../../src/engine/scenarios';
import { loadCore } from '../../src/sim/core/load-core';
import { createReferenceCore } from '../../src/sim/core/reference/reference-core';
import { advanceTo } from '../../src/sim/tick';
import { runLine } from '../../src/shell/executor';
import { newFrame } from '../../src/shell/prompt';
import { createRegistry } from '../../src/shell/registry';
import { TtySession, newSessionState } from '../../src/tty/session';
import { plain } from './engine';
import type { SimCore } from '../../src/sim/core/types';
import type { Sim } from '../../src/sim/sim';
import type { CommandSpec, Registry, ShellFrame } from '../../src/shell/types';
import type { WorldState } from '../../src/sim/types';

/** Which numeric core ticks beside the world: the wasm build, the TypeScript reference, or none (a stub). */
export type CoreKind = 'wasm' | 'reference' | 'none';

export interface SimOptions {
  /** A scenario of src/engine/scenarios (default 'default'), built with `seed` (default 42). */
  scenario?: string;
  seed?: number;
  /** A world built by the test instead of a scenario. */
  world?: WorldState;
  core?: CoreKind;
}

/** A Sim for a test. With core 'none', anything that needs the core's numbers is out of reach. */
export async function makeSim(o: SimOptions = {}): Promise<Sim> {
  return { world: worldOf(o), core: o.core === 'reference' ? createReferenceCore() : o.core === 'none' ? stubCore() : await loadCore() };
}

/** The same without waiting for the wasm (reference or no core only). */
export function makeSimSync(o: SimOptions & { core: 'reference' | 'none' }): Sim {
  return { world: worldOf(o), core: o.core === 'reference' ? createReferenceCore() : stubCore() };
}

const worldOf = (o: SimOptions): WorldState => o.world ?? SCENARIOS[o.scenario ?? 'default']!(o.seed ?? 42);
const stubCore = (): SimCore => ({}) as SimCore;

/** A registry of just these commands (a test that wants one family without the rest of the shell). */
export function registryOf(specs: readonly CommandSpec[]): Registry {
  const map = new Map(specs.map((s) => [s.name, s]));
  const names = [...map.keys()].sort();
  return { get: (n) => map.get(n), names: () => names, shell: shellRuntime };
}

export interface Terminal {
  sim: Sim;
  world: WorldState;
  /** Types a line and Enter; returns what the screen shows after the echo, without the next prompt (ANSI stripped). */
  run(line: string): string;
  /** Raw keys; returns the raw bytes written. */
  keys(data: string): string;
  /** Advances the clock by whole seconds, ticking a running program each second; returns what it wrote (plain). */
  tick(seconds: number): string;
  /** Jumps the clock by `seconds` at once, then lets a running program see one tick; returns what it wrote (plain). */
  advance(seconds: number): string;
  /** True while a program owns the terminal. */
  busy(): boolean;
  /** `$?` of the last command. */
  lastExit(): number;
}

export interface TerminalOptions {
  host?: string;
  cols?: number;
  rows?: number;
  /** The shell's commands (default: the full registry). */
  registry?: Registry;
}

const PROMPT_AT_END = /\[root@[^\]\n]+\]# $/;

/** A terminal session on `sim`, as a learner's tab has it (line editor, prompt, full-screen programs). */
export function terminal(sim: Sim, o: TerminalOptions = {}): Terminal {
  const state = newSessionState('t', o.host ?? Object.keys(sim.world.hosts)[0]!, o.cols ?? 200, o.rows ?? 40);
  const session = new TtySession(state, () => sim, o.registry ?? createRegistry(), () => {});
  session.attach();
  return {
    sim,
    get world() {
      return sim.world;
    },
    run(line) {
      const out = plain(session.input(line + '\r'));
      const echoed = line + '\n';
      return (out.startsWith(echoed) ? out.slice(echoed.length) : out).replace(PROMPT_AT_END, '');
    },
    keys: (data) => session.input(data),
    tick(seconds) {
      let out = '';
      for (let i = 0; i < seconds; i++) {
        advanceTo(sim, sim.world.clockMs + 1000);
        out += session.tick();
        // As the engine does after a tick: keys typed ahead during a program reach the shell.
        if (session.hasTypeahead) out += session.input('');
      }
      return plain(out);
    },
    advance(seconds) {
      advanceTo(sim, sim.world.clockMs + seconds * 1000);
      return plain(session.tick());
    },
    busy: () => session.busy,
    lastExit: () => state.frames[state.frames.length - 1]!.lastExit,
  };
}

export interface Ran {
  /** What the terminal shows (stdout and stderr as the executor orders them; CR LF as LF). */
  out: string;
  exit: number;
}

/** Bare shells (no line editor) on every host of one world: a line in, its output and status out. */
export class Shells {
  readonly sim: Sim;
  readonly registry: Registry;
  readonly frames = new Map<string, ShellFrame>();

  constructor(world: WorldState, core: SimCore = stubCore(), registry: Registry = createRegistry()) {
    this.sim = { world, core };
    this.registry = registry;
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
