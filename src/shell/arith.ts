// Shell arithmetic for `$(( ))`: integers (64-bit in bash; JS safe integers here), variables by
// name, + - * / % ** unary - + ! ~, comparisons, && ||, bit operators, ?: and parentheses.
// Errors are returned in bash's words ("division by 0 (error token is ...)").

export type ArithResult = { ok: true; value: number } | { ok: false; error: string };

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '~', '&', '|', '^', '(', ')', '?', ':'];

function lex(expr: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|\d+)/.exec(expr.slice(i));
    if (num) {
      const text = num[0];
      const v = /^0[xX]/.test(text) ? parseInt(text, 16) : text.length > 1 && text.startsWith('0') ? parseInt(text, 8) : Number(text);
      if (Number.isNaN(v)) return expr.slice(i);
      out.push({ t: 'num', v });
      i += text.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (!op) return expr.slice(i);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = { '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11 };

class Fail {
  constructor(readonly msg: string) {}
}

export function evalArith(expr: string, lookup: (name: string) => string): ArithResult {
  const toks = lex(expr);
  const errTok = (rest: string) => `${expr.trim()}: syntax error: invalid arithmetic operator (error token is "${rest}")`;
  if (typeof toks === 'string') return { ok: false, error: errTok(toks) };
  if (!toks.length) return { ok: true, value: 0 };
  let i = 0;
  const restText = () => toks.slice(i).map((t) => String(t.v)).join(' ');
  const variable = (name: string, depth: number): number => {
    const v = lookup(name).trim();
    if (!v) return 0;
    if (/^-?\d+$/.test(v)) return Number(v);
    if (depth > 8) throw new Fail(`${name}: expression recursion level exceeded`);
    const r = evalArith(v, lookup);
    if (!r.ok) throw new Fail(r.error);
    return r.value;
  };
  let depth = 0;
  const primary = (): number => {
    if (++depth > 256) throw new Fail(`${expr.trim()}: expression recursion level exceeded (error token is "${restText()}")`);
    try {
      return primaryInner();
    } finally {
      depth--;
    }
  };
  const primaryInner = (): number => {
    const t = toks[i];
    if (!t) throw new Fail(`${expr.trim()}: syntax error: operand expected (error token is "${restText()}")`);
    i++;
    if (t.t === 'num') return t.v;
    if (t.t === 'id') return variable(t.v, 0);
    if (t.v === '(') {
      const v = ternary();
      const close = toks[i];
      if (close?.t !== 'op' || close.v !== ')') throw new Fail(`${expr.trim()}: syntax error: missing \`)' (error token is "${restText()}")`);
      i++;
      return v;
    }
    if (t.v === '-') return -primary();
    if (t.v === '+') return primary();
    if (t.v === '!') return primary() ? 0 : 1;
    if (t.v === '~') return ~primary();
    i--;
    throw new Fail(`${expr.trim()}: syntax error: operand expected (error token is "${restText()}")`);
  };
  const binary = (minPrec: number): number => {
    let left = primary();
    for (;;) {
      const t = toks[i];
      if (t?.t !== 'op') break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      i++;
      const right = binary(t.v === '**' ? prec : prec + 1);
      left = apply(t.v, left, right);
    }
    return left;
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) throw new Fail(`${expr.trim()}: division by 0 (error token is "${restText() || String(b)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        if (b < 0) throw new Fail(`${expr.trim()}: exponent less than 0 (error token is "${restText() || String(b)}")`);
        return Math.pow(a, Math.min(b, 1100));
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '<':
        return +(a < b);
      case '>':
        return +(a > b);
      case '<=':
        return +(a <= b);
      case '>=':
        return +(a >= b);
      case '==':
        return +(a === b);
      case '!=':
        return +(a !== b);
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&&':
        return +(!!a && !!b);
      default:
        return +(!!a || !!b);
    }
  };
  const ternary = (): number => {
    const cond = binary(1);
    const t = toks[i];
    if (t?.t === 'op' && t.v === '?') {
      i++;
      const a = ternary();
      const colon = toks[i];
      if (colon?.t !== 'op' || colon.v !== ':') throw new Fail(`${expr.trim()}: syntax error in expression (error token is "${restText()}")`);
      i++;
      const b = ternary();
      return cond ? a : b;
    }
    return cond;
  };
  try {
    const v = ternary();
    if (i < toks.length) return { ok: false, error: `${expr.trim()}: syntax error in expression (error token is "${restText()}")` };
    return { ok: true, value: Number.isFinite(v) ? v : 0 };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.msg };
    throw e;
  }
}
