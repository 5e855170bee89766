// Tab completion for the line editor: command names (registry and aliases) for the first word;
// then options from the command's declared `args` when the word starts with '-', the command's
// own completer (subcommands, domain names, hosts), else paths from the host's VFS.
// `$NAME` completes variable names, `~` the home directory.
import { listDir, lookup, normalizePath } from '../sim/vfs';
import { optionWords } from './args';
import type { Completion } from '../programs/line-editor';
import type { CompletionContext, Registry } from './types';

export interface LineCompletionContext extends CompletionContext {
  registry: Registry;
}

export function completeLine(ctx: LineCompletionContext, line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  // The current command starts after the last control operator.
  const cmdStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&'), before.lastIndexOf('(')) + 1;
  const segment = before.slice(cmdStart);
  const current = /\S*$/.exec(segment)?.[0] ?? '';
  const start = cursor - current.length;
  const words = segment.slice(0, segment.length - current.length).trim().split(/\s+/).filter(Boolean);
  // Words after a redirection operator name files.
  const afterRedirect = /(^|\s)\d*[<>]+&?$/.test(segment.slice(0, segment.length - current.length).trimEnd()) || /^\d*[<>]/.test(current);
  if (current.startsWith('$') && !current.includes('/')) {
    const names = [...new Set([...Object.keys(ctx.frame.env), ...Object.keys(ctx.frame.vars ?? {})])];
    return { start, candidates: names.map((n) => '$' + n).filter((n) => n.startsWith(current)) };
  }
  if (afterRedirect) {
    const m = /^\d*[<>]+&?/.exec(current);
    const pre = m ? m[0] : '';
    return { start: start + pre.length, candidates: completePath(ctx, current.slice(pre.length)) };
  }
  const commandWords = words.filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  if (commandWords.length === 0) {
    if (current.includes('/') || current.startsWith('~') || current.startsWith('.')) return { start, candidates: completePath(ctx, current) };
    const names = [...ctx.registry.names(), ...Object.keys(ctx.frame.aliases)];
    return { start, candidates: names.filter((n) => n.startsWith(current)) };
  }
  const spec = ctx.registry.get(commandWords[0]!);
  // A tool's own completer knows its option words better than its getopt letters (`-ll`, `-kshow paths`).
  if (spec?.args && !spec.complete && current.startsWith('-')) {
    const opts = optionWords(spec.args, current);
    if (opts.length) return { start, candidates: opts };
  }
  const own = spec?.complete?.(ctx, commandWords.slice(1), current);
  if (own && own.length) return { start, candidates: own };
  return { start, candidates: completePath(ctx, current) };
}

/** File names under the directory part of `word`; directories end in '/'. `dirsOnly` for `cd`. */
export function completePath(ctx: CompletionContext, word: string, dirsOnly = false): string[] {
  if (word === '~') return ['~/'];
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const home = ctx.frame.env.HOME ?? '/root';
  const dirAbs = normalizePath(dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart || '.', ctx.frame.cwd);
  const entries = listDir(ctx.world, ctx.host, dirAbs);
  if (!entries.ok) return [];
  const out: string[] = [];
  for (const [name, node] of entries.value) {
    if (!name.startsWith(prefix) || (name.startsWith('.') && !prefix.startsWith('.'))) continue;
    // A link to a directory completes like a directory.
    const isDir = node.type === 'dir' || (node.type === 'link' && (() => {
      const t = lookup(ctx.world, ctx.host, normalizePath(name, dirAbs));
      return t.ok && t.value.type === 'dir';
    })());
    if (dirsOnly && !isDir) continue;
    out.push(dirPart + name + (isDir ? '/' : ''));
  }
  return out;
}
