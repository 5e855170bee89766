// How a running line stops where it stands and goes on later: the executor's methods are
// generators that yield a Suspension (a program takes the terminal, a session action, or the
// end of a slice of work) and are resumed with an exit status, as bash waits for a child.
import type { ProgramFactory } from '../programs/program';
import type { SessionAction } from './types';

export type Suspension =
  | { kind: 'program'; program: ProgramFactory }
  | { kind: 'action'; action: SessionAction; exitCode: number }
  /** The line used up a slice of work: it goes on at the next clock tick, unless Ctrl-C ends it. */
  | { kind: 'slice' };

/** A step of the executor: yields suspensions, is resumed with an exit status, returns one. */
export type Steps<T> = Generator<Suspension, T, number>;

/** Commands one line may run between two suspensions (where it cannot suspend, in all). */
export const SLICE_COMMANDS = 5_000;
/** Commands one line may run in all: a replay re-runs them, so a line must end somewhere. */
export const MAX_COMMANDS = 100_000;

/** Runs steps that cannot suspend (a subshell, a substitution) to their end. */
export function drainSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  // Nothing in a non-suspending context yields; a stray suspension is resumed as a success.
  while (!r.done) r = steps.next(0);
  return r.value;
}

/** Exit statuses of a program killed by SIGINT (Ctrl-C) or SIGQUIT (Ctrl-\): bash abandons the rest of the line. */
export const killedBySignal = (code: number): boolean => code === 130 || code === 131;
