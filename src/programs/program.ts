// The contract for programs that take over a terminal: full-screen ones (xentop, vi, less,
// multipathd -k, interactive fdisk, xm console) and long-running ones (sleep, tail -f,
// xm migrate). They are driven by keystrokes and clock ticks only, so they are deterministic.
import type { Sim } from '../sim/sim';

export interface ProgramHost {
  readonly sim: Sim;
  /** The host the program runs on. */
  readonly hostName: string;
  readonly cols: number;
  readonly rows: number;
  /** Sends bytes to the terminal. */
  write(data: string): void;
  /** Returns the terminal to the shell with this exit status. */
  exit(code: number): void;
}

export interface Program {
  /** Raw keystrokes while the program owns the terminal (Ctrl-C arrives as '\x03'). */
  onInput(data: string): void;
  /**
   * The program reads no keys (sleep, ping, tail -f, a busy line): what is typed meanwhile is
   * echoed by the tty and kept for the shell, as a real terminal does; only Ctrl-C and Ctrl-\
   * reach the program (and flush what was typed ahead).
   */
  readonly signalsOnly?: boolean;
  /** The simulation clock advanced one or more ticks. */
  onTick?(): void;
  onResize?(cols: number, rows: number): void;
}

/** Creates the program; it may write its first screen through `host` right away. */
export type ProgramFactory = (host: ProgramHost) => Program;
