// Builds the command list from tokens: lists of and-or chains of pipelines of simple commands,
// each with its redirections. Syntax errors are reported with bash's wording.
import type { Operator, Token, WordSegment } from './tokenize';

export interface Redirect {
  op: Operator;
  target: WordSegment[] | null;
}
export interface SimpleCommand {
  words: WordSegment[][];
  redirects: Redirect[];
}
export type Pipeline = SimpleCommand[];
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export type ParseResult = { ok: true; list: AndOr[] } | { ok: false; error: string };

const REDIRECT_OPS = new Set<Operator>(['>', '>>', '<', '2>', '2>>', '&>', '>&', '<<']);

const unexpected = (t: Token | undefined): ParseResult => ({
  ok: false,
  error: `syntax error near unexpected token \`${t ? (t.type === 'op' ? t.op : t.segments.map((s) => s.text).join('')) : 'newline'}'`,
});

export function parse(tokens: readonly Token[]): ParseResult {
  const list: AndOr[] = [];
  let i = 0;

  const parseCommand = (): SimpleCommand | ParseResult => {
    const cmd: SimpleCommand = { words: [], redirects: [] };
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (t.type === 'word') {
        cmd.words.push(t.segments);
        i++;
      } else if (t.op === '2>&1') {
        cmd.redirects.push({ op: t.op, target: null });
        i++;
      } else if (REDIRECT_OPS.has(t.op)) {
        const target = tokens[i + 1];
        if (!target || target.type !== 'word') return unexpected(target);
        cmd.redirects.push({ op: t.op, target: target.segments });
        i += 2;
      } else break;
    }
    if (!cmd.words.length && !cmd.redirects.length) return unexpected(tokens[i]);
    return cmd;
  };

  const parsePipeline = (): Pipeline | ParseResult => {
    const first = parseCommand();
    if ('ok' in first) return first;
    const p: Pipeline = [first];
    while (tokens[i]?.type === 'op' && (tokens[i] as { op: Operator }).op === '|') {
      i++;
      const next = parseCommand();
      if ('ok' in next) return next;
      p.push(next);
    }
    return p;
  };

  while (i < tokens.length) {
    const first = parsePipeline();
    if ('ok' in first) return first;
    const andOr: AndOr = { first, rest: [] };
    while (tokens[i]?.type === 'op') {
      const op = (tokens[i] as { op: Operator }).op;
      if (op !== '&&' && op !== '||') break;
      i++;
      const next = parsePipeline();
      if ('ok' in next) return next;
      andOr.rest.push({ op, pipeline: next });
    }
    list.push(andOr);
    const sep = tokens[i];
    if (!sep) break;
    if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
      i++;
      continue;
    }
    return unexpected(sep);
  }
  return { ok: true, list };
}
