// POSIX regular expressions (GNU flavour, as grep, sed and awk use them) translated to
// JavaScript: basic (BRE: \( \) \{ \} \| \+ \?) and extended (ERE), bracket expressions with
// [:classes:], \< \> \b \w, back-references. Errors carry glibc's regcomp messages.
import { safeRegExp } from './linear-regex';
import { classRanges, POSIX_CLASSES } from '../../char-classes';

export type RegexResult = { ok: true; source: string } | { ok: false; error: string };

export const ERR = {
  brack: 'Unmatched [ or [^',
  paren: 'Unmatched ( or \\(',
  rparen: 'Unmatched ) or \\)',
  brace: 'Unmatched \\{',
  badbr: 'Invalid content of \\{\\}',
  range: 'Invalid range end',
  ctype: 'Invalid character class name',
  escape: 'Trailing backslash',
  subreg: 'Invalid back reference',
  badrpt: 'Invalid preceding regular expression',
};

const escapeJs = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c);

/** Translates a POSIX regex; `extended` for ERE (grep -E, sed -r, awk). */
export function translateRegex(re: string, extended: boolean): RegexResult {
  let out = '';
  let groups = 0;
  const open: number[] = [];
  // Whether the previous item can take a repetition (for a leading `*`, which is literal).
  let atomBefore = false;
  let i = 0;
  const n = re.length;
  while (i < n) {
    const c = re[i]!;
    const atStart: boolean = !atomBefore;
    if (c === '\\') {
      if (i + 1 >= n) return { ok: false, error: ERR.escape };
      const d = re[i + 1]!;
      i += 2;
      if (!extended && d === '(') {
        out += '(';
        open.push(++groups);
        atomBefore = false;
      } else if (!extended && d === ')') {
        if (!open.length) return { ok: false, error: ERR.rparen };
        open.pop();
        out += ')';
        atomBefore = true;
      } else if (!extended && d === '|') {
        out += '|';
        atomBefore = false;
      } else if (!extended && d === '{') {
        if (atStart) return { ok: false, error: ERR.badrpt };
        const close = re.indexOf('\\}', i);
        if (close < 0) return { ok: false, error: ERR.brace };
        const body = re.slice(i, close);
        if (!/^\d+(,\d*)?$/.test(body)) return { ok: false, error: ERR.badbr };
        const [lo, hi] = body.split(',');
        if (hi && Number(hi) < Number(lo)) return { ok: false, error: ERR.badbr };
        out += `{${body}}`;
        i = close + 2;
      } else if (!extended && (d === '+' || d === '?')) {
        out += atStart ? '\\' + d : d;
        atomBefore = atStart;
      } else if (/[1-9]/.test(d)) {
        if (Number(d) > groups) return { ok: false, error: ERR.subreg };
        out += '\\' + d;
        atomBefore = true;
      } else if (d === '<') {
        out += '\\b(?=\\w)';
      } else if (d === '>') {
        out += '\\b(?<=\\w)';
      } else if ('bBwWsS'.includes(d)) {
        out += '\\' + d;
        atomBefore = 'wWsS'.includes(d);
      } else if (d === '`') out += '^';
      else if (d === "'") out += '$';
      else if (d === 'n') {
        out += '\\n';
        atomBefore = true;
      } else if (d === 't') {
        out += '\\t';
        atomBefore = true;
      } else {
        out += escapeJs(d);
        atomBefore = true;
      }
      continue;
    }
    if (c === '[') {
      const b = bracket(re, i);
      if ('error' in b) return { ok: false, error: b.error };
      out += b.source;
      i = b.end + 1;
      atomBefore = true;
      continue;
    }
    if (c === '*') {
      out += atStart ? '\\*' : '*';
      atomBefore = atStart;
      i++;
      continue;
    }
    if (c === '^') {
      // In a BRE, ^ anchors only at the start of the pattern or of a group/alternative.
      const anchor = extended || out === '' || /(\(|\|)$/.test(out);
      out += anchor ? '^' : '\\^';
      atomBefore = !anchor;
      i++;
      continue;
    }
    if (c === '$') {
      const rest = re.slice(i + 1);
      const anchor = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      out += anchor ? '$' : '\\$';
      atomBefore = !anchor;
      i++;
      continue;
    }
    if (extended) {
      if (c === '(') {
        out += '(';
        open.push(++groups);
        atomBefore = false;
        i++;
        continue;
      }
      if (c === ')') {
        if (!open.length) return { ok: false, error: ERR.rparen };
        open.pop();
        out += ')';
        atomBefore = true;
        i++;
        continue;
      }
      if (c === '|') {
        out += '|';
        atomBefore = false;
        i++;
        continue;
      }
      if (c === '+' || c === '?') {
        out += atStart ? '\\' + c : c;
        atomBefore = atStart;
        i++;
        continue;
      }
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(re.slice(i));
        if (m && !atStart) {
          if (m[3] && Number(m[3]) < Number(m[1])) return { ok: false, error: ERR.badbr };
          out += m[0];
          i += m[0].length;
          continue;
        }
        // Not an interval: a literal brace (GNU).
        out += '\\{';
        atomBefore = true;
        i++;
        continue;
      }
    }
    // '.' is "any character" in both BRE and ERE; everything else left here is literal.
    out += c === '.' ? '.' : escapeJs(c);
    atomBefore = true;
    i++;
  }
  if (open.length) return { ok: false, error: ERR.paren };
  return { ok: true, source: out };
}

function bracket(re: string, start: number): { source: string; end: number } | { error: string } {
  let i = start + 1;
  let neg = false;
  if (re[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < re.length) {
    const c = re[i]!;
    if (c === ']' && !first) {
      return { source: body ? `[${neg ? '^' : ''}${body}]` : neg ? '[\\s\\S]' : '[^\\s\\S]', end: i };
    }
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '=' || re[i + 1] === '.')) {
      const kind = re[i + 1]!;
      const close = re.indexOf(kind + ']', i + 2);
      if (close < 0) return { error: ERR.brack };
      const name = re.slice(i + 2, close);
      if (kind === ':') {
        const cls = classRanges(POSIX_CLASSES, name);
        if (cls === undefined) return { error: ERR.ctype };
        body += cls;
      } else body += name.split('').map(escapeClass).join('');
      i = close + 2;
      continue;
    }
    if (re[i + 1] === '-' && re[i + 2] !== undefined && re[i + 2] !== ']') {
      const lo = c;
      const hi = re[i + 2]!;
      if (hi.charCodeAt(0) < lo.charCodeAt(0)) return { error: ERR.range };
      body += `${escapeClass(lo)}-${escapeClass(hi)}`;
      i += 3;
      continue;
    }
    body += escapeClass(c);
    i++;
  }
  return { error: ERR.brack };
}

const escapeClass = (c: string): string => (/[\\\]^[-]/.test(c) ? '\\' + c : c);

/** Compiles a POSIX regex to a RegExp, or returns the error text. */
export function compileRegex(re: string, extended: boolean, flags = ''): RegExp | string {
  const t = translateRegex(re, extended);
  if (!t.ok) return t.error;
  try {
    return safeRegExp(t.source, flags);
  } catch {
    return 'Invalid regular expression';
  }
}
