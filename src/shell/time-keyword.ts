// bash's `time` reserved word: it times a whole pipeline on the simulation clock (so `time sleep 2`
// reports two seconds) and prints bash's three lines (or POSIX's, with -p) on standard error.
import type { Pipeline } from './parse';
import type { Word } from './tokenize';

export interface Timed {
  /** The pipeline without its leading `time` (no commands for a bare `time`). */
  pipeline: Pipeline;
  posix: boolean;
}

/** The timed pipeline, or null when this one does not start with the `time` keyword. */
export function timedKeyword(p: Pipeline): Timed | null {
  const first = p.commands[0];
  if (first?.kind !== 'simple' || first.assigns.length || !isLiteral(first.words[0], 'time')) return null;
  const posix = isLiteral(first.words[1], '-p');
  const words = first.words.slice(posix ? 2 : 1);
  const rest = p.commands.slice(1);
  const commands = words.length || rest.length || first.redirects.length ? [{ ...first, words }, ...rest] : [];
  return { pipeline: { ...p, commands }, posix };
}

function isLiteral(word: Word | undefined, text: string): boolean {
  return word?.length === 1 && word[0]!.kind === 'lit' && !word[0]!.quoted && word[0]!.text === text;
}

const fmt = (ms: number) => `${Math.floor(ms / 60000)}m${((ms % 60000) / 1000).toFixed(3)}s`;
const posixFmt = (ms: number) => (ms / 1000).toFixed(2);

/** What bash prints after a timed pipeline (user and sys: the sandbox's commands cost no CPU). */
export function timeReport(realMs: number, posix: boolean): string {
  if (posix) return `real ${posixFmt(realMs)}\nuser ${posixFmt(0)}\nsys ${posixFmt(0)}\n`;
  return `\nreal\t${fmt(realMs)}\nuser\t${fmt(0)}\nsys\t${fmt(0)}\n`;
}
