// Pathname expansion (`*` `?` `[...]`) against a host's VFS, and the fnmatch-style matcher that
// `find -name`, `${X#pattern}` and friends share. Backslash quotes a character in a pattern.
import { classRanges, POSIX_CLASSES } from './char-classes';
import { listDir, lookup, normalizePath } from '../sim/vfs';
import { collate } from './collate';
import type { HostState, WorldState } from '../sim/types';

/** Most names a pattern may produce (bash has no limit; we stay responsive). */
export const MAX_GLOB_RESULTS = 10_000;

const CLASSES: Readonly<Record<string, string>> = {
  ...POSIX_CLASSES,
  // bash's globs also know [:word:].
  word: 'A-Za-z0-9_',
};

/** Does the pattern contain an unquoted `*`, `?` or `[`? */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes the backslashes that quote characters in a pattern. */
export const unescapeGlob = (pattern: string): string => pattern.replace(/\\(.)/gs, '$1');

/** Escapes the characters a pattern treats specially, for literal text inside a pattern. */
export const escapeGlob = (text: string): string => text.replace(/[\\*?[\]]/g, '\\$&');

/** The source of a regular expression matching what the glob pattern matches (not anchored). */
export function globSource(pattern: string, opts: { slash?: boolean } = {}): string {
  const any = opts.slash ? '[^/]' : '[\\s\\S]';
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '*') re += any + '*';
    else if (c === '?') re += any;
    else if (c === '[') {
      const cls = bracket(pattern, i);
      if (cls) {
        re += cls.re;
        i = cls.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

/** A `[...]` expression at `i`: its regex and the index of its `]`, or null if unterminated. */
function bracket(p: string, i: number): { re: string; end: number } | null {
  let j = i + 1;
  let neg = false;
  if (p[j] === '!' || p[j] === '^') {
    neg = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']' && !first) return { re: body ? `[${neg ? '^' : ''}${body}]` : neg ? '[\\s\\S]' : '[^\\s\\S]', end: j };
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      const name = close > 0 ? p.slice(j + 2, close) : '';
      const ranges = classRanges(CLASSES, name);
      if (ranges !== undefined) {
        body += ranges;
        j = close + 1;
        continue;
      }
    }
    if (c === '\\' && j + 1 < p.length) body += escapeRe(p[++j]!);
    else if (p[j + 1] === '-' && p[j + 2] !== undefined && p[j + 2] !== ']') {
      // A range; one whose end sorts before its start matches nothing (as fnmatch).
      const hi = p[j + 2] === '\\' && p[j + 3] !== undefined ? p[j + 3]! : p[j + 2]!;
      if (hi >= c) body += `${escapeRe(c)}-${escapeRe(hi)}`;
      j += p[j + 2] === '\\' ? 3 : 2;
    } else body += escapeRe(c);
  }
  return null;
}

const escapeRe = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

const cache = new Map<string, RegExp>();

/** fnmatch(3): does `name` match the whole pattern? */
export function globMatch(pattern: string, name: string, ignoreCase = false): boolean {
  const key = (ignoreCase ? 'i' : 's') + pattern;
  let re = cache.get(key);
  if (!re) {
    if (cache.size > 500) cache.clear();
    try {
      re = new RegExp(`^(?:${globSource(pattern)})$`, ignoreCase ? 'i' : '');
    } catch {
      re = /(?!)/; // a pattern JavaScript cannot express matches nothing
    }
    cache.set(key, re);
  }
  return re.test(name);
}

/**
 * Expands a pattern into the existing paths it matches (in the locale's order), written the way the pattern was
 * (relative stays relative). Null when nothing matches: bash then keeps the word as typed.
 */
export function expandGlob(world: WorldState, host: HostState, cwd: string, pattern: string): string[] | null {
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/');
  // Paths being built: what the user sees, and where it is.
  let paths: Array<{ shown: string; abs: string }> = [{ shown: absolute ? '/' : '', abs: absolute ? '/' : cwd }];
  const join = (a: string, b: string) => (a === '' ? b : a.endsWith('/') ? a + b : `${a}/${b}`);
  comps.forEach((comp, idx) => {
    if (idx === 0 && absolute) return;
    const last = idx === comps.length - 1;
    if (comp === '') {
      // A trailing slash keeps only directories.
      if (last) {
        paths = paths
          .filter((p) => {
            const n = lookup(world, host, p.abs);
            return n.ok && n.value.type === 'dir';
          })
          .map((p) => ({ shown: p.shown + '/', abs: p.abs }));
      }
      return;
    }
    const next: typeof paths = [];
    for (const p of paths) {
      if (!hasGlob(comp)) {
        const name = unescapeGlob(comp);
        next.push({ shown: join(p.shown, name), abs: normalizePath(name, p.abs) });
        continue;
      }
      const entries = listDir(world, host, p.abs);
      if (!entries.ok) continue;
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      for (const [name] of entries.value) {
        if (name.startsWith('.') && !dotOk) continue;
        if (globMatch(comp, name)) next.push({ shown: join(p.shown, name), abs: normalizePath(name, p.abs) });
        if (next.length > MAX_GLOB_RESULTS) break;
      }
    }
    paths = next;
  });
  const found = paths.filter((p) => lookup(world, host, p.abs, '/', true).ok).map((p) => p.shown);
  if (!found.length) return null;
  return found.sort(collate);
}
