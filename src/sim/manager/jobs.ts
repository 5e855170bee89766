// Manager jobs: submitted, queued per object (the real Manager serialises jobs on one object),
// run in simulated time by the world tick, with progress, and ending in Success or Failure with
// the message the Manager shows. A job is data; its behaviour is ACTIONS[job.action].
import type { Sim } from '../sim';
import type { WorldState } from '../types';
import type { ManagerState, MgrJob } from './types';
import { nextId, pruneJobs, touch } from './state';
import { ACTIONS, type ActionArgs } from './actions';

export type SubmitResult = { ok: true; job: MgrJob } | { ok: false; error: string };

/** Submits a job (checked first: an unknown object is refused at once, no job). */
export function submitJob(world: WorldState, m: ManagerState, action: string, args: ActionArgs, user = 'admin'): SubmitResult {
  if (!m.up) return { ok: false, error: 'Oracle VM Manager is not running' };
  const def = ACTIONS[action];
  if (!def) return { ok: false, error: `Unknown action: ${action}` };
  const pre = def.check(world, m, args);
  if (typeof pre === 'string') return { ok: false, error: pre };
  const job: MgrJob = {
    id: nextId(world, m), summary: pre.summary, action, objectKey: pre.objectKey, args, status: 'Pending',
    progress: 0, createdMs: world.clockMs, startMs: null, endMs: null, dueMs: world.clockMs, step: 0, message: '', user,
  };
  m.jobs.push(job);
  pruneJobs(m);
  touch(m);
  startPending(world, m);
  return { ok: true, job };
}

export function finishJob(world: WorldState, m: ManagerState, job: MgrJob, error: string | null): void {
  job.status = error === null ? 'Success' : 'Failure';
  job.message = error ?? '';
  job.progress = 100;
  job.endMs = world.clockMs;
  touch(m);
}

/** Starts every pending job whose object has no job in progress, oldest first. */
export function startPending(world: WorldState, m: ManagerState): void {
  for (const job of m.jobs) {
    if (job.status !== 'Pending') continue;
    if (m.jobs.some((j) => j.status === 'In Progress' && j.objectKey === job.objectKey)) continue;
    job.status = 'In Progress';
    job.startMs = world.clockMs;
    touch(m);
    const err = ACTIONS[job.action]!.start(world, m, job);
    if (err !== null) finishJob(world, m, job, err);
  }
}

/** Tick: due steps run; progress moves; queued jobs start when their object is free. */
export function jobsTick(sim: Sim): void {
  const { world } = sim;
  const m = world.manager;
  if (!m?.up) return;
  for (const job of m.jobs) {
    if (job.status !== 'In Progress') continue;
    if (world.clockMs < job.dueMs) {
      const span = job.dueMs - (job.startMs ?? job.createdMs);
      const p = span > 0 ? Math.min(95, Math.floor(((world.clockMs - (job.startMs ?? 0)) / span) * 100)) : 50;
      if (p !== job.progress) {
        job.progress = p;
        touch(m);
      }
      continue;
    }
    const r = ACTIONS[job.action]!.step(world, m, job);
    if (r !== 'wait') finishJob(world, m, job, r);
  }
  startPending(world, m);
}
