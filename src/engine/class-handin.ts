// Building a learner's hand-in from the store: for each lab of the class they started, its
// attempt's journal (kilobytes: commands and panel actions with simulated times, no snapshot),
// its lab version, seed and end time, and the results their browser shows (the claim).
import { classAttemptId, textHash, type ClaimedResult, type ClassLab, type ClassPolicy, type HandIn, type HandInLab } from './class-format';
import { bundledLabText } from './class-labs';
import type { Store } from './store';
import type { LabView } from '../labs/view';

export interface HandInRequest {
  learner: string;
  classCode: string;
  classTitle: string;
  policy: ClassPolicy;
  labs: Array<{ id: string; title: string }>;
  /** Wall-clock time (ISO), from the page. */
  handedInAt: string;
}

/** The attempt open in the page's engine: its results are read live, not replayed. */
export interface LiveAttempt {
  attemptId: string;
  view: LabView | null;
  clockMs: number;
}

export const claimOf = (v: LabView): ClaimedResult => ({
  score: v.score,
  maxScore: v.maxScore,
  met: v.objectives.filter((o) => o.met).map((o) => o.id),
  hintsUsed: v.hintsUsed,
  solutionShown: v.solutionShown,
});

/** The YAML of a lab as this browser has it: bundled, or kept as a custom lab. */
export async function labTextOf(store: Store | undefined, id: string): Promise<string | undefined> {
  return bundledLabText(id) ?? (await store?.listCustomLabs().catch(() => []))?.find((r) => r.id === id)?.yaml;
}

/** The custom labs kept in this browser, as a class would carry them (for replaying a claim). */
export async function storedCustomLabs(store: Store | undefined): Promise<ClassLab[]> {
  const records = (await store?.listCustomLabs().catch(() => [])) ?? [];
  return records.map((r) => ({ id: r.id, title: r.id, version: textHash(r.yaml), yaml: r.yaml }));
}

export async function buildHandIn(store: Store, req: HandInRequest, live: LiveAttempt | null, replayClaim: (lab: HandInLab) => Promise<ClaimedResult | null>): Promise<HandIn> {
  const labs: HandInLab[] = [];
  for (const { id, title } of req.labs) {
    const attemptId = classAttemptId(req.classCode, req.learner, id);
    const attempt = await store.getAttempt(attemptId);
    const text = await labTextOf(store, id);
    if (!attempt || text === undefined) continue;
    const journal = (await store.readJournal(attemptId, -1)).map(({ seq, atMs, session, host, record, undone, meta }) => ({
      seq,
      atMs,
      session,
      host,
      record,
      ...(undone && { undone }),
      ...(meta?.length && { meta }),
    }));
    const isLive = live?.attemptId === attemptId;
    const lastAt = journal[journal.length - 1]?.atMs ?? 0;
    const endMs = isLive ? live.clockMs : Math.max(lastAt, (await store.latestSnapshot(attemptId))?.atMs ?? 0);
    const lab: HandInLab = { id, title, version: textHash(text), seed: attempt.seed, endMs, journal, claimed: { score: 0, maxScore: 0, met: [], hintsUsed: 0, solutionShown: false } };
    const claimed = isLive && live.view ? claimOf(live.view) : await replayClaim(lab);
    if (claimed) lab.claimed = claimed;
    labs.push(lab);
  }
  return { format: 'ovm-handin', v: 1, learner: req.learner.trim(), classCode: req.classCode, classTitle: req.classTitle, policy: req.policy, handedInAt: req.handedInAt, labs };
}
