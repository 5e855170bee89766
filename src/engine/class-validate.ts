// Reading a hand-in or a class pack from untrusted text (a file, a pasted code, a URL): the
// shape is checked field by field with bounds, and anything else is refused with one sentence.
import { CLASS_CODE, HANDIN_PREFIX, MAX_HANDIN_CHARS, unpackText, type ClassLab, type ClassPack, type ClassPolicy, type HandIn, type HandInEntry, type HandInLab } from './class-format';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** More journal entries than this are not replayed (a real session has a few hundred). */
export const MAX_ENTRIES = 20_000;
export const MAX_LABS = 20;
/** A class pack in a URL: custom labs included, it stays well under this. */
export const MAX_PACK_CHARS = 1024 * 1024;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;

class Bad extends Error {}
function need(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Bad(what);
}

function policy(v: unknown): ClassPolicy {
  need(isObj(v), 'policy is missing');
  need(v.hints === 'allowed' || v.hints === 'counted' || v.hints === 'off', 'policy.hints must be allowed, counted or off');
  need(v.solution === 'shown' || v.solution === 'hidden', 'policy.solution must be shown or hidden');
  const out: ClassPolicy = { hints: v.hints, solution: v.solution };
  if (v.opens !== undefined) need(isStr(v.opens, 40) && (out.opens = v.opens), 'policy.opens must be a date and time');
  if (v.closes !== undefined) need(isStr(v.closes, 40) && (out.closes = v.closes), 'policy.closes must be a date and time');
  return out;
}

function record(v: unknown): HandInEntry['record'] {
  need(isObj(v), 'a journal record is not an object');
  switch (v.kind) {
    case 'exec':
      need(isStr(v.line, 64 * 1024), 'an exec record needs its line');
      return { kind: 'exec', line: v.line };
    case 'input':
      need(isStr(v.data, 64 * 1024), 'an input record needs its data');
      return { kind: 'input', data: v.data };
    case 'eof':
    case 'interrupt':
      return { kind: v.kind };
    case 'resize':
      need(isNat(v.cols) && isNat(v.rows) && v.cols <= 1000 && v.rows <= 1000, 'a resize record needs cols and rows');
      return { kind: 'resize', cols: v.cols, rows: v.rows };
    default:
      throw new Bad(`unknown journal record kind ${JSON.stringify(v.kind)}`);
  }
}

function entry(v: unknown, prev: HandInEntry | undefined): HandInEntry {
  need(isObj(v), 'a journal entry is not an object');
  need(isNat(v.seq) && isNat(v.atMs) && isStr(v.session, 100) && isStr(v.host, 100), 'a journal entry needs seq, atMs, session and host');
  need(!prev || (v.seq > prev.seq && v.atMs >= prev.atMs), 'journal entries must be in order of seq and time');
  const e: HandInEntry = { seq: v.seq, atMs: v.atMs, session: v.session, host: v.host, record: record(v.record) };
  if (v.undone === true) e.undone = true;
  if (v.meta !== undefined) {
    need(Array.isArray(v.meta) && v.meta.length <= 100 && v.meta.every((m) => typeof m === 'boolean'), 'meta must be a list of booleans');
    e.meta = v.meta as boolean[];
  }
  return e;
}

function lab(v: unknown): HandInLab {
  need(isObj(v), 'a lab is not an object');
  need(isStr(v.id, 100) && isStr(v.title, 300) && isStr(v.version, 40) && isNat(v.seed) && isNat(v.endMs), 'a lab needs id, title, version, seed and endMs');
  need(Array.isArray(v.journal) && v.journal.length <= MAX_ENTRIES, `a lab's journal must be a list of at most ${MAX_ENTRIES} entries`);
  const journal: HandInEntry[] = [];
  for (const x of v.journal) journal.push(entry(x, journal[journal.length - 1]));
  const c = v.claimed;
  need(isObj(c) && isNat(c.score) && isNat(c.maxScore) && isNat(c.hintsUsed) && typeof c.solutionShown === 'boolean', 'a lab needs its claimed results');
  need(Array.isArray(c.met) && c.met.length <= 200 && c.met.every((m) => isStr(m, 100)), 'claimed.met must list objective ids');
  return { id: v.id, title: v.title, version: v.version, seed: v.seed, endMs: v.endMs, journal, claimed: { score: c.score, maxScore: c.maxScore, met: c.met as string[], hintsUsed: c.hintsUsed, solutionShown: c.solutionShown } };
}

/** A hand-in from a file's JSON or a pasted code (OVMH1.…). */
export function parseHandIn(text: string): Parsed<HandIn> {
  if (text.length > MAX_HANDIN_CHARS) return { ok: false, error: 'This file is too large to be a hand-in.' };
  const t = text.trim();
  let raw: unknown;
  if (t.startsWith(HANDIN_PREFIX)) {
    raw = unpackText(t.slice(HANDIN_PREFIX.length));
    if (raw === null) return { ok: false, error: 'This hand-in code is damaged or incomplete (copy all of it).' };
  } else {
    try {
      raw = JSON.parse(t);
    } catch {
      return { ok: false, error: 'This is not a hand-in file (not JSON, and not a hand-in code).' };
    }
  }
  try {
    need(isObj(raw) && raw.format === 'ovm-handin', 'This is not a hand-in file.');
    need(raw.v === 1, `This hand-in was written by another version of OVM Sandbox (format ${String(raw.v)}).`);
    need(isStr(raw.learner, 100) && raw.learner.trim() && isStr(raw.classCode, 40) && isStr(raw.classTitle, 300) && isStr(raw.handedInAt, 40), 'learner, classCode, classTitle and handedInAt are needed');
    need(Array.isArray(raw.labs) && raw.labs.length <= MAX_LABS, `labs must be a list of at most ${MAX_LABS}`);
    return { ok: true, value: { format: 'ovm-handin', v: 1, learner: raw.learner, classCode: raw.classCode, classTitle: raw.classTitle, policy: policy(raw.policy), handedInAt: raw.handedInAt, labs: raw.labs.map(lab) } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.message.endsWith('.') ? e.message : `This hand-in is malformed: ${e.message}.` };
    throw e;
  }
}

function classLab(v: unknown): ClassLab {
  need(isObj(v) && isStr(v.id, 100) && isStr(v.title, 300) && isStr(v.version, 40), 'a lab needs id, title and version');
  const out: ClassLab = { id: v.id, title: v.title, version: v.version };
  if (v.yaml !== undefined) need(isStr(v.yaml, 256 * 1024) && (out.yaml = v.yaml), 'a custom lab carries its YAML as text');
  return out;
}

/** A class pack from a URL's packed data or an exported file's JSON. */
export function parseClassPack(text: string): Parsed<ClassPack> {
  if (text.length > MAX_PACK_CHARS) return { ok: false, error: 'This class is too large.' };
  const t = text.trim();
  let raw: unknown;
  if (t.startsWith('{')) {
    try {
      raw = JSON.parse(t);
    } catch {
      return { ok: false, error: 'This class file is not valid JSON.' };
    }
  } else raw = unpackText(t, MAX_PACK_CHARS);
  try {
    need(isObj(raw) && raw.format === 'ovm-class', 'This link does not hold a class (it may be cut short: copy all of it).');
    need(raw.v === 1, `This class was made by another version of OVM Sandbox (format ${String(raw.v)}).`);
    need(isStr(raw.code, 40) && CLASS_CODE.test(raw.code), 'the class code must be 3–24 capital letters, digits or dashes');
    need(isStr(raw.title, 300) && raw.title.trim(), 'the class needs a title');
    need(Array.isArray(raw.labs) && raw.labs.length >= 1 && raw.labs.length <= MAX_LABS, `a class has 1–${MAX_LABS} labs`);
    return { ok: true, value: { format: 'ovm-class', v: 1, code: raw.code, title: raw.title, labs: raw.labs.map(classLab), policy: policy(raw.policy) } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.message.endsWith('.') ? e.message : `This class is malformed: ${e.message}.` };
    throw e;
  }
}
