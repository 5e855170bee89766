// The shape of a Manager action: a check at submission (an unknown object is refused at once),
// then a start and steps run by the job tick. Behaviour only: the job itself is data.
import type { WorldState } from '../types';
import type { ManagerState, MgrJob } from './types';

export type ActionArgs = Record<string, string>;

export interface ActionDef {
  /** At submission: the job's summary and the object it serialises on, or an error text. */
  check(world: WorldState, m: ManagerState, args: ActionArgs): { summary: string; objectKey: string } | string;
  /** When the job starts: null, or the failure message. Sets `job.dueMs` for its first step. */
  start(world: WorldState, m: ManagerState, job: MgrJob): string | null;
  /** When `job.dueMs` is reached: 'wait' (dueMs moved on), null (Success) or the failure message. */
  step(world: WorldState, m: ManagerState, job: MgrJob): 'wait' | string | null;
}
