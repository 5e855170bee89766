// What the page gives the engine client (terminal sinks, event callbacks) and what the client
// keeps per open terminal.
import type { BootInfo, ClockStatus, EngineEvent } from '../engine/types';

export interface TerminalSink {
  /** `written`: called once the terminal has taken the bytes in (xterm.js parses writes later). */
  write(data: string, written?: () => void): void;
}

export interface OpenSession {
  host: string;
  cols: number;
  rows: number;
  sink: TerminalSink;
  /** Keys typed while a call for this session is in flight. */
  typeahead: string;
  inFlight: boolean;
}

export interface ClientEvents {
  onBoot?(info: BootInfo): void;
  onClock?(status: ClockStatus): void;
  /** The lab panel's state changed (labs). */
  onLab?(view: Extract<EngineEvent, { type: 'lab' }>['view']): void;
  onRestart?(reason: string): void;
  /** The engine could not be brought back: the page shows this with a Reload button. */
  onDead?(message: string): void;
  /** Start-up progress ("Loading the simulator…", "Restoring your work… 40 %"), null when done. */
  onProgress?(text: string | null): void;
}
