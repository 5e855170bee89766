// awk expressions, lowest precedence first: ternary and assignment, || && in ~ comparison,
// concatenation, + - * / %, unary, ^, ++/--, and primaries ($, groups, calls, array elements).
import type { Node } from './awk-ast';
import type { TokenCursor } from './awk-token-cursor';

export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);

export interface ExpressionParser {
  /** A full expression; `noGt` leaves a top-level `>` for print's redirection. */
  expr: (noGt?: boolean) => Node;
  /** A concatenation (no comparison), as a print redirection target. */
  concat: (noGt: boolean) => Node;
  /** `[k1, k2…]` after an array name (the `[` is next): the subscript expressions. */
  subscripts: () => Node[];
}

export function expressionParser(cur: TokenCursor): ExpressionParser {
  const { toks, peek, isOp, isKw, fail, expectOp, nls } = cur;

  // Expressions, lowest precedence first. `noIn` and `noGt` serve for-in heads and print lists.
  const expr = (noGt = false): Node => ternary(noGt);
  const subscripts = (): Node[] => {
    expectOp('[');
    const keys = [expr()];
    while (isOp(',')) {
      cur.p++;
      keys.push(expr());
    }
    expectOp(']');
    return keys;
  };
  const ternary = (noGt: boolean): Node => {
    const c = or(noGt);
    if (isOp('?')) {
      cur.p++;
      nls();
      const a = ternary(noGt);
      nls();
      expectOp(':');
      nls();
      const b = ternary(noGt);
      return { t: 'cond', c, a, b };
    }
    if (peek().k === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes((peek() as { v: string }).v)) {
      if (c.t !== 'var' && c.t !== 'field' && c.t !== 'index') fail();
      const op = (toks[cur.p++] as { v: string }).v;
      nls();
      return { t: 'assign', op, target: c, e: ternary(noGt) };
    }
    return c;
  };
  const or = (noGt: boolean): Node => {
    let a = and(noGt);
    while (isOp('||')) {
      cur.p++;
      nls();
      a = { t: 'bin', op: '||', a, b: and(noGt) };
    }
    return a;
  };
  const and = (noGt: boolean): Node => {
    let a = inExpr(noGt);
    while (isOp('&&')) {
      cur.p++;
      nls();
      a = { t: 'bin', op: '&&', a, b: inExpr(noGt) };
    }
    return a;
  };
  const inExpr = (noGt: boolean): Node => {
    let a = matchExpr(noGt);
    while (isKw('in')) {
      cur.p++;
      const name = peek();
      if (name.k !== 'name') fail();
      cur.p++;
      a = { t: 'in', keys: [a], name: (name as { v: string }).v };
    }
    return a;
  };
  const matchExpr = (noGt: boolean): Node => {
    let a = comparison(noGt);
    while (isOp('~') || isOp('!~')) {
      const neg = (toks[cur.p++] as { v: string }).v === '!~';
      a = { t: 'match', neg, e: a, re: comparison(noGt) };
    }
    return a;
  };
  const comparison = (noGt: boolean): Node => {
    const a = concat(noGt);
    const t = peek();
    if (t.k === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      cur.p++;
      return { t: 'bin', op: t.v, a, b: concat(noGt) };
    }
    return a;
  };
  const startsOperand = (): boolean => {
    const t = peek();
    if (t.k === 'num' || t.k === 'str' || t.k === 'regex' || t.k === 'name') return true;
    if (t.k === 'kw') return false;
    return t.k === 'op' && ['$', '(', '!', '++', '--'].includes(t.v);
  };
  const concat = (noGt: boolean): Node => {
    let a = additive();
    // Juxtaposition concatenates; `!` and `-` after an operand are operators, not a new operand.
    while (startsOperand() && !isOp('!')) a = { t: 'bin', op: 'concat', a, b: additive() };
    void noGt;
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (toks[cur.p++] as { v: string }).v;
      a = { t: 'bin', op, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Node => {
    let a = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = (toks[cur.p++] as { v: string }).v;
      a = { t: 'bin', op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('!')) {
      cur.p++;
      return { t: 'not', e: unary() };
    }
    if (isOp('-')) {
      cur.p++;
      return { t: 'neg', e: unary() };
    }
    if (isOp('+')) {
      cur.p++;
      return { t: 'plus', e: unary() };
    }
    return power();
  };
  const power = (): Node => {
    const a = postfix();
    if (isOp('^')) {
      cur.p++;
      return { t: 'bin', op: '^', a, b: unaryPow() };
    }
    return a;
  };
  const unaryPow = (): Node => (isOp('-') ? (cur.p++, { t: 'neg', e: unaryPow() }) : power());
  const postfix = (): Node => {
    if (isOp('++') || isOp('--')) {
      const op = (toks[cur.p++] as { v: string }).v as '++' | '--';
      const target = postfix();
      if (target.t !== 'var' && target.t !== 'field' && target.t !== 'index') fail();
      return { t: 'incdec', op, prefix: true, target };
    }
    const a = primary();
    if ((isOp('++') || isOp('--')) && (a.t === 'var' || a.t === 'field' || a.t === 'index')) {
      const op = (toks[cur.p++] as { v: string }).v as '++' | '--';
      return { t: 'incdec', op, prefix: false, target: a };
    }
    return a;
  };
  const primary = (): Node => {
    const t = peek();
    if (t.k === 'num') {
      cur.p++;
      return { t: 'num', v: t.v };
    }
    if (t.k === 'str') {
      cur.p++;
      return { t: 'str', v: t.v };
    }
    if (t.k === 'regex') {
      cur.p++;
      return { t: 'regex', src: t.v };
    }
    if (t.k === 'op' && t.v === '$') {
      cur.p++;
      return { t: 'field', e: isOp('++') || isOp('--') || isOp('-') ? unary() : primary() };
    }
    if (t.k === 'op' && t.v === '(') {
      cur.p++;
      nls();
      const first = expr();
      if (isOp(',')) {
        // (i, j) in arr
        const keys = [first];
        while (isOp(',')) {
          cur.p++;
          nls();
          keys.push(expr());
        }
        expectOp(')');
        if (!isKw('in')) fail();
        cur.p++;
        const name = peek();
        if (name.k !== 'name') return fail();
        cur.p++;
        return { t: 'in', keys, name: name.v };
      }
      nls();
      expectOp(')');
      return { t: 'group', e: first };
    }
    if (t.k === 'name') {
      cur.p++;
      if (BUILTINS.has(t.v)) {
        if (!isOp('(')) return t.v === 'length' ? { t: 'call', name: 'length', args: [] } : fail();
        cur.p++;
        nls();
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(expr());
          while (isOp(',')) {
            cur.p++;
            nls();
            args.push(expr());
          }
        }
        nls();
        expectOp(')');
        return { t: 'call', name: t.v, args };
      }
      if (isOp('[')) return { t: 'index', name: t.v, keys: subscripts() };
      if (isOp('(') && toks[cur.p]!.at === t.at + t.v.length) fail(); // user functions are not supported
      return { t: 'var', name: t.v };
    }
    if (t.k === 'kw' && t.v === 'getline') {
      cur.p++;
      return { t: 'call', name: 'getline', args: [] };
    }
    return fail();
  };

  return { expr, concat, subscripts };
}
