// Data that crosses the worker boundary: plain, structured-cloneable values only.
import type { LabView } from '../labs/view';
import type { ManagerView } from '../sim/manager/view';

export interface BootInfo {
  attemptId: string;
  seed: number;
  scenario: string;
  hosts: string[];
  clockMs: number;
  /** Journal entries replayed to restore the attempt (0 for a fresh one). */
  replayed: number;
  /** A one-line message for the user (a refused snapshot, a recovery), or null. */
  notice: string | null;
  /** Why this attempt is not being saved (written by a newer version, no storage), or null. The UI offers export / start fresh. */
  refusal: string | null;
  /** Whether the world has an Oracle VM Manager: its tab takes its room from the boot on, before its first view. */
  manager: boolean;
}

export type EngineEvent =
  | { type: 'output'; session: string; data: string }
  | { type: 'clock'; clockMs: number; speed: number; wallMs: number }
  /** The lab panel's state changed (src/labs/view.ts): one event per change, never per objective. */
  | { type: 'lab'; view: LabView }
  /** Persistence problems and facts for the user (storage full, a snapshot pruned): one line. */
  | { type: 'notice'; level: 'info' | 'warn' | 'error'; text: string }
  /** A long rebuild's progress (journal entries replayed of the total), so start-up can say how far it is. */
  | { type: 'progress'; stage: 'restore'; done: number; total: number }
  /** The Oracle VM Manager's view changed (src/engine/manager.ts): one event per change. */
  | { type: 'manager'; view: ManagerView };

export interface ClockStatus {
  clockMs: number;
  speed: number;
  /** The simulated wall-clock time (ms since the Unix epoch). */
  wallMs: number;
}
