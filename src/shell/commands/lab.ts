// The lab family: `objectives`, `hint`, `answer`, `solution`, and the sandbox's `fault`. Thin
// wrappers over src/labs/runtime/actions.ts, which the lab panel reaches through the same commands.
import { labOf } from '../../labs/runtime/runtime';
import { answerAction, faultAction, hintAction, objectivesAction, solutionAction } from '../../labs/runtime/actions';
import { defineCommand, type CommandSpec } from '../types';

const objectives = defineCommand({
  name: 'objectives',
  summary: 'show the lab\'s objectives, score and constraints',
  usage: 'objectives',
  run: (ctx) => objectivesAction(ctx.sim),
});

const hint = defineCommand({
  name: 'hint',
  summary: 'reveal the next hint (for the first unmet objective, or for OBJECTIVE)',
  usage: 'hint [OBJECTIVE]',
  complete: (c, words, cur) => (words.length ? [] : (labOf(c.world)?.doc.objectives.map((o) => o.id) ?? []).filter((n) => n.startsWith(cur))),
  run: (ctx) => hintAction(ctx.sim, ctx.args[0]),
});

const answer = defineCommand({
  name: 'answer',
  summary: 'answer one of the lab\'s questions (without arguments: list them)',
  usage: 'answer [QUESTION VALUE]',
  complete: (c, words, cur) => (words.length ? [] : (labOf(c.world)?.doc.objectives.filter((o) => o.quiz).map((o) => o.id) ?? []).filter((n) => n.startsWith(cur))),
  run: (ctx) => answerAction(ctx.sim, ctx.args),
});

const solution = defineCommand({
  name: 'solution',
  summary: 'show the lab\'s solution (records the lab as solved with solution)',
  usage: 'solution [--show]',
  run: (ctx) => solutionAction(ctx.sim, ctx.args),
});

const fault = defineCommand({
  name: 'fault',
  summary: 'sandbox only: list the faults you can inject, or inject one',
  usage: 'fault [NAME key=value ...]',
  run: (ctx) => faultAction(ctx.sim, ctx.args),
});

export const lab: readonly CommandSpec[] = [objectives, hint, answer, solution, fault];
