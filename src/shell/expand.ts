// Word expansion: tilde, parameters ($VAR ${VAR} $? $$ $#), then field splitting of unquoted
// expansion results. Globbing is applied by the executor against the VFS.
import type { WordSegment } from './tokenize';
import type { ShellFrame } from './types';

/** The pid bash reports for $$: fixed per host shell, as the world is deterministic. */
export const SHELL_PID = 4242;

export interface ExpandedWord {
  text: string;
  /** True when the word came only from quoted text (glob characters are literal then). */
  hasUnquotedGlob: boolean;
}

const PARAM = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])\}|([A-Za-z_][A-Za-z0-9_]*|[?$#0-9]))/g;

function paramValue(frame: ShellFrame, name: string): string {
  if (name === '?') return String(frame.lastExit);
  if (name === '$') return String(SHELL_PID);
  if (name === '#') return '0';
  if (name === '0') return '-bash';
  return frame.env[name] ?? '';
}

/** Expands one word into zero or more fields. */
export function expandWord(word: readonly WordSegment[], frame: ShellFrame): ExpandedWord[] {
  const fields: ExpandedWord[] = [];
  let cur = '';
  let glob = false;
  let started = false;
  const flush = () => {
    if (started) fields.push({ text: cur, hasUnquotedGlob: glob });
    cur = '';
    glob = false;
    started = false;
  };
  word.forEach((seg, idx) => {
    if (seg.quote === 'single') {
      cur += seg.text;
      started = true;
      return;
    }
    let text = seg.text;
    if (seg.quote === 'none' && idx === 0 && (text === '~' || text.startsWith('~/'))) text = (frame.env.HOME ?? '/root') + text.slice(1);
    if (seg.quote === 'double') {
      cur += text.replace(PARAM, (m, a, b, off: number) => (text[off - 1] === '\\' ? m : paramValue(frame, a ?? b))).replace(/\\\$/g, '$');
      started = true;
      return;
    }
    // Unquoted: expansions are split into fields on blanks.
    let last = 0;
    for (const m of text.matchAll(PARAM)) {
      const lit = text.slice(last, m.index);
      cur += lit;
      if (lit) started = true;
      if (/[*?[]/.test(lit)) glob = true;
      const value = paramValue(frame, m[1] ?? m[2]!);
      const parts = value.split(/[ \t\n]+/);
      parts.forEach((p, k) => {
        if (k > 0) flush();
        if (p) {
          cur += p;
          started = true;
        }
      });
      last = m.index! + m[0].length;
    }
    const tail = text.slice(last);
    if (tail) {
      cur += tail;
      started = true;
      if (/[*?[]/.test(tail)) glob = true;
    }
  });
  if (started || (word.length > 0 && word.every((s) => s.quote !== 'none'))) {
    started = true;
    flush();
  }
  return fields;
}
