// What the lab panel shows, as plain data the engine pushes to the UI in one event per change.
import type { LabLevel, LabModule } from './types';

export type LabStatus = 'new' | 'in-progress' | 'solved' | 'solved-with-solution';

export interface ObjectiveView {
  id: string;
  text: string;
  points: number;
  met: boolean;
  milestone: boolean;
  /** Why it is not met (the lab's reason, then what the check saw), or null when met. */
  reason: string | null;
  /** Hints revealed so far, and how many there are. */
  hints: string[];
  hintsTotal: number;
  quiz: { question: string; placeholder: string; lastAnswer: string | null; tries: number } | null;
}

export interface ConstraintView {
  id: string;
  text: string;
  broken: boolean;
  reason: string | null;
}

export interface SolutionStepView {
  host: string | null;
  /** What to type (commands, or an `answer …` line), or a note for waits and keystrokes. */
  lines: string[];
  /** Raw keystrokes for an interactive program (`\r` is Enter), when the step is typed key by key. */
  keys: string | null;
  note: string | null;
  /** The commands are expected to fail: reading the error is the point. */
  fails: boolean;
}

export interface FeedEvent {
  atMs: number;
  host: string | null;
  kind: string;
  text: string;
}

export interface LabView {
  id: string;
  title: string;
  module: LabModule;
  level: LabLevel;
  minutes: number;
  seed: number;
  /** Markdown (variables filled in); the UI renders it through a sanitiser. */
  briefing: string;
  /** Present once the lab is solved (or its solution shown). */
  debrief: string | null;
  objectives: ObjectiveView[];
  constraints: ConstraintView[];
  score: number;
  maxScore: number;
  hintsUsed: number;
  status: LabStatus;
  solutionShown: boolean;
  /** Present once the solution was shown. */
  solution: SolutionStepView[] | null;
  /** The newest events of the world, oldest first. */
  events: FeedEvent[];
  hosts: string[];
  solvedMs: number | null;
}

/** A catalog entry: what the catalog page lists for one lab. */
export interface LabCard {
  id: string;
  title: string;
  summary: string;
  module: LabModule;
  level: LabLevel;
  minutes: number;
  tags: string[];
  objectives: number;
  maxScore: number;
}
