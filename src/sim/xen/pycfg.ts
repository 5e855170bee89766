// Reads a vm.cfg the way `xm create` does — by executing it as Python — for the subset a config
// file uses: assignments of strings, numbers, booleans, None, lists, tuples and dicts, names
// assigned earlier, `+` and `*`. Errors come back as Python reports them (SyntaxError with its
// line, NameError, TypeError). Never evaluates anything else; every loop is bounded by the input.

export type PyValue = string | number | boolean | null | PyValue[] | { float: number } | { tuple: PyValue[] } | { dict: Array<[PyValue, PyValue]> };

export type PyResult =
  | { ok: true; vars: Map<string, PyValue> }
  | { ok: false; kind: 'SyntaxError'; line: number; text: string; message: string }
  | { ok: false; kind: 'NameError' | 'TypeError'; message: string };

type Tok =
  | { t: 'name'; v: string; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'num'; v: number; float: boolean; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'nl'; line: number }
  | { t: 'eof'; line: number };

class PySyntax {
  constructor(
    readonly line: number,
    readonly message = 'invalid syntax',
  ) {}
}
class PyRuntime {
  constructor(
    readonly kind: 'NameError' | 'TypeError',
    readonly message: string,
  ) {}
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  const push = (t: Tok) => toks.push(t);
  while (i < src.length) {
    const c = src[i]!;
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      if (depth === 0 && toks.length && toks[toks.length - 1]!.t !== 'nl') push({ t: 'nl', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    const strStart = /^[rRuUbB]{0,2}['"]/.exec(src.slice(i, i + 3));
    if (strStart) {
      const prefix = strStart[0].slice(0, -1).toLowerCase();
      const raw = prefix.includes('r');
      i += prefix.length;
      const q = src[i]!;
      const triple = src.slice(i, i + 3) === q.repeat(3);
      const startLine = line;
      i += triple ? 3 : 1;
      let v = '';
      for (;;) {
        if (i >= src.length) throw new PySyntax(startLine, triple ? 'EOF while scanning triple-quoted string literal' : 'EOL while scanning string literal');
        const ch = src[i]!;
        if (triple ? src.slice(i, i + 3) === q.repeat(3) : ch === q) {
          i += triple ? 3 : 1;
          break;
        }
        if (ch === '\n') {
          if (!triple) throw new PySyntax(startLine, 'EOL while scanning string literal');
          line++;
        }
        if (ch === '\\' && i + 1 < src.length) {
          const nx = src[i + 1]!;
          if (nx === '\n') line++;
          if (raw) v += ch + nx;
          else v += ESCAPES[nx] ?? ch + nx;
          i += 2;
          continue;
        }
        v += ch;
        i++;
      }
      push({ t: 'str', v, line: startLine });
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?)[lL]?/.exec(src.slice(i, i + 40));
    if (num && /[0-9.]/.test(c) && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) {
      const text = num[1]!;
      const isFloat = !/^0[xX]/.test(text) && /[.eE]/.test(text);
      push({ t: 'num', v: /^0[xX]/.test(text) ? parseInt(text, 16) : Number(text), float: isFloat, line });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (name) {
      push({ t: 'name', v: name[0], line });
      i += name[0].length;
      continue;
    }
    if ('[({'.includes(c)) depth++;
    if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    if ('=[](){},:+-*;.'.includes(c)) {
      push({ t: 'op', v: c, line });
      i++;
      continue;
    }
    throw new PySyntax(line);
  }
  if (depth > 0) throw new PySyntax(line, 'unexpected EOF while parsing');
  push({ t: 'nl', line });
  push({ t: 'eof', line });
  return toks;
}

const KEYWORDS = new Set(['and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'exec', 'finally', 'for', 'global', 'if', 'in', 'is', 'lambda', 'not', 'or', 'print', 'raise', 'return', 'try', 'while', 'with', 'yield']);

class Parser {
  private p = 0;
  readonly vars = new Map<string, PyValue>();
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.p]!;
  }
  private next(): Tok {
    return this.toks[this.p++]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private expectOp(v: string): void {
    const t = this.next();
    if (t.t !== 'op' || t.v !== v) throw new PySyntax(t.line);
  }

  run(): void {
    while (this.peek().t !== 'eof') {
      if (this.peek().t === 'nl') {
        this.next();
        continue;
      }
      this.statement();
      while (this.isOp(';')) {
        this.next();
        if (this.peek().t !== 'nl') this.statement();
      }
      const end = this.next();
      if (end.t !== 'nl') throw new PySyntax(end.line);
    }
  }

  private statement(): void {
    const head = this.peek();
    if (head.t === 'name' && (head.v === 'import' || head.v === 'from' || head.v === 'pass')) {
      // Imports succeed (the modules are not used by a config); skip to the end of the statement.
      while (this.peek().t !== 'nl' && this.peek().t !== 'eof' && !this.isOp(';')) this.next();
      return;
    }
    // Other statements (if, for, def, print …) are beyond the subset: refused as a syntax error.
    if (head.t === 'name' && KEYWORDS.has(head.v)) throw new PySyntax(head.line);
    // NAME = NAME = … = expr, or a bare expression (evaluated for its errors).
    const targets: string[] = [];
    for (;;) {
      const t = this.peek();
      const after = this.toks[this.p + 1]!;
      if (t.t === 'name' && after.t === 'op' && after.v === '=' && !['True', 'False', 'None'].includes(t.v)) {
        targets.push(t.v);
        this.p += 2;
        continue;
      }
      break;
    }
    const value = this.exprList();
    for (const name of targets) this.vars.set(name, value);
  }

  /** `a, b` at statement level makes a tuple. */
  private exprList(): PyValue {
    const first = this.expr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.peek().t === 'nl') break;
      items.push(this.expr());
    }
    return { tuple: items };
  }

  private expr(): PyValue {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next() as { v: string };
      left = binary(op.v, left, this.term());
    }
    return left;
  }

  private term(): PyValue {
    let left = this.unary();
    while (this.isOp('*')) {
      this.next();
      left = binary('*', left, this.unary());
    }
    return left;
  }

  private unary(): PyValue {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: string }).v;
      const v = this.unary();
      if (typeof v === 'number') return op === '-' ? -v : v;
      if (v !== null && typeof v === 'object' && 'float' in v) return { float: op === '-' ? -v.float : v.float };
      throw new PyRuntime('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`);
    }
    return this.atom();
  }

  private atom(): PyValue {
    const t = this.next();
    if (t.t === 'str') {
      let s = t.v;
      while (this.peek().t === 'str') s += (this.next() as { v: string }).v;
      return s;
    }
    if (t.t === 'num') return t.float ? { float: t.v } : t.v;
    if (t.t === 'name') {
      if (t.v === 'True') return true;
      if (t.v === 'False') return false;
      if (t.v === 'None') return null;
      const v = this.vars.get(t.v);
      if (v === undefined) throw new PyRuntime('NameError', `name '${t.v}' is not defined`);
      return v;
    }
    if (t.t === 'op' && t.v === '[') return this.seq(']');
    if (t.t === 'op' && t.v === '(') {
      if (this.isOp(')')) {
        this.next();
        return { tuple: [] };
      }
      const first = this.expr();
      if (this.isOp(')')) {
        this.next();
        return first;
      }
      this.expectOp(',');
      const rest = this.isOp(')') ? (this.next(), []) : (this.seq(')') as PyValue[]);
      return { tuple: [first, ...rest] };
    }
    if (t.t === 'op' && t.v === '{') {
      const items: Array<[PyValue, PyValue]> = [];
      while (!this.isOp('}')) {
        const k = this.expr();
        this.expectOp(':');
        items.push([k, this.expr()]);
        if (!this.isOp('}')) this.expectOp(',');
      }
      this.next();
      return { dict: items };
    }
    throw new PySyntax(t.line);
  }

  /** Items up to `close` (already past the opener), trailing comma allowed. */
  private seq(close: string): PyValue[] {
    const items: PyValue[] = [];
    while (!this.isOp(close)) {
      items.push(this.expr());
      if (!this.isOp(close)) this.expectOp(',');
    }
    this.next();
    return items;
  }
}

export function typeName(v: PyValue): string {
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if ('float' in v) return 'float';
  if ('tuple' in v) return 'tuple';
  return 'dict';
}

const numOf = (v: PyValue): number | undefined => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' && 'float' in v ? v.float : undefined);

function binary(op: string, a: PyValue, b: PyValue): PyValue {
  const na = numOf(a);
  const nb = numOf(b);
  if (na !== undefined && nb !== undefined) {
    const r = op === '+' ? na + nb : op === '-' ? na - nb : na * nb;
    const isFloat = (x: PyValue) => x !== null && typeof x === 'object' && 'float' in x;
    return isFloat(a) || isFloat(b) ? { float: r } : r;
  }
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (typeof a === 'string' || Array.isArray(a)) throw new PyRuntime('TypeError', `cannot concatenate '${typeName(a)}' and '${typeName(b)}' objects`);
  }
  if (op === '*') {
    const [seq, n] = typeof b === 'number' ? [a, b] : [b, na];
    if (typeof n === 'number' && Number.isInteger(n) && n < 10_000) {
      if (typeof seq === 'string' && seq.length * Math.max(0, n) < 1_000_000) return seq.repeat(Math.max(0, n));
      if (Array.isArray(seq) && seq.length * Math.max(0, n) < 100_000) return Array.from({ length: Math.max(0, n) }, () => seq).flat();
    }
  }
  throw new PyRuntime('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Executes a config file's text. Never throws. */
export function execPyConfig(src: string): PyResult {
  try {
    const parser = new Parser(tokenize(src));
    parser.run();
    return { ok: true, vars: parser.vars };
  } catch (e) {
    if (e instanceof PySyntax) {
      const lines = src.split('\n');
      const idx = Math.min(e.line, lines.length) - 1;
      const hasNl = idx < lines.length - 1;
      return { ok: false, kind: 'SyntaxError', line: e.line, text: (lines[idx] ?? '') + (hasNl ? '\n' : ''), message: e.message };
    }
    if (e instanceof PyRuntime) return { ok: false, kind: e.kind, message: e.message };
    throw e;
  }
}

/** Python's str() of a value (what `%s` prints). */
export function pyStr(v: PyValue): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** Python's repr(). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'`;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if ('float' in v) return Number.isInteger(v.float) ? `${v.float}.0` : String(v.float);
  if ('tuple' in v) return v.tuple.length === 1 ? `(${pyRepr(v.tuple[0]!)},)` : `(${v.tuple.map(pyRepr).join(', ')})`;
  return `{${v.dict.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}
