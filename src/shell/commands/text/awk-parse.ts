// The awk parser (the part one-liners use, as gawk 3.1 reads it): rules, patterns and ranges,
// actions and statements, over the tokens of awk-lexer.ts and the expressions of awk-parse-expr.ts.
import { AwkSyntaxError, lex, type Tok } from './awk-lexer';
import { expressionParser } from './awk-parse-expr';
import { TokenCursor } from './awk-token-cursor';
import type { Node, Rule, Stmt } from './awk-ast';

export type { Node, Rule, Stmt } from './awk-ast';
export { AwkSyntaxError } from './awk-lexer';

export function parseAwk(src: string, warn?: (msg: string, at: number) => void): Rule[] {
  const toks = lex(src, warn);
  tooDeep(toks);
  const cur = new TokenCursor(toks);
  const { peek, isOp, isKw, fail, expectOp, nls, terms } = cur;
  const { expr, concat, subscripts } = expressionParser(cur);

  const simpleStatement = (): Stmt => {
    const t = peek();
    if (t.k === 'kw' && (t.v === 'print' || t.v === 'printf')) {
      cur.p++;
      let args: Node[] = [];
      const endOfList = () => peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}') || isOp('>') || isOp('>>') || isOp('|');
      if (!endOfList()) {
        if (isOp('(')) {
          // print (a, b) > "f": a parenthesised list.
          const save = cur.p;
          cur.p++;
          const list = [expr()];
          while (isOp(',')) {
            cur.p++;
            nls();
            list.push(expr());
          }
          if (isOp(')') && ((cur.p++, endOfList()) || false)) args = list;
          else {
            cur.p = save;
            args = [expr(true)];
            while (isOp(',')) {
              cur.p++;
              nls();
              args.push(expr(true));
            }
          }
        } else {
          args = [expr(true)];
          while (isOp(',')) {
            cur.p++;
            nls();
            args.push(expr(true));
          }
        }
      }
      let redirect: { op: string; target: Node } | undefined;
      if (isOp('>') || isOp('>>') || isOp('|')) {
        const op = (toks[cur.p++] as { v: string }).v;
        redirect = { op, target: concat(true) };
      }
      if (t.v === 'printf' && !args.length) fail();
      return { t: t.v, args, ...(redirect && { redirect }) } as Stmt;
    }
    if (t.k === 'kw' && t.v === 'next') return (cur.p++, { t: 'next' });
    if (t.k === 'kw' && t.v === 'nextfile') return (cur.p++, { t: 'next' });
    if (t.k === 'kw' && t.v === 'break') return (cur.p++, { t: 'break' });
    if (t.k === 'kw' && t.v === 'continue') return (cur.p++, { t: 'continue' });
    if (t.k === 'kw' && t.v === 'exit') {
      cur.p++;
      const end = peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}');
      return end ? { t: 'exit' } : { t: 'exit', e: expr() };
    }
    if (t.k === 'kw' && t.v === 'delete') {
      cur.p++;
      const name = peek();
      if (name.k !== 'name') fail();
      cur.p++;
      if (!isOp('[')) return { t: 'delete', name: (name as { v: string }).v };
      return { t: 'delete', name: (name as { v: string }).v, keys: subscripts() };
    }
    return { t: 'expr', e: expr() };
  };

  const statement = (): Stmt => {
    nls();
    const t = peek();
    if (t.k === 'op' && t.v === '{') {
      cur.p++;
      const body = statements();
      expectOp('}');
      return { t: 'block', body };
    }
    if (t.k === 'op' && t.v === ';') {
      cur.p++;
      return { t: 'block', body: [] };
    }
    if (t.k === 'kw' && t.v === 'if') {
      cur.p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      const then = statement();
      const save = cur.p;
      terms();
      if (isKw('else')) {
        cur.p++;
        return { t: 'if', c, then, else: statement() };
      }
      cur.p = save;
      return { t: 'if', c, then };
    }
    if (t.k === 'kw' && t.v === 'while') {
      cur.p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      if (isOp(';')) {
        cur.p++;
        return { t: 'while', c, body: { t: 'block', body: [] } };
      }
      return { t: 'while', c, body: statement() };
    }
    if (t.k === 'kw' && t.v === 'do') {
      cur.p++;
      const body = statement();
      terms();
      if (!isKw('while')) fail();
      cur.p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      return { t: 'do', body, c };
    }
    if (t.k === 'kw' && t.v === 'for') {
      cur.p++;
      expectOp('(');
      const a = toks[cur.p];
      const b = toks[cur.p + 1];
      const c2 = toks[cur.p + 2];
      const d = toks[cur.p + 3];
      if (a?.k === 'name' && b?.k === 'kw' && b.v === 'in' && c2?.k === 'name' && d?.k === 'op' && d.v === ')') {
        cur.p += 4;
        return { t: 'forin', v: a.v, arr: c2.v, body: statement() };
      }
      const init = isOp(';') ? undefined : simpleStatement();
      expectOp(';');
      nls();
      const c = isOp(';') ? undefined : expr();
      expectOp(';');
      nls();
      const step = isOp(')') ? undefined : simpleStatement();
      expectOp(')');
      if (isOp(';')) {
        cur.p++;
        return { t: 'for', ...(init && { init }), ...(c && { c }), ...(step && { step }), body: { t: 'block', body: [] } };
      }
      return { t: 'for', ...(init && { init }), ...(c && { c }), ...(step && { step }), body: statement() };
    }
    const s = simpleStatement();
    if (!(peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}'))) fail();
    if (isOp(';')) cur.p++;
    return s;
  };

  const statements = (): Stmt[] => {
    const out: Stmt[] = [];
    terms();
    while (!isOp('}') && peek().k !== 'eof') {
      out.push(statement());
      terms();
    }
    return out;
  };

  const rules: Rule[] = [];
  terms();
  while (peek().k !== 'eof') {
    if (isKw('function')) fail();
    let rule: Rule;
    if (isKw('BEGIN') || isKw('END')) {
      const kind = (toks[cur.p++] as { v: string }).v === 'BEGIN' ? 'begin' : 'end';
      nls();
      if (!isOp('{')) fail();
      rule = { kind };
    } else if (isOp('{')) rule = { kind: 'main' };
    else {
      const pattern = expr();
      rule = { kind: 'main', pattern };
      if (isOp(',')) {
        cur.p++;
        nls();
        rule.pattern2 = expr();
      }
    }
    if (isOp('{')) {
      cur.p++;
      rule.action = statements();
      expectOp('}');
    } else if (!(peek().k === 'nl' || peek().k === 'eof' || isOp(';'))) fail();
    // After an action, the next rule may follow on the same line.
    rules.push(rule);
    terms();
  }
  return rules;
}

/** Deepest nesting of ( [ { the parser descends into: gawk's bison stack answers `memory exhausted` there. */
const MAX_NESTING = 200;

/** Refuses a program nested deeper than the parser's stack, at the token that goes too deep (as gawk does). */
function tooDeep(toks: readonly Tok[]): void {
  let depth = 0;
  for (const t of toks) {
    if (t.k !== 'op') continue;
    if (t.v === '(' || t.v === '{' || t.v === '[') {
      if (++depth > MAX_NESTING) throw new AwkSyntaxError('memory exhausted', t.at);
    } else if (t.v === ')' || t.v === '}' || t.v === ']') depth--;
  }
}
