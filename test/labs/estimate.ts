// A lab's estimated minutes, measured: the simulated time its solution takes, plus reading the
// briefing, objectives and debrief, plus working out and typing each command and answer.
import type { LabDoc } from '../../src/labs/types';

/** Reading speed for technical text (words per minute). */
const WPM = 180;
/** Minutes per command line: deciding on it, typing it, reading what it prints. */
const PER_COMMAND = 0.75;
/** An interactive program (fdisk, vi) driven key by key counts as this many commands. */
const PER_PROGRAM = 3;
/** Minutes per quiz answer: finding the value in what was printed. */
const PER_ANSWER = 0.5;

export function estimateMinutes(doc: LabDoc, simulatedMs: number): number {
  const words = [doc.briefing, doc.debrief, ...doc.objectives.map((o) => o.text)].join(' ').split(/\s+/).filter(Boolean).length;
  let work = 0;
  for (const s of doc.solution) {
    if ('run' in s) work += (Array.isArray(s.run) ? s.run.length : 1) * PER_COMMAND;
    else if ('keys' in s) work += PER_PROGRAM * PER_COMMAND;
    else if ('answer' in s) work += PER_ANSWER;
  }
  return Math.max(1, Math.round(simulatedMs / 60000 + words / WPM + work));
}
