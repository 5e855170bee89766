// The awk interpreter: variables, arrays and fields of one run, expression evaluation and
// statement execution with a step budget, and print/printf output (also to files).
import { STRERROR } from '../../../sim/errno';
import { normalizePath, writeFile } from '../../../sim/vfs';
import { callBuiltin } from './awk-builtins';
import { awkFormat } from './awk-format';
import { splitFields } from './awk-records';
import { BreakSig, ContinueSig, ExitSig, Fatal, NextSig } from './awk-signals';
import { NUM_RE, StrNum, numericLike, toNum, toStr, truthy, type Val } from './awk-values';
import { compileRegex } from './regex';
import type { Output } from '../../output';
import type { CommandContext } from '../../types';
import type { Node, Rule, Stmt } from './awk-ast';

/** Statements and loop iterations one awk run may execute. */
const MAX_STEPS = 2_000_000;

export class Interp {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [];
  record = '';
  steps = 0;
  exitCode = 0;
  rangeActive = new Map<Rule, boolean>();
  files = new Map<string, boolean>();
  regexCache = new Map<string, RegExp>();
  randState = 0;

  constructor(
    readonly ctx: CommandContext,
    readonly out: Output,
  ) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', NR: 0, NF: 0, FNR: 0, FILENAME: '', RSTART: 0, RLENGTH: -1 })) this.vars.set(k, v);
    const env = new Map<string, Val>();
    for (const [k, v] of Object.entries(ctx.frame.env)) env.set(k, new StrNum(v));
    this.arrays.set('ENVIRON', env);
  }

  step(): void {
    if (++this.steps > MAX_STEPS) throw new Fatal('sandbox: the program ran too long and was stopped');
  }

  setRecord(text: string): void {
    this.record = text;
    this.fields = splitFields(text, toStr(this.vars.get('FS')), (src) => this.regex(src));
    this.vars.set('NF', this.fields.length);
  }

  rebuild(): void {
    this.record = this.fields.join(toStr(this.vars.get('OFS')));
  }

  getField(i: number): Val {
    if (i < 0) throw new Fatal(`attempt to access field ${i}`);
    if (i === 0) return new StrNum(this.record);
    const f = this.fields[i - 1];
    return f === undefined ? undefined : new StrNum(f);
  }

  setField(i: number, v: string): void {
    if (i < 0) throw new Fatal(`attempt to access field ${i}`);
    if (i === 0) return this.setRecord(v);
    if (i > 100_000) throw new Fatal(`attempt to access field ${i}`);
    while (this.fields.length < i) this.fields.push('');
    this.fields[i - 1] = v;
    this.vars.set('NF', this.fields.length);
    this.rebuild();
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      const r = compileRegex(src, true);
      if (typeof r === 'string') throw new Fatal(`Invalid regular expression: /${src}/: ${r}`);
      re = r;
      if (this.regexCache.size > 200) this.regexCache.clear();
      this.regexCache.set(src, re);
    }
    return re;
  }

  array(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) {
      if (this.vars.has(name) && this.vars.get(name) !== undefined) throw new Fatal(`attempt to use scalar \`${name}' as array`);
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  key(keys: Node[]): string {
    return keys.map((k) => toStr(this.evaluate(k), toStr(this.vars.get('CONVFMT')))).join(toStr(this.vars.get('SUBSEP')));
  }

  assignTo(target: Node, v: Val): Val {
    if (target.t === 'var') {
      if (target.name === 'NF') {
        const n = Math.max(0, Math.min(100_000, Math.trunc(toNum(v))));
        this.fields.length = n;
        for (let i = 0; i < n; i++) this.fields[i] ??= '';
        this.vars.set('NF', n);
        this.rebuild();
        return n;
      }
      if (this.arrays.has(target.name)) throw new Fatal(`attempt to use array \`${target.name}' in a scalar context`);
      this.vars.set(target.name, v);
    } else if (target.t === 'field') this.setField(Math.trunc(toNum(this.evaluate(target.e))), toStr(v, toStr(this.vars.get('CONVFMT'))));
    else if (target.t === 'index') this.array(target.name).set(this.key(target.keys), v);
    return v;
  }

  matchRe(reNode: Node): RegExp {
    if (reNode.t === 'regex') return this.regex(reNode.src);
    return this.regex(toStr(this.evaluate(reNode)));
  }

  evaluate(n: Node): Val {
    switch (n.t) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 'regex':
        return this.regex(n.src).test(this.record) ? 1 : 0;
      case 'group':
        return this.evaluate(n.e);
      case 'var':
        if (this.arrays.has(n.name)) throw new Fatal(`attempt to use array \`${n.name}' in a scalar context`);
        return this.vars.get(n.name);
      case 'field':
        return this.getField(Math.trunc(toNum(this.evaluate(n.e))));
      case 'index': {
        // Referring to an element creates it (so `a[$1]` alone records the key, and `in` sees it).
        const a = this.array(n.name);
        const k = this.key(n.keys);
        if (!a.has(k)) a.set(k, undefined);
        return a.get(k);
      }
      case 'in':
        return this.array(n.name).has(this.key(n.keys)) ? 1 : 0;
      case 'assign': {
        if (n.op === '=') {
          const v = this.evaluate(n.e);
          return this.assignTo(n.target, v instanceof StrNum ? v : v);
        }
        const cur = toNum(this.evaluate(n.target));
        const rhs = toNum(this.evaluate(n.e));
        return this.assignTo(n.target, this.arith(n.op.slice(0, -1), cur, rhs));
      }
      case 'incdec': {
        const cur = toNum(this.evaluate(n.target));
        const next = n.op === '++' ? cur + 1 : cur - 1;
        this.assignTo(n.target, next);
        return n.prefix ? next : cur;
      }
      case 'cond':
        return truthy(this.evaluate(n.c)) ? this.evaluate(n.a) : this.evaluate(n.b);
      case 'not':
        return truthy(this.evaluate(n.e)) ? 0 : 1;
      case 'neg':
        return -toNum(this.evaluate(n.e));
      case 'plus':
        return toNum(this.evaluate(n.e));
      case 'match': {
        const s = toStr(this.evaluate(n.e));
        const hit = this.matchRe(n.re).test(s);
        return hit !== n.neg ? 1 : 0;
      }
      case 'bin':
        return this.binary(n.op, n.a, n.b);
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new Fatal('division by zero attempted');
        return a / b;
      case '%':
        if (b === 0) throw new Fatal('division by zero attempted in `%\'');
        return a % b;
      default:
        return Math.pow(a, b);
    }
  }

  binary(op: string, an: Node, bn: Node): Val {
    if (op === '&&') return truthy(this.evaluate(an)) && truthy(this.evaluate(bn)) ? 1 : 0;
    if (op === '||') return truthy(this.evaluate(an)) || truthy(this.evaluate(bn)) ? 1 : 0;
    const a = this.evaluate(an);
    const b = this.evaluate(bn);
    if (op === 'concat') return toStr(a, toStr(this.vars.get('CONVFMT'))) + toStr(b, toStr(this.vars.get('CONVFMT')));
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      let c: number;
      if (numericLike(a) && numericLike(b)) c = toNum(a) - toNum(b);
      else {
        const x = toStr(a);
        const y = toStr(b);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      const r = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
      return r ? 1 : 0;
    }
    return this.arith(op, toNum(a), toNum(b));
  }

  call(name: string, args: Node[]): Val {
    return callBuiltin(this, name, args);
  }

  exec(st: Stmt): void {
    this.step();
    switch (st.t) {
      case 'expr':
        this.evaluate(st.e);
        return;
      case 'print': {
        const ofmt = toStr(this.vars.get('OFMT'));
        const text = st.args.length ? st.args.map((a) => toStr(this.evaluate(a), ofmt)).join(toStr(this.vars.get('OFS'))) : this.record;
        this.write(text + toStr(this.vars.get('ORS')), st.redirect);
        return;
      }
      case 'printf': {
        const [fmt, ...rest] = st.args.map((a) => this.evaluate(a));
        this.write(awkFormat(toStr(fmt), rest), st.redirect);
        return;
      }
      case 'if':
        if (truthy(this.evaluate(st.c))) this.exec(st.then);
        else if (st.else) this.exec(st.else);
        return;
      case 'while':
        while (truthy(this.evaluate(st.c))) {
          this.step();
          if (this.loopBody(st.body)) break;
        }
        return;
      case 'do':
        do {
          this.step();
          if (this.loopBody(st.body)) break;
        } while (truthy(this.evaluate(st.c)));
        return;
      case 'for':
        if (st.init) this.exec(st.init);
        while (!st.c || truthy(this.evaluate(st.c))) {
          this.step();
          if (this.loopBody(st.body)) break;
          if (st.step) this.exec(st.step);
        }
        return;
      case 'forin': {
        const keys = [...this.array(st.arr).keys()];
        for (const k of keys) {
          this.step();
          this.vars.set(st.v, NUM_RE.test(k) ? new StrNum(k) : k);
          if (this.loopBody(st.body)) break;
        }
        return;
      }
      case 'block':
        for (const s of st.body) this.exec(s);
        return;
      case 'next':
        throw new NextSig();
      case 'exit':
        if (st.e) this.exitCode = Math.trunc(toNum(this.evaluate(st.e))) & 255;
        throw new ExitSig();
      case 'break':
        throw new BreakSig();
      case 'continue':
        throw new ContinueSig();
      case 'delete':
        if (st.keys) this.array(st.name).delete(this.key(st.keys));
        else this.array(st.name).clear();
        return;
      case 'getline':
        return;
    }
  }

  /** Runs a loop body; true when it broke out of the loop. */
  loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof BreakSig) return true;
      if (e instanceof ContinueSig) return false;
      throw e;
    }
    return false;
  }

  write(text: string, redirect?: { op: string; target: Node }): void {
    if (!redirect) {
      this.out.out(text);
      return;
    }
    if (redirect.op === '|') throw new Fatal('pipes to commands are not available in this sandbox');
    const name = toStr(this.evaluate(redirect.target));
    if (name === '/dev/stdout' || name === '-') return void this.out.out(text);
    if (name === '/dev/stderr') return void this.out.err(text);
    const abs = normalizePath(name, this.ctx.frame.cwd);
    // The first write truncates (for >); later writes in the same run append.
    const append = redirect.op === '>>' || this.files.has(abs);
    const r = writeFile(this.ctx.world, this.ctx.host, abs, text, '/', append);
    if (!r.ok) throw new Fatal(`can't redirect to \`${name}' (${r.error === 'EISDIR' ? STRERROR.EISDIR : STRERROR.ENOENT})`);
    this.files.set(abs, true);
  }
}
