// Quiz answers: compared with accepted values, or with a fact read from the world at the moment
// the learner answers (so the answer matches what their own commands showed them).
import { queryRegistry } from '../queries';
import type { CheckContext } from '../check-kit';
import type { QuizSpec } from '../types';
import { own } from '../own';

const firstNumber = (s: string): number | null => {
  const m = /-?\d+(?:\.\d+)?/.exec(s.replace(/,(?=\d{3}\b)/g, ''));
  return m ? Number(m[0]) : null;
};

function matches(answer: string, expected: string | number, quiz: QuizSpec): boolean {
  const given = answer.trim();
  if (typeof expected === 'number') {
    const n = firstNumber(given);
    return n !== null && Math.abs(n - expected) <= (quiz.tolerance ?? 0);
  }
  const norm = (s: string) => {
    const t = quiz.case_sensitive ? s.trim() : s.trim().toLowerCase();
    // In any order: compare the sets of words, whatever separates them (spaces, commas).
    return quiz.any_order ? [...new Set(t.split(/[\s,;]+/).filter(Boolean))].sort().join(' ') : t;
  };
  return norm(given) === norm(expected);
}

/** The values that count as right now (for the check, and for showing the solution). */
export function expectedAnswers(quiz: QuizSpec, ctx: CheckContext): Array<string | number> {
  if (quiz.accept) return quiz.accept;
  const [name, args] = Object.entries(quiz.query ?? {})[0] ?? [];
  const def = name ? own(queryRegistry, name) : undefined;
  const v = def ? def.run(ctx, (args ?? {}) as never) : null;
  return v === null ? [] : Array.isArray(v) ? v : [v];
}

export function isCorrect(answer: string, quiz: QuizSpec, ctx: CheckContext): boolean {
  return expectedAnswers(quiz, ctx).some((e) => matches(answer, e, quiz));
}
