// awk's built-in functions: length substr index split sub gsub match sprintf tolower toupper,
// the math functions and rand/srand, evaluated against a running interpreter.
import { safeRegExp } from './linear-regex';
import { awkFormat } from './awk-format';
import { splitFields } from './awk-records';
import { Fatal } from './awk-signals';
import { StrNum, toNum, toStr, type Val } from './awk-values';
import type { Node } from './awk-ast';
import type { Interp } from './awk-interp';

/** Calls built-in `name` with its argument expressions (unevaluated: split and sub assign to them). */
export function callBuiltin(it: Interp, name: string, args: Node[]): Val {
  const s = (i: number) => toStr(it.evaluate(args[i]!), toStr(it.vars.get('CONVFMT')));
  const num = (i: number) => toNum(it.evaluate(args[i]!));
  const argc = (min: number, max: number) => {
    if (args.length < min || args.length > max) throw new Fatal(`${name}: called with ${args.length} arguments`);
  };
  switch (name) {
    case 'length':
      if (!args.length) return it.record.length;
      if (args[0]!.t === 'var' && it.arrays.has(args[0]!.name)) return it.arrays.get(args[0]!.name)!.size;
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
      const parts = splitFields(str, args.length > 2 ? (args[2]!.t === 'regex' ? args[2]!.src : s(2)) : toStr(it.vars.get('FS')), (src) => it.regex(src), args[2]?.t === 'regex');
      it.vars.delete(target.name);
      const arr = new Map<string, Val>();
      parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
      it.arrays.set(target.name, arr);
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      argc(2, 3);
      const re = it.matchRe(args[0]!);
      const repl = s(1);
      const target: Node = args[2] ?? { t: 'field', e: { t: 'num', v: 0 } };
      const str = toStr(it.evaluate(target));
      let count = 0;
      const g = safeRegExp(re.source, 'g');
      const result = str.replace(g, (m) => {
        if (name === 'sub' && count > 0) return m;
        count++;
        return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
      });
      if (count) it.assignTo(target, result);
      return count;
    }
    case 'match': {
      argc(2, 2);
      const m = it.matchRe(args[1]!).exec(s(0));
      it.vars.set('RSTART', m ? m.index + 1 : 0);
      it.vars.set('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf':
      if (!args.length) throw new Fatal('sprintf: no arguments');
      return awkFormat(s(0), args.slice(1).map((a) => it.evaluate(a)));
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
      it.randState = (Math.imul(it.randState, 1103515245) + 12345) >>> 0;
      return (it.randState >>> 1) / 2147483648;
    case 'srand': {
      const prev = it.randState;
      it.randState = args.length ? Math.trunc(num(0)) >>> 0 : 0;
      return prev;
    }
    case 'getline':
      return 0;
    default:
      return 0;
  }
}
