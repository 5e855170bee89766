// Running a parsed sed script over input lines: the pattern and hold spaces, one cycle per line,
// and the commands' effects (s y p P = l a i c d D n N h H g G x b t T q Q), bounded per line.
import { isSelected } from './sed-address';
import { replacement } from './sed-replacement';
import type { Cmd } from './sed-script';

/** Most commands executed per input line (b/t loops). */
const MAX_STEPS_PER_LINE = 10_000;

export function execute(cmds: Cmd[], lines: string[], quiet: boolean, missingNewline: boolean): { text: string; quit?: number } {
  let text = '';
  let hold = '';
  let lastRe: RegExp | null = null;
  for (const c of cmds) c.active = false;
  const emit = (s: string, isLastLine: boolean) => {
    text += s + (isLastLine && missingNewline ? '' : '\n');
  };
  let idx = 0;
  while (idx < lines.length) {
    let ps = lines[idx]!;
    let lineNo = idx + 1;
    const isLast = () => idx === lines.length - 1;
    const append: string[] = [];
    let substituted = false;
    let deleted = false;
    let quit: number | undefined;
    let quitSilently = false;
    const matchRe = (re: RegExp | null) => {
      const r = re ?? lastRe;
      if (!r) return false;
      lastRe = r;
      r.lastIndex = 0;
      return r.test(ps);
    };
    const selected = (c: Cmd): boolean => isSelected(c, { lineNo, isLast, matchRe });
    let pc = 0;
    let steps = 0;
    cycle: while (pc < cmds.length && steps++ < MAX_STEPS_PER_LINE) {
      const c = cmds[pc]!;
      const sel = c.name === '}' || c.name === ':' ? true : selected(c) !== c.neg;
      if (!sel) {
        pc = c.name === '{' ? c.jump! + 1 : pc + 1;
        continue;
      }
      pc++;
      switch (c.name) {
        case 's': {
          const re: RegExp | null = c.re ?? lastRe;
          if (!re) break;
          lastRe = re;
          re.lastIndex = 0;
          let count = 0;
          let any = false;
          const nth = c.nth ?? 1;
          const next = ps.replace(re, (...args: unknown[]) => {
            count++;
            const whole = args[0] as string;
            if (count < nth || (count > nth && !c.global)) return whole;
            any = true;
            return replacement(c.rep!, args.slice(0, -2) as unknown as RegExpExecArray);
          });
          if (any) {
            ps = next;
            substituted = true;
            if (c.print) emit(ps, false);
          }
          break;
        }
        case 'y': {
          const from = [...c.from!];
          const to = [...c.to!];
          ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)]! : ch)).join('');
          break;
        }
        case 'p':
          emit(ps, false);
          break;
        case 'P':
          emit(ps.split('\n')[0]!, false);
          break;
        case '=':
          text += `${lineNo}\n`;
          break;
        case 'l':
          text += ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '$\n';
          break;
        case 'a':
          append.push(c.text!);
          break;
        case 'i':
          text += c.text! + '\n';
          break;
        case 'c':
          if (!c.a2 || !c.active) text += c.text! + '\n';
          deleted = true;
          break cycle;
        case 'd':
          deleted = true;
          break cycle;
        case 'D': {
          const nl = ps.indexOf('\n');
          if (nl < 0) {
            deleted = true;
            break cycle;
          }
          ps = ps.slice(nl + 1);
          pc = 0;
          continue;
        }
        case 'n':
          if (!quiet) emit(ps, isLast());
          for (const t of append.splice(0)) text += t + '\n';
          if (isLast()) {
            deleted = true;
            break cycle;
          }
          idx++;
          lineNo = idx + 1;
          ps = lines[idx]!;
          break;
        case 'N':
          if (isLast()) {
            break cycle;
          }
          idx++;
          lineNo = idx + 1;
          ps += '\n' + lines[idx]!;
          break;
        case 'h':
          hold = ps;
          break;
        case 'H':
          hold += '\n' + ps;
          break;
        case 'g':
          ps = hold;
          break;
        case 'G':
          ps += '\n' + hold;
          break;
        case 'x':
          [ps, hold] = [hold, ps];
          break;
        case 'b':
          pc = c.jump!;
          break;
        case 't':
        case 'T':
          if (substituted === (c.name === 't')) pc = c.jump!;
          substituted = false;
          break;
        case 'q':
          quit = c.exitCode;
          break cycle;
        case 'Q':
          quit = c.exitCode;
          quitSilently = true;
          break cycle;
        default:
          break;
      }
    }
    if (!deleted && !quiet && !quitSilently) emit(ps, isLast());
    for (const t of append) text += t + '\n';
    if (quit !== undefined) return { text, quit };
    idx++;
  }
  return { text };
}
