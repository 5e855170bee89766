// The shell's line machinery as one value: whether a line is complete, history expansion,
// completion and running a line. A terminal reaches it through its registry, so it loads with the
// commands (after the first prompt), not with the worker's first chunk.
import { runLineSafely } from './executor';
import { completeLine } from './complete';
import { expandHistory } from './history-expand';
import { lineStatus } from './parse';

export const shellRuntime = { runLineSafely, completeLine, expandHistory, lineStatus };
export type ShellRuntime = typeof shellRuntime;
