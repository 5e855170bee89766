// What a command line runs against: the simulation, the command registry, the session's
// top-level shell frame, the terminal size and the history (for `history` and `!!`).
import type { Sim } from '../sim/sim';
import type { Registry, ShellFrame } from './types';

export interface ShellIo {
  sim: Sim;
  registry: Registry;
  frame: ShellFrame;
  cols: number;
  rows: number;
  history: readonly string[];
}
