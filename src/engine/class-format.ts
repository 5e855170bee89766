// The workshop formats: a class pack (title, labs, assessment options, code) and a learner's
// hand-in (journals, never snapshots), their stable hashes and seeds, and the compact codes they
// travel as (deflate + base64url). Pure and DOM-free: the UI, the worker and tests share it.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SessionRecord } from '../tty/session';

export type HintPolicy = 'allowed' | 'counted' | 'off';
export type SolutionPolicy = 'shown' | 'hidden';

/** What the instructor allows; enforced in the learner's engine and recorded in the hand-in. */
export interface ClassPolicy {
  hints: HintPolicy;
  solution: SolutionPolicy;
  /** Optional time window (ISO 8601 wall-clock times): a hand-in outside it is marked late. */
  opens?: string;
  closes?: string;
}

/** One lab of a class: a bundled one by id and version, or a custom one carrying its YAML. */
export interface ClassLab {
  id: string;
  title: string;
  /** textHash of the lab's YAML: a hand-in naming another version is flagged. */
  version: string;
  yaml?: string;
}

export interface ClassPack {
  format: 'ovm-class';
  v: 1;
  code: string;
  title: string;
  labs: ClassLab[];
  policy: ClassPolicy;
}

/** A journal entry as handed in: the store's entry without its attempt id. */
export interface HandInEntry {
  seq: number;
  atMs: number;
  session: string;
  host: string;
  record: SessionRecord;
  undone?: boolean;
  meta?: boolean[];
}

/** What the learner's browser showed at hand-in: checked against the replay, never trusted. */
export interface ClaimedResult {
  score: number;
  maxScore: number;
  met: string[];
  hintsUsed: number;
  solutionShown: boolean;
}

export interface HandInLab {
  id: string;
  title: string;
  version: string;
  seed: number;
  /** The simulated clock when handed in (time may pass after the last command: a fault fires). */
  endMs: number;
  journal: HandInEntry[];
  claimed: ClaimedResult;
}

export interface HandIn {
  format: 'ovm-handin';
  v: 1;
  learner: string;
  classCode: string;
  classTitle: string;
  policy: ClassPolicy;
  /** Wall-clock time of the hand-in (ISO), for the time window only. */
  handedInAt: string;
  labs: HandInLab[];
}

export const HANDIN_PREFIX = 'OVMH1.';
/** Larger inputs are refused before parsing (a hand-in of a long day is a few hundred kB). */
export const MAX_HANDIN_CHARS = 4 * 1024 * 1024;

/** A stable 64-bit hash of a text (two FNV-1a lanes over UTF-16 units), as 16 hex digits. */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A learner's name as it counts for the seed: trimmed, inner spaces collapsed, case ignored. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
export const codeKey = (code: string): string => code.trim().toUpperCase();

/** The learner's seed: the same (class, name) gives the same values on any machine. Never 0. */
export function classSeed(code: string, name: string): number {
  const h = textHash(`${codeKey(code)}\n${nameKey(name)}`);
  return parseInt(h.slice(0, 8), 16) >>> 0 || 1;
}

export const CLASS_CODE = /^[A-Z0-9][A-Z0-9-]{2,23}$/;

/** The attempt id of a learner's lab in a class: separate from their own attempts at that lab. */
export const classAttemptId = (code: string, name: string, labId: string): string => `class:${codeKey(code)}:${nameKey(name)}:${labId}`;

// base64url without the DOM's btoa/atob (the core has no DOM types).
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64.indexOf(clean[i + k]!) : 0));
    const n = (c[0]! << 18) | (c[1]! << 12) | (c[2]! << 6) | c[3]!;
    out[o++] = (n >> 16) & 255;
    if (i + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

/** JSON → deflate → base64url. */
export function packText(value: unknown): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/** The inverse of packText; null when the code is damaged. */
export function unpackText(code: string, maxChars = MAX_HANDIN_CHARS): unknown {
  const bytes = fromBase64Url(code.trim());
  if (!bytes) return null;
  try {
    const raw = inflateSync(bytes);
    if (raw.length > maxChars) return null;
    return JSON.parse(strFromU8(raw)) as unknown;
  } catch {
    return null;
  }
}

/** The hand-in as a code to paste where files are hard to move. */
export const handInCode = (h: HandIn): string => HANDIN_PREFIX + packText(h);
