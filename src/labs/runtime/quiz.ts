// Quiz answers: compared with accepted values, or with a fact read from the world at the moment
// the learner answers (so the answer matches what their own commands showed them). Answers are
// normalised the way people write them: case, blanks, quotes and brackets around a value, a
// trailing slash, /dev/ before a device, thousands separators, and units (`16 GiB` for MiB).
import { queryRegistry } from '../queries';
import type { CheckContext } from '../check-kit';
import type { QuizSpec } from '../types';
import { own } from '../own';

/** Binary multiples: an admin writes MB for MiB when talking memory, as xm and free do. */
const UNIT_FACTORS: Record<string, number> = {
  b: 1, byte: 1, bytes: 1,
  k: 1024, kb: 1024, kib: 1024,
  m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3,
  t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4,
};

/** Every number of an answer with the unit written after it (`51,702 MiB`, `16G`). */
function numbersIn(s: string): Array<{ value: number; unit: string | null }> {
  const out: Array<{ value: number; unit: string | null }> = [];
  for (const m of s.replace(/(\d),(?=\d{3}\b)/g, '$1').matchAll(/(-?\d+(?:\.\d+)?)\s*([a-z]+)?/gi)) {
    out.push({ value: Number(m[1]), unit: m[2]?.toLowerCase() ?? null });
  }
  return out;
}

/** A numeric answer: every number given must be the expected one (`5 or 6` is not an answer). */
function numberMatches(given: string, expected: number, quiz: QuizSpec): boolean {
  const nums = numbersIn(given);
  if (!nums.length) return false;
  const target = quiz.unit ? own(UNIT_FACTORS, quiz.unit.toLowerCase()) : undefined;
  return nums.every(({ value, unit }) => {
    const factor = target !== undefined && unit !== null ? own(UNIT_FACTORS, unit) : undefined;
    const v = factor !== undefined && target !== undefined ? (value * factor) / target : value;
    return Math.abs(v - expected) <= (quiz.tolerance ?? 0) + 1e-9;
  });
}

/** Quotes, backticks and brackets around a whole answer (`[5:0:1:2]` as lsscsi prints it). */
const unwrap = (s: string): string => s.trim().replace(/^[`'"[(<]+/, '').replace(/[`'"\])>.]+$/, '').trim();

/** One word as compared: /dev/ dropped unless the expected word has it, a trailing slash dropped. */
function word(w: string, keepDev: boolean): string {
  let t = keepDev ? w : w.replace(/^\/dev\//, '');
  if (t.length > 1) t = t.replace(/\/+$/, '');
  return t;
}

function textMatches(given: string, expected: string, quiz: QuizSpec): boolean {
  const fold = (s: string) => (quiz.case_sensitive ? s : s.toLowerCase());
  const keepDev = expected.includes('/dev/');
  const g = fold(unwrap(given));
  const e = fold(expected.trim());
  if (quiz.any_order) {
    // In any order: the sets of words, whatever separates them (spaces, commas, “and”).
    const words = (s: string) => [...new Set(s.split(/[\s,;]+|\band\b/).filter(Boolean).map((w) => word(w, keepDev)))].sort().join(' ');
    return words(g) === words(e);
  }
  // One value: blanks inside do not matter (`4.4.4 OVM`, `round-robin  0`).
  const one = (s: string) => word(s.replace(/\s+/g, ''), keepDev);
  return one(g) === one(e);
}

function matches(answer: string, expected: string | number, quiz: QuizSpec): boolean {
  return typeof expected === 'number' ? numberMatches(answer, expected, quiz) : textMatches(answer, expected, quiz);
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
