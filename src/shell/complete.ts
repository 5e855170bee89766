// Tab completion for the line editor: command names from the registry for the first word,
// then the command's own completer, else paths from the host's VFS.
import { listDir, normalizePath } from '../sim/vfs';
import type { Completion } from '../tty/line-editor';
import type { CompletionContext, Registry } from './types';

export interface LineCompletionContext extends CompletionContext {
  registry: Registry;
}

export function completeLine(ctx: LineCompletionContext, line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  // The current command starts after the last control operator.
  const cmdStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
  const segment = before.slice(cmdStart);
  const start = cursor - (/\S*$/.exec(segment)?.[0].length ?? 0);
  const current = line.slice(start, cursor);
  const words = segment.trim() ? segment.slice(0, start - cmdStart).trim().split(/\s+/).filter(Boolean) : [];
  if (words.length === 0) {
    if (current.includes('/')) return { start, candidates: completePath(ctx, current) };
    const names = [...ctx.registry.names(), ...Object.keys(ctx.frame.aliases)];
    return { start, candidates: names.filter((n) => n.startsWith(current)) };
  }
  const spec = ctx.registry.get(words[0]!);
  const own = spec?.complete?.(ctx, words.slice(1), current);
  if (own && own.length) return { start, candidates: own };
  return { start, candidates: completePath(ctx, current) };
}

/** File names under the directory part of `word`; directories end in '/'. */
export function completePath(ctx: CompletionContext, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const home = ctx.frame.env.HOME ?? '/root';
  const dirAbs = normalizePath(dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart || '.', ctx.frame.cwd);
  const entries = listDir(ctx.world, ctx.host, dirAbs);
  if (!entries.ok) return [];
  return entries.value
    .filter(([name]) => name.startsWith(prefix) && (prefix.startsWith('.') || !name.startsWith('.')))
    .map(([name, node]) => dirPart + name + (node.type === 'dir' ? '/' : ''));
}
