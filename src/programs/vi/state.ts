// The state one vi session shares between its modes: buffer, window, mode, pending keys,
// command line and message. A plain object so each mode's module can work on it.
import { Screen } from '../screen';
import { ViBuffer } from './buffer';
import { STYLE, type ViewState } from './view';
import type { FileArg } from '../file-io';
import type { ProgramHost } from '../program';

export type Mode = 'normal' | 'insert' | 'cmdline';

/** The bottom line's text when no command line is being typed; `style` is an SGR code. */
export interface Message {
  text: string;
  style?: string;
}

export class ViState {
  readonly host: ProgramHost;
  /** null: an unnamed buffer, until `:w NAME` gives it one. */
  file: FileArg | null;
  /** Resolves names given to `:w NAME`. */
  readonly cwd: string;
  readonly screen: Screen;
  buf: ViBuffer = new ViBuffer(['']);
  view: ViewState = { top: 0, number: false };
  mode: Mode = 'normal';
  cmdline = '';
  /** ':' or '/' or '?': what the command line is for. */
  cmdKind = ':';
  msg: Message | null = null;
  /** Keys typed so far of a command not yet complete: a count and/or an operator (`3d`). */
  pending = '';
  lastSearch: { pattern: string; forward: boolean } | null = null;
  /** Whether the file ended with a newline; a write keeps it as it was ([noeol]). */
  eol = true;
  done = false;
  /** A message too wide for the screen is showing "Press ENTER"; the next key dismisses it. */
  hitEnter = false;

  constructor(host: ProgramHost, file: FileArg | null, cwd: string) {
    this.host = host;
    this.file = file;
    this.cwd = cwd;
    this.screen = new Screen(host.cols, host.rows);
  }

  info(text: string): void {
    this.msg = { text };
  }

  error(text: string): void {
    this.msg = { text, style: STYLE.error };
  }

  /** Simulation time (never wall time), so undo messages replay the same. */
  now(): number {
    return this.host.sim.world.clockMs;
  }
}
