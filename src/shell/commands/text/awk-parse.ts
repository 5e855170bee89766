// The awk language (the part one-liners use, as gawk 3.1 reads it): lexer and recursive-descent
// parser producing a small AST. Syntax errors are reported the gawk way, with the source line
// and a caret under the offending token.

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Node }
  | { t: 'index'; name: string; keys: Node[] }
  | { t: 'assign'; op: string; target: Node; e: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'not'; e: Node }
  | { t: 'neg'; e: Node }
  | { t: 'plus'; e: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Node }
  | { t: 'match'; neg: boolean; e: Node; re: Node }
  | { t: 'in'; keys: Node[]; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'group'; e: Node };

export type Stmt =
  | { t: 'expr'; e: Node }
  | { t: 'print'; args: Node[]; redirect?: { op: string; target: Node } }
  | { t: 'printf'; args: Node[]; redirect?: { op: string; target: Node } }
  | { t: 'if'; c: Node; then: Stmt; else?: Stmt }
  | { t: 'while'; c: Node; body: Stmt }
  | { t: 'do'; body: Stmt; c: Node }
  | { t: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { t: 'forin'; v: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' }
  | { t: 'exit'; e?: Node }
  | { t: 'break' }
  | { t: 'continue' }
  | { t: 'delete'; name: string; keys?: Node[] }
  | { t: 'getline' };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  /** A range pattern `p1, p2`. */
  pattern2?: Node;
  action?: Stmt[];
}

export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);
const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'delete', 'in', 'print', 'printf', 'getline', 'function', 'return']);

type Tok = { k: 'num'; v: number; at: number } | { k: 'str'; v: string; at: number } | { k: 'regex'; v: string; at: number } | { k: 'name'; v: string; at: number } | { k: 'kw'; v: string; at: number } | { k: 'op'; v: string; at: number } | { k: 'nl'; at: number } | { k: 'eof'; at: number };

export class AwkSyntaxError {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**', '>>', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const prevAllowsDivision = () => {
    const p = toks[toks.length - 1];
    if (!p) return false;
    return p.k === 'num' || p.k === 'str' || p.k === 'name' || (p.k === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--'));
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ k: 'nl', at: i });
      i++;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ k: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated string', i);
        if (src[j] === '\\' && j + 1 < src.length) {
          const d = src[j + 1]!;
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (esc[d] !== undefined) s += esc[d];
          else if (/[0-7]/.test(d)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(j + 1))![0];
            s += String.fromCharCode(parseInt(m, 8));
            j += m.length - 1;
          } else s += '\\' + d;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated string', i);
      toks.push({ k: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    if (c === '/' && !prevAllowsDivision()) {
      let j = i + 1;
      let s = '';
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated regexp', i);
        if (src[j] === '\\' && j + 1 < src.length) {
          s += src[j + 1] === '/' ? '/' : src[j]! + src[j + 1]!;
          j += 2;
          continue;
        }
        if (src[j] === '[') inBracket = true;
        else if (src[j] === ']') inBracket = false;
        s += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated regexp', i);
      toks.push({ k: 'regex', v: s, at: i });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      toks.push({ k: KEYWORDS.has(word[0]) ? 'kw' : 'name', v: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError('invalid char', i);
    toks.push({ k: 'op', v: op === '**' ? '^' : op, at: i });
    i += op.length;
  }
  toks.push({ k: 'eof', at: src.length });
  return toks;
}

export function parseAwk(src: string): Rule[] {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p]!;
  const isOp = (v: string) => peek().k === 'op' && (peek() as { v: string }).v === v;
  const isKw = (v: string) => peek().k === 'kw' && (peek() as { v: string }).v === v;
  const fail = (): never => {
    const t = peek();
    throw new AwkSyntaxError(t.k === 'eof' || t.k === 'nl' ? 'unexpected newline or end of string' : 'syntax error', t.at);
  };
  const expectOp = (v: string) => {
    if (!isOp(v)) fail();
    p++;
  };
  const nls = () => {
    while (peek().k === 'nl') p++;
  };
  const terms = () => {
    while (peek().k === 'nl' || isOp(';')) p++;
  };

  // Expressions, lowest precedence first. `noIn` and `noGt` serve for-in heads and print lists.
  const expr = (noGt = false): Node => ternary(noGt);
  const ternary = (noGt: boolean): Node => {
    const c = or(noGt);
    if (isOp('?')) {
      p++;
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
      const op = (toks[p++] as { v: string }).v;
      nls();
      return { t: 'assign', op, target: c, e: ternary(noGt) };
    }
    return c;
  };
  const or = (noGt: boolean): Node => {
    let a = and(noGt);
    while (isOp('||')) {
      p++;
      nls();
      a = { t: 'bin', op: '||', a, b: and(noGt) };
    }
    return a;
  };
  const and = (noGt: boolean): Node => {
    let a = inExpr(noGt);
    while (isOp('&&')) {
      p++;
      nls();
      a = { t: 'bin', op: '&&', a, b: inExpr(noGt) };
    }
    return a;
  };
  const inExpr = (noGt: boolean): Node => {
    let a = matchExpr(noGt);
    while (isKw('in')) {
      p++;
      const name = peek();
      if (name.k !== 'name') fail();
      p++;
      a = { t: 'in', keys: [a], name: (name as { v: string }).v };
    }
    return a;
  };
  const matchExpr = (noGt: boolean): Node => {
    let a = comparison(noGt);
    while (isOp('~') || isOp('!~')) {
      const neg = (toks[p++] as { v: string }).v === '!~';
      a = { t: 'match', neg, e: a, re: comparison(noGt) };
    }
    return a;
  };
  const comparison = (noGt: boolean): Node => {
    const a = concat(noGt);
    const t = peek();
    if (t.k === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      p++;
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
      const op = (toks[p++] as { v: string }).v;
      a = { t: 'bin', op, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Node => {
    let a = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = (toks[p++] as { v: string }).v;
      a = { t: 'bin', op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('!')) {
      p++;
      return { t: 'not', e: unary() };
    }
    if (isOp('-')) {
      p++;
      return { t: 'neg', e: unary() };
    }
    if (isOp('+')) {
      p++;
      return { t: 'plus', e: unary() };
    }
    return power();
  };
  const power = (): Node => {
    const a = postfix();
    if (isOp('^')) {
      p++;
      return { t: 'bin', op: '^', a, b: unaryPow() };
    }
    return a;
  };
  const unaryPow = (): Node => (isOp('-') ? (p++, { t: 'neg', e: unaryPow() }) : power());
  const postfix = (): Node => {
    if (isOp('++') || isOp('--')) {
      const op = (toks[p++] as { v: string }).v as '++' | '--';
      const target = postfix();
      if (target.t !== 'var' && target.t !== 'field' && target.t !== 'index') fail();
      return { t: 'incdec', op, prefix: true, target };
    }
    const a = primary();
    if ((isOp('++') || isOp('--')) && (a.t === 'var' || a.t === 'field' || a.t === 'index')) {
      const op = (toks[p++] as { v: string }).v as '++' | '--';
      return { t: 'incdec', op, prefix: false, target: a };
    }
    return a;
  };
  const primary = (): Node => {
    const t = peek();
    if (t.k === 'num') {
      p++;
      return { t: 'num', v: t.v };
    }
    if (t.k === 'str') {
      p++;
      return { t: 'str', v: t.v };
    }
    if (t.k === 'regex') {
      p++;
      return { t: 'regex', src: t.v };
    }
    if (t.k === 'op' && t.v === '$') {
      p++;
      return { t: 'field', e: isOp('++') || isOp('--') || isOp('-') ? unary() : primary() };
    }
    if (t.k === 'op' && t.v === '(') {
      p++;
      nls();
      const first = expr();
      if (isOp(',')) {
        // (i, j) in arr
        const keys = [first];
        while (isOp(',')) {
          p++;
          nls();
          keys.push(expr());
        }
        expectOp(')');
        if (!isKw('in')) fail();
        p++;
        const name = peek();
        if (name.k !== 'name') return fail();
        p++;
        return { t: 'in', keys, name: name.v };
      }
      nls();
      expectOp(')');
      return { t: 'group', e: first };
    }
    if (t.k === 'name') {
      p++;
      if (BUILTINS.has(t.v)) {
        if (!isOp('(')) return t.v === 'length' ? { t: 'call', name: 'length', args: [] } : fail();
        p++;
        nls();
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(expr());
          while (isOp(',')) {
            p++;
            nls();
            args.push(expr());
          }
        }
        nls();
        expectOp(')');
        return { t: 'call', name: t.v, args };
      }
      if (isOp('[')) {
        p++;
        const keys = [expr()];
        while (isOp(',')) {
          p++;
          keys.push(expr());
        }
        expectOp(']');
        return { t: 'index', name: t.v, keys };
      }
      if (isOp('(') && toks[p]!.at === t.at + t.v.length) fail(); // user functions are not supported
      return { t: 'var', name: t.v };
    }
    if (t.k === 'kw' && t.v === 'getline') {
      p++;
      return { t: 'call', name: 'getline', args: [] };
    }
    return fail();
  };

  const simpleStatement = (): Stmt => {
    const t = peek();
    if (t.k === 'kw' && (t.v === 'print' || t.v === 'printf')) {
      p++;
      let args: Node[] = [];
      const endOfList = () => peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}') || isOp('>') || isOp('>>') || isOp('|');
      if (!endOfList()) {
        if (isOp('(')) {
          // print (a, b) > "f": a parenthesised list.
          const save = p;
          p++;
          const list = [expr()];
          while (isOp(',')) {
            p++;
            nls();
            list.push(expr());
          }
          if (isOp(')') && ((p++, endOfList()) || false)) args = list;
          else {
            p = save;
            args = [expr(true)];
            while (isOp(',')) {
              p++;
              nls();
              args.push(expr(true));
            }
          }
        } else {
          args = [expr(true)];
          while (isOp(',')) {
            p++;
            nls();
            args.push(expr(true));
          }
        }
      }
      let redirect: { op: string; target: Node } | undefined;
      if (isOp('>') || isOp('>>') || isOp('|')) {
        const op = (toks[p++] as { v: string }).v;
        redirect = { op, target: concat(true) };
      }
      if (t.v === 'printf' && !args.length) fail();
      return { t: t.v, args, ...(redirect && { redirect }) } as Stmt;
    }
    if (t.k === 'kw' && t.v === 'next') return (p++, { t: 'next' });
    if (t.k === 'kw' && t.v === 'nextfile') return (p++, { t: 'next' });
    if (t.k === 'kw' && t.v === 'break') return (p++, { t: 'break' });
    if (t.k === 'kw' && t.v === 'continue') return (p++, { t: 'continue' });
    if (t.k === 'kw' && t.v === 'exit') {
      p++;
      const end = peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}');
      return end ? { t: 'exit' } : { t: 'exit', e: expr() };
    }
    if (t.k === 'kw' && t.v === 'delete') {
      p++;
      const name = peek();
      if (name.k !== 'name') fail();
      p++;
      if (!isOp('[')) return { t: 'delete', name: (name as { v: string }).v };
      p++;
      const keys = [expr()];
      while (isOp(',')) {
        p++;
        keys.push(expr());
      }
      expectOp(']');
      return { t: 'delete', name: (name as { v: string }).v, keys };
    }
    return { t: 'expr', e: expr() };
  };

  const statement = (): Stmt => {
    nls();
    const t = peek();
    if (t.k === 'op' && t.v === '{') {
      p++;
      const body = statements();
      expectOp('}');
      return { t: 'block', body };
    }
    if (t.k === 'op' && t.v === ';') {
      p++;
      return { t: 'block', body: [] };
    }
    if (t.k === 'kw' && t.v === 'if') {
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      const then = statement();
      const save = p;
      terms();
      if (isKw('else')) {
        p++;
        return { t: 'if', c, then, else: statement() };
      }
      p = save;
      return { t: 'if', c, then };
    }
    if (t.k === 'kw' && t.v === 'while') {
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      if (isOp(';')) {
        p++;
        return { t: 'while', c, body: { t: 'block', body: [] } };
      }
      return { t: 'while', c, body: statement() };
    }
    if (t.k === 'kw' && t.v === 'do') {
      p++;
      const body = statement();
      terms();
      if (!isKw('while')) fail();
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      return { t: 'do', body, c };
    }
    if (t.k === 'kw' && t.v === 'for') {
      p++;
      expectOp('(');
      const a = toks[p];
      const b = toks[p + 1];
      const c2 = toks[p + 2];
      const d = toks[p + 3];
      if (a?.k === 'name' && b?.k === 'kw' && b.v === 'in' && c2?.k === 'name' && d?.k === 'op' && d.v === ')') {
        p += 4;
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
        p++;
        return { t: 'for', ...(init && { init }), ...(c && { c }), ...(step && { step }), body: { t: 'block', body: [] } };
      }
      return { t: 'for', ...(init && { init }), ...(c && { c }), ...(step && { step }), body: statement() };
    }
    const s = simpleStatement();
    if (!(peek().k === 'nl' || peek().k === 'eof' || isOp(';') || isOp('}'))) fail();
    if (isOp(';')) p++;
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
      const kind = (toks[p++] as { v: string }).v === 'BEGIN' ? 'begin' : 'end';
      nls();
      if (!isOp('{')) fail();
      rule = { kind };
    } else if (isOp('{')) rule = { kind: 'main' };
    else {
      const pattern = expr();
      rule = { kind: 'main', pattern };
      if (isOp(',')) {
        p++;
        nls();
        rule.pattern2 = expr();
      }
    }
    if (isOp('{')) {
      p++;
      rule.action = statements();
      expectOp('}');
    } else if (!(peek().k === 'nl' || peek().k === 'eof' || isOp(';'))) fail();
    // After an action, the next rule may follow on the same line.
    rules.push(rule);
    terms();
  }
  return rules;
}
