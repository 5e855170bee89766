// Per-lab progress as the catalog shows it: the best an attempt ever reached. Merging never
// loses a result: solved beats solved-with-solution beats in progress; a shown solution and the
// most hints used stay recorded even if the attempt is reset or undone.
import type { LabView } from '../labs/view';
import type { ProgressRecord } from './store';

const RANK: Record<ProgressRecord['status'], number> = { new: 0, 'in-progress': 1, 'solved-with-solution': 2, solved: 3 };

export function mergeProgress(old: ProgressRecord | undefined, view: LabView, now: number): ProgressRecord {
  const status = old && RANK[old.status] >= RANK[view.status] ? old.status : view.status;
  const solved = view.status === 'solved' || view.status === 'solved-with-solution';
  return {
    labId: view.id,
    status,
    score: Math.max(old?.score ?? 0, view.score),
    hintsUsed: Math.max(old?.hintsUsed ?? 0, view.hintsUsed),
    solutionShown: (old?.solutionShown ?? false) || view.solutionShown,
    startedAt: old?.startedAt ?? now,
    solvedAt: old?.solvedAt ?? (solved ? now : null),
    updatedAt: now,
  };
}

/** Whether a merge changed anything worth writing (the time alone is not). */
export function progressChanged(old: ProgressRecord | undefined, next: ProgressRecord): boolean {
  if (!old) return true;
  const { updatedAt: _a, ...a } = old;
  const { updatedAt: _b, ...b } = next;
  return JSON.stringify(a) !== JSON.stringify(b);
}
