// `awk` (gawk 3.1.7 on Oracle Linux 6): -F, -v, -f; BEGIN/END, patterns and ranges, fields
// and NF/NR/FNR/FS/OFS/ORS/RS, arrays, the usual statements and string/number built-ins,
// print/printf (also to files). The interpreter walks the AST of awk-parse.ts with a step
// budget, so a runaway loop ends with a message instead of hanging the terminal.
import { normalizePath, writeFile } from '../../../sim/vfs';
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { readOperand } from '../fs/read';
import { AwkSyntaxError, parseAwk, type Node, type Rule, type Stmt } from './awk-parse';
import { formatNumber } from './echo-printf';
import { compileRegex } from './regex';
import type { CommandContext, CommandOutcome } from '../../types';

class StrNum {
  constructor(readonly s: string) {}
}
type Val = number | string | StrNum | undefined;

class Fatal {
  constructor(readonly msg: string) {}
}
class NextSig {}
class ExitSig {}
class BreakSig {}
class ContinueSig {}

const NUM_RE = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const LEAD_NUM = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
/** Statements and loop iterations one awk run may execute. */
const MAX_STEPS = 2_000_000;

const USAGE = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
POSIX options:		GNU long options:
	-f progfile		--file=progfile
	-F fs			--field-separator=fs
	-v var=val		--assign=var=val
	-m[fr] val
	-W compat		--compat
	-W copyleft		--copyleft
	-W copyright		--copyright
	-W dump-variables[=file]	--dump-variables[=file]
	-W exec=file		--exec=file
	-W gen-po		--gen-po
	-W help			--help
	-W lint[=fatal]		--lint[=fatal]
	-W lint-old		--lint-old
	-W non-decimal-data	--non-decimal-data
	-W profile[=file]	--profile[=file]
	-W posix		--posix
	-W re-interval		--re-interval
	-W source=program-text	--source=program-text
	-W traditional		--traditional
	-W usage		--usage
	-W use-lc-numeric	--use-lc-numeric
	-W version		--version

To report bugs, see node \`Bugs' in \`gawk.info', which is
section \`Reporting Problems and Bugs' in the printed version.

gawk is a pattern scanning and processing language.
By default it reads standard input and writes standard output.

Examples:
	gawk '{ sum += $1 }; END { print sum }' file
	gawk -F: '{ print $1 }' /etc/passwd
`;

function toNum(v: Val): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = LEAD_NUM.exec(s);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt = '%.6g'): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  const m = /^%\.(\d+)g$/.exec(fmt);
  return formatNumber(n, 'g', '', m ? Number(m[1]) : 6);
}

function toStr(v: Val, fmt?: string): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return numToStr(v, fmt);
  return typeof v === 'string' ? v : v.s;
}

const numericLike = (v: Val): boolean => v === undefined || typeof v === 'number' || (v instanceof StrNum && NUM_RE.test(v.s));

function truthy(v: Val): boolean {
  if (v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return NUM_RE.test(v.s) ? toNum(v) !== 0 : v.s !== '';
}

class Interp {
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
    return keys.map((k) => toStr(this.eval(k), toStr(this.vars.get('CONVFMT')))).join(toStr(this.vars.get('SUBSEP')));
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
    } else if (target.t === 'field') this.setField(Math.trunc(toNum(this.eval(target.e))), toStr(v, toStr(this.vars.get('CONVFMT'))));
    else if (target.t === 'index') this.array(target.name).set(this.key(target.keys), v);
    return v;
  }

  matchRe(reNode: Node): RegExp {
    if (reNode.t === 'regex') return this.regex(reNode.src);
    return this.regex(toStr(this.eval(reNode)));
  }

  eval(n: Node): Val {
    switch (n.t) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 'regex':
        return this.regex(n.src).test(this.record) ? 1 : 0;
      case 'group':
        return this.eval(n.e);
      case 'var':
        if (this.arrays.has(n.name)) throw new Fatal(`attempt to use array \`${n.name}' in a scalar context`);
        return this.vars.get(n.name);
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(n.e))));
      case 'index':
        return this.array(n.name).get(this.key(n.keys));
      case 'in':
        return this.array(n.name).has(this.key(n.keys)) ? 1 : 0;
      case 'assign': {
        if (n.op === '=') {
          const v = this.eval(n.e);
          return this.assignTo(n.target, v instanceof StrNum ? v : v);
        }
        const cur = toNum(this.eval(n.target));
        const rhs = toNum(this.eval(n.e));
        return this.assignTo(n.target, this.arith(n.op.slice(0, -1), cur, rhs));
      }
      case 'incdec': {
        const cur = toNum(this.eval(n.target));
        const next = n.op === '++' ? cur + 1 : cur - 1;
        this.assignTo(n.target, next);
        return n.prefix ? next : cur;
      }
      case 'cond':
        return truthy(this.eval(n.c)) ? this.eval(n.a) : this.eval(n.b);
      case 'not':
        return truthy(this.eval(n.e)) ? 0 : 1;
      case 'neg':
        return -toNum(this.eval(n.e));
      case 'plus':
        return toNum(this.eval(n.e));
      case 'match': {
        const s = toStr(this.eval(n.e));
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
    if (op === '&&') return truthy(this.eval(an)) && truthy(this.eval(bn)) ? 1 : 0;
    if (op === '||') return truthy(this.eval(an)) || truthy(this.eval(bn)) ? 1 : 0;
    const a = this.eval(an);
    const b = this.eval(bn);
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
    const s = (i: number) => toStr(this.eval(args[i]!), toStr(this.vars.get('CONVFMT')));
    const num = (i: number) => toNum(this.eval(args[i]!));
    const argc = (min: number, max: number) => {
      if (args.length < min || args.length > max) throw new Fatal(`${name}: called with ${args.length} arguments`);
    };
    switch (name) {
      case 'length':
        if (!args.length) return this.record.length;
        if (args[0]!.t === 'var' && this.arrays.has(args[0]!.name)) return this.arrays.get(args[0]!.name)!.size;
        return s(0).length;
      case 'substr': {
        argc(2, 3);
        const str = s(0);
        const start = Math.round(num(1));
        const len = args.length > 2 ? Math.round(num(2)) : Infinity;
        const from = Math.max(1, start);
        const to = len === Infinity ? str.length + 1 : start + len;
        return to <= from ? '' : str.slice(from - 1, to - 1);
      }
      case 'index':
        argc(2, 2);
        return s(0).indexOf(s(1)) + 1;
      case 'split': {
        argc(2, 3);
        const str = s(0);
        const target = args[1]!;
        if (target.t !== 'var') throw new Fatal('split: second argument is not an array');
        const parts = splitFields(str, args.length > 2 ? (args[2]!.t === 'regex' ? args[2]!.src : s(2)) : toStr(this.vars.get('FS')), (src) => this.regex(src), args[2]?.t === 'regex');
        this.vars.delete(target.name);
        const arr = new Map<string, Val>();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        this.arrays.set(target.name, arr);
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        argc(2, 3);
        const re = this.matchRe(args[0]!);
        const repl = s(1);
        const target: Node = args[2] ?? { t: 'field', e: { t: 'num', v: 0 } };
        const str = toStr(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, 'g');
        const result = str.replace(g, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count) this.assignTo(target, result);
        return count;
      }
      case 'match': {
        argc(2, 2);
        const m = this.matchRe(args[1]!).exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        if (!args.length) throw new Fatal('sprintf: no arguments');
        return awkFormat(s(0), args.slice(1).map((a) => this.eval(a)));
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt':
        return Math.sqrt(num(0));
      case 'exp':
        return Math.exp(num(0));
      case 'log':
        return Math.log(num(0));
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      case 'rand':
        // A fixed-seed generator: gawk's rand() is the same sequence on every run until srand().
        this.randState = (Math.imul(this.randState, 1103515245) + 12345) >>> 0;
        return (this.randState >>> 1) / 2147483648;
      case 'srand': {
        const prev = this.randState;
        this.randState = args.length ? Math.trunc(num(0)) >>> 0 : 0;
        return prev;
      }
      case 'getline':
        return 0;
      default:
        return 0;
    }
  }

  exec(st: Stmt): void {
    this.step();
    switch (st.t) {
      case 'expr':
        this.eval(st.e);
        return;
      case 'print': {
        const ofmt = toStr(this.vars.get('OFMT'));
        const text = st.args.length ? st.args.map((a) => toStr(this.eval(a), ofmt)).join(toStr(this.vars.get('OFS'))) : this.record;
        this.write(text + toStr(this.vars.get('ORS')), st.redirect);
        return;
      }
      case 'printf': {
        const [fmt, ...rest] = st.args.map((a) => this.eval(a));
        this.write(awkFormat(toStr(fmt), rest), st.redirect);
        return;
      }
      case 'if':
        if (truthy(this.eval(st.c))) this.exec(st.then);
        else if (st.else) this.exec(st.else);
        return;
      case 'while':
        while (truthy(this.eval(st.c))) {
          this.step();
          if (this.loopBody(st.body)) break;
        }
        return;
      case 'do':
        do {
          this.step();
          if (this.loopBody(st.body)) break;
        } while (truthy(this.eval(st.c)));
        return;
      case 'for':
        if (st.init) this.exec(st.init);
        while (!st.c || truthy(this.eval(st.c))) {
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
        if (st.e) this.exitCode = Math.trunc(toNum(this.eval(st.e))) & 255;
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
    const name = toStr(this.eval(redirect.target));
    if (name === '/dev/stdout' || name === '-') return void this.out.out(text);
    if (name === '/dev/stderr') return void this.out.err(text);
    const abs = normalizePath(name, this.ctx.frame.cwd);
    // The first write truncates (for >); later writes in the same run append.
    const append = redirect.op === '>>' || this.files.has(abs);
    const r = writeFile(this.ctx.world, this.ctx.host, abs, text, '/', append);
    if (!r.ok) throw new Fatal(`can't redirect to \`${name}' (${r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'})`);
    this.files.set(abs, true);
  }
}

/** Splits a record by FS: " " on runs of blanks, one character literally, else a regex. */
function splitFields(text: string, fs: string, regex: (src: string) => RegExp, isRegex = false): string[] {
  if (fs === ' ' && !isRegex) return text.split(/[ \t\n]+/).filter(Boolean);
  if (text === '') return [];
  if (fs.length === 1 && !isRegex && fs !== '\\') return text.split(fs);
  const re = regex(fs);
  return text.split(new RegExp(re.source, 'g'));
}

/** awk's printf: C conversions, %c of a number is that character, no reuse of the format. */
function awkFormat(fmt: string, args: Val[]): string {
  let i = 0;
  let out = '';
  let argi = 0;
  const next = () => args[argi++];
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const m = /^%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcs%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    i += m[0].length;
    const [, flags = '', w, pr, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = w === '*' ? toNum(next()) : w ? Number(w) : 0;
    const prec = pr === '*' ? toNum(next()) : pr !== undefined ? Number(pr || 0) : undefined;
    const v = next();
    let body: string;
    if (conv === 's') body = prec !== undefined ? toStr(v).slice(0, prec) : toStr(v);
    else if (conv === 'c') body = typeof v === 'number' ? String.fromCharCode(v) : toStr(v).charAt(0);
    else body = formatNumber(toNum(v), conv, flags, prec);
    if (body.length < width) {
      if (flags.includes('-')) body = body.padEnd(width);
      else if (flags.includes('0') && conv !== 's' && conv !== 'c') {
        const sign = /^[-+ ]/.test(body) ? body[0]! : '';
        body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
      } else body = body.padStart(width);
    }
    out += body;
  }
  return out;
}

export const awk = defineCommand({
  name: 'awk',
  summary: 'pattern scanning and processing language (gawk)',
  usage: "awk [-F fs] [-v var=value] 'program' [file ...]",
  run: (ctx) => runAwk(ctx, 'awk'),
});

export const gawk = defineCommand({
  name: 'gawk',
  summary: 'pattern scanning and processing language',
  usage: "gawk [-F fs] [-v var=value] 'program' [file ...]",
  run: (ctx) => runAwk(ctx, 'gawk'),
});

function runAwk(ctx: CommandContext, prog: string): CommandOutcome {
  const args = ctx.args;
  let fs: string | undefined;
  const assigns: string[] = [];
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const takes = (flag: string): string | null => {
      if (a === flag) return args[++i] ?? null;
      return a.slice(flag.length);
    };
    if (a.startsWith('-F') || a.startsWith('--field-separator')) {
      const v = a.startsWith('--') ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? null) : takes('-F');
      if (v === null) return { stdout: '', stderr: `${prog}: option requires an argument -- 'F'\n${USAGE}`, exitCode: 1 };
      fs = v === 't' ? '\t' : v.replace(/\\t/g, '\t');
    } else if (a.startsWith('-v') || a.startsWith('--assign')) {
      const v = a.startsWith('--') ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? null) : takes('-v');
      if (v === null) return { stdout: '', stderr: `${prog}: option requires an argument -- 'v'\n${USAGE}`, exitCode: 1 };
      if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) return { stdout: '', stderr: `${prog}: \`${v}' argument to \`-v' not in \`var=value' form\n\n${USAGE}`, exitCode: 1 };
      assigns.push(v);
    } else if (a.startsWith('-f') || a.startsWith('--file')) {
      const v = a.startsWith('--') ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? null) : takes('-f');
      if (v === null) return { stdout: '', stderr: `${prog}: option requires an argument -- 'f'\n${USAGE}`, exitCode: 1 };
      progFiles.push(v);
    } else if (a === '--version' || a === '-V' || a === '-Wversion' || a === '-W' && args[i + 1] === 'version') {
      return { stdout: 'GNU Awk 3.1.7\nCopyright (C) 1989, 1991-2009 Free Software Foundation.\n\nThis program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 3 of the License, or\n(at your option) any later version.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License\nalong with this program. If not, see http://www.gnu.org/licenses/.\n', stderr: '', exitCode: 0 };
    } else if (a === '--help' || a === '-h') return { stdout: USAGE, stderr: '', exitCode: 0 };
    else return { stdout: '', stderr: `${prog}: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`}\n${USAGE}`, exitCode: 1 };
  }
  let source: string;
  if (progFiles.length) {
    const parts: string[] = [];
    for (const f of progFiles) {
      const r = readOperand(ctx, f);
      if (!r.ok) return { stdout: '', stderr: `${prog}: fatal: can't open source file \`${f}' for reading (${r.message})\n`, exitCode: 2 };
      parts.push(r.text);
    }
    source = parts.join('\n');
  } else {
    if (i >= args.length) return { stdout: '', stderr: USAGE, exitCode: 1 };
    source = args[i++]!;
  }
  const operands = args.slice(i);
  let rules: Rule[];
  try {
    rules = parseAwk(source);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    return { stdout: '', stderr: syntaxMessage(prog, source, e, progFiles[0]), exitCode: 1 };
  }
  const out = new Output();
  const it = new Interp(ctx, out);
  const where = () => (it.vars.get('NR') ? `(FILENAME=${toStr(it.vars.get('FILENAME')) || '-'} FNR=${toStr(it.vars.get('FNR'))}) ` : '');
  const fatal = (msg: string) => {
    out.err(`${prog}: cmd. line:1: ${where()}fatal: ${msg}\n`);
    return out.done(2);
  };
  const assign = (text: string) => {
    const eq = text.indexOf('=');
    const value = text.slice(eq + 1).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    it.vars.set(text.slice(0, eq), NUM_RE.test(value) ? new StrNum(value) : value);
  };
  if (fs !== undefined) it.vars.set('FS', fs);
  for (const v of assigns) assign(v);
  const runRules = (kind: 'begin' | 'end') => {
    for (const r of rules) if (r.kind === kind) for (const s of r.action ?? []) it.exec(s);
  };
  try {
    let exited = false;
    try {
      runRules('begin');
    } catch (e) {
      if (!(e instanceof ExitSig)) throw e;
      exited = true;
    }
    const needInput = rules.some((r) => r.kind !== 'begin');
    if (!exited && needInput) {
      try {
        const inputs = operands.length ? operands : ['-'];
        let sawFile = false;
        for (const name of inputs) {
          if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(name)) {
            assign(name);
            continue;
          }
          sawFile = true;
          const r = readOperand(ctx, name);
          if (!r.ok) {
            out.err(`${prog}: cmd. line:1: ${r.errno === 'EISDIR' ? `warning: command line argument \`${name}' is a directory: skipped` : `fatal: cannot open file \`${name}' for reading (${r.message})`}\n`);
            if (r.errno === 'EISDIR') continue;
            return out.done(2);
          }
          it.vars.set('FILENAME', name === '-' ? '' : name);
          it.vars.set('FNR', 0);
          processText(it, rules, r.text);
        }
        if (!sawFile) {
          it.vars.set('FNR', 0);
          processText(it, rules, ctx.stdin);
        }
      } catch (e) {
        if (!(e instanceof ExitSig)) throw e;
      }
    }
    try {
      runRules('end');
    } catch (e) {
      if (!(e instanceof ExitSig)) throw e;
    }
  } catch (e) {
    if (e instanceof Fatal) return fatal(e.msg);
    if (e instanceof NextSig) return fatal('`next\' used in BEGIN or END action');
    if (e instanceof BreakSig || e instanceof ContinueSig) return fatal('`break\' is not allowed outside a loop');
    throw e;
  }
  return out.done(it.exitCode);
}

function processText(it: Interp, rules: Rule[], text: string): void {
  const rs = toStr(it.vars.get('RS'));
  let records: string[];
  if (rs === '\n') {
    records = text.split('\n');
    if (text.endsWith('\n')) records.pop();
    if (text === '') records = [];
  } else if (rs === '') records = text.split(/\n\n+/).map((r) => r.replace(/^\n+|\n+$/g, '')).filter(Boolean);
  else {
    records = text.split(rs[0]!);
    if (records[records.length - 1] === '' || records[records.length - 1] === '\n') records.pop();
  }
  for (const rec of records) {
    it.step();
    it.vars.set('NR', toNum(it.vars.get('NR')) + 1);
    it.vars.set('FNR', toNum(it.vars.get('FNR')) + 1);
    it.setRecord(rec);
    try {
      for (const r of rules) {
        if (r.kind !== 'main') continue;
        if (!matchesRule(it, r)) continue;
        if (r.action) for (const s of r.action) it.exec(s);
        else it.out.out(it.record + toStr(it.vars.get('ORS')));
      }
    } catch (e) {
      if (!(e instanceof NextSig)) throw e;
    }
  }
}

function matchesRule(it: Interp, r: Rule): boolean {
  if (!r.pattern) return true;
  if (!r.pattern2) return truthy(it.eval(r.pattern));
  if (it.rangeActive.get(r)) {
    if (truthy(it.eval(r.pattern2))) it.rangeActive.set(r, false);
    return true;
  }
  if (!truthy(it.eval(r.pattern))) return false;
  if (!truthy(it.eval(r.pattern2))) it.rangeActive.set(r, true);
  return true;
}

function syntaxMessage(prog: string, src: string, e: AwkSyntaxError, file?: string): string {
  const before = src.slice(0, e.at);
  const lineNo = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = src.indexOf('\n', e.at) < 0 ? src.length : src.indexOf('\n', e.at);
  const line = src.slice(lineStart, lineEnd);
  const where = file ? `${file}:${lineNo}` : `cmd. line:${lineNo}`;
  const col = e.at - lineStart;
  return `${prog}: ${where}: ${line}\n${prog}: ${where}: ${' '.repeat(col)}^ ${e.message}\n`;
}
