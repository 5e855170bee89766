// Drives a full-screen program by keystrokes against a real world and a headless xterm, so
// tests assert what the user would see (the screen) and what the system would read (the VFS).
// Part of the one test harness (./harness.ts re-exports it).
import xterm from '@xterm/headless';
import { createReferenceCore } from '../../src/sim/core/reference/reference-core';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { advanceTo } from '../../src/sim/tick';
import type { Program, ProgramFactory } from '../../src/programs/program';
import type { Sim } from '../../src/sim/sim';

export interface Driven {
  sim: Sim;
  program: Program;
  /** Raw bytes written so far. */
  output: () => string;
  exited: () => number | null;
  /** Types keys, then waits for the terminal to render. */
  keys(data: string): Promise<void>;
  /** Advances the simulation clock by whole ticks, calling onTick after each. */
  tick(seconds: number): Promise<void>;
  /** Visible rows of the terminal, trailing spaces trimmed, trailing empty rows dropped. */
  screen(): string;
  /** The cursor (0-based). */
  cursor(): { row: number; col: number };
  /** Which buffer xterm shows: 'alternate' while a full-screen program runs. */
  buffer(): 'normal' | 'alternate';
}

export async function drive(factory: ProgramFactory, opts: { cols?: number; rows?: number; sim?: Sim; host?: string } = {}): Promise<Driven> {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  // The TypeScript reference core: ticks run every subsystem without loading the wasm.
  const sim: Sim = opts.sim ?? { world: buildDefaultWorld(42), core: createReferenceCore() };
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  let out = '';
  let pending = '';
  let exit: number | null = null;
  const flush = () =>
    new Promise<void>((resolve) => {
      const data = pending;
      pending = '';
      term.write(data, resolve);
    });
  const program = factory({
    sim,
    hostName: opts.host ?? 'ovs01',
    cols,
    rows,
    write: (d) => {
      out += d;
      pending += d;
    },
    exit: (code) => {
      exit = code;
    },
  });
  await flush();
  return {
    sim,
    program,
    output: () => out,
    exited: () => exit,
    async keys(data) {
      program.onInput(data);
      await flush();
    },
    async tick(seconds) {
      for (let i = 0; i < seconds; i++) {
        advanceTo(sim, sim.world.clockMs + 1000);
        program.onTick?.();
      }
      await flush();
    },
    screen() {
      const buf = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < rows; i++) lines.push((buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '').trimEnd());
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      return lines.join('\n');
    },
    cursor() {
      const buf = term.buffer.active;
      return { row: buf.cursorY, col: buf.cursorX };
    },
    buffer() {
      return term.buffer.active.type;
    },
  };
}
