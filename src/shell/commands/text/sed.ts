// `sed` (GNU sed 4.2.1): -n -e -f -i[SUF] -r -s; addresses (N, $, /re/, first~step, ranges,
// addr,+N, !), commands s///[gpiN] y p P d D q Q = a i c n N h H g G x b t : { }, with errors in
// sed's words (`sed: -e expression #1, char 5: unterminated `s' command`). Loops are bounded.
import { writeFile } from '../../../sim/vfs';
import { defineArgs, parseArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand, ok } from '../../types';
import { readOperand } from '../fs/read';
import { compileRegex } from './regex';

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if extension supplied)
  -r, --regexp-extended
                 use extended regular expressions in the script.
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <http://www.gnu.org/software/sed/>.
General help using GNU software: <http://www.gnu.org/gethelp/>.
`;

const ARGS = defineArgs({
  prog: 'sed',
  exitCode: 4,
  tryHelp: false,
  usageLine: USAGE.trimEnd(),
  options: [
    { short: 'n', long: 'quiet', aliases: ['silent'] },
    { short: 'e', long: 'expression', arg: 'required' },
    { short: 'f', long: 'file', arg: 'required' },
    { short: 'i', long: 'in-place', arg: 'optional' },
    { short: 'r', long: 'regexp-extended', key: 'regexp-extended' },
    { short: 'E', key: 'regexp-extended' },
    { short: 's', long: 'separate' },
    { long: 'posix' },
    { long: 'help' },
    { long: 'version' },
  ],
});

type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp | null } | { k: 'step'; first: number; step: number } | { k: 'plus'; n: number } | { k: 'mult'; n: number };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  name: string;
  text?: string;
  re?: RegExp | null;
  rep?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  label?: string;
  /** For `{`: index of its `}`; for b/t: resolved target. */
  jump?: number;
  from?: string;
  to?: string;
  exitCode?: number;
  /** Range state: inside since line n. */
  active?: boolean;
  endAt?: number;
}

class SedError {
  constructor(readonly msg: string) {}
}

/** Most commands executed per input line (b/t loops). */
const MAX_STEPS_PER_LINE = 10_000;

function parseScript(src: string, exprNo: number, extended: boolean, flags: { lastRe: RegExp | null }): Cmd[] {
  const cmds: Cmd[] = [];
  const blocks: number[] = [];
  let i = 0;
  const fail = (msg: string, at = i): never => {
    throw new SedError(`sed: -e expression #${exprNo}, char ${at}: ${msg}\n`);
  };
  const ws = () => {
    while (i < src.length && /[ \t]/.test(src[i]!)) i++;
  };
  const readDelimited = (delim: string, what: string): string => {
    let out = '';
    while (i < src.length && src[i] !== delim) {
      if (src[i] === '\\' && i + 1 < src.length) {
        if (src[i + 1] === delim) out += delim === '/' || /[\w]/.test(delim) ? delim : '\\' + delim;
        else if (src[i + 1] === 'n') out += '\\n';
        else out += src[i]! + src[i + 1]!;
        i += 2;
      } else if (src[i] === '\n') fail(`unterminated \`${what}' command`);
      else out += src[i++];
    }
    if (i >= src.length) fail(what === 'address' ? 'unterminated address regex' : `unterminated \`${what}' command`);
    i++;
    return out;
  };
  const regex = (text: string, f: string): RegExp | null => {
    if (text === '') return null; // the last regex used
    const re = compileRegex(text, extended, f);
    if (typeof re === 'string') fail(re);
    return re as RegExp;
  };
  const address = (): Addr | undefined => {
    const c = src[i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(src.slice(i))!;
      i += m[0].length;
      return m[2] !== undefined ? { k: 'step', first: Number(m[1]), step: Number(m[2]) } : { k: 'line', n: Number(m[1]) };
    }
    if (c === '$') {
      i++;
      return { k: 'last' };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = src[i + 1] ?? fail('unexpected `,\'');
        i++;
      }
      i++;
      const text = readDelimited(delim, 'address');
      let f = '';
      while (src[i] === 'I' || src[i] === 'M') f += src[i++] === 'I' ? 'i' : 'm';
      return { k: 're', re: regex(text, f) };
    }
    return undefined;
  };
  while (i < src.length) {
    ws();
    if (i >= src.length) break;
    if (src[i] === ';' || src[i] === '\n') {
      i++;
      continue;
    }
    const cmd: Cmd = { neg: false, name: '' };
    const a1 = address();
    if (a1) {
      cmd.a1 = a1;
      ws();
      if (src[i] === ',') {
        i++;
        ws();
        const m = /^([+~])(\d+)/.exec(src.slice(i));
        if (m) {
          cmd.a2 = m[1] === '+' ? { k: 'plus', n: Number(m[2]) } : { k: 'mult', n: Number(m[2]) };
          i += m[0].length;
        } else {
          const a2 = address();
          if (!a2 || a2.k === 'step') fail('unexpected `,\'');
          cmd.a2 = a2;
        }
      }
    }
    ws();
    while (src[i] === '!') {
      cmd.neg = true;
      i++;
      ws();
    }
    const name = src[i];
    if (name === undefined) fail('missing command');
    i++;
    cmd.name = name!;
    switch (name) {
      case '{':
        blocks.push(cmds.length);
        break;
      case '}':
        if (cmd.a1) fail("} doesn't want any addresses");
        if (!blocks.length) fail('unexpected `}\'');
        cmds[blocks.pop()!]!.jump = cmds.length;
        break;
      case 's': {
        const delim = src[i];
        if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
        i++;
        const reText = readDelimited(delim!, 's');
        const rep = readDelimited(delim!, 's');
        let f = '';
        cmd.global = false;
        cmd.print = false;
        for (;;) {
          const c = src[i];
          if (c === 'g') cmd.global = true;
          else if (c === 'p') cmd.print = true;
          else if (c === 'i' || c === 'I') f += 'i';
          else if (c === 'm' || c === 'M') f += 'm';
          else if (c !== undefined && /\d/.test(c)) {
            const m = /^\d+/.exec(src.slice(i))![0];
            if (Number(m) === 0) fail("number option to `s' command may not be zero");
            cmd.nth = Number(m);
            i += m.length - 1;
          } else if (c === 'e' || c === 'w') fail(`unknown option to \`s'`);
          else break;
          i++;
        }
        cmd.re = regex(reText, f + 'g');
        cmd.rep = rep;
        ws();
        if (i < src.length && !';\n}#'.includes(src[i]!)) fail("unknown option to `s'");
        break;
      }
      case 'y': {
        const delim = src[i++];
        if (delim === undefined) fail("unterminated `y' command");
        const from = readDelimited(delim!, 'y').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
        const to = readDelimited(delim!, 'y').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
        if ([...from].length !== [...to].length) fail("strings for `y' command are different lengths");
        cmd.from = from;
        cmd.to = to;
        break;
      }
      case 'a':
      case 'i':
      case 'c': {
        // GNU one-liner form `a text` as well as `a\` newline text.
        if (src[i] === '\\') i++;
        if (src[i] === '\n') i++;
        ws();
        let text = '';
        while (i < src.length && src[i] !== '\n') {
          if (src[i] === '\\' && i + 1 < src.length) {
            text += src[i + 1] === '\n' ? '\n' : src[i + 1];
            i += 2;
          } else text += src[i++];
        }
        if (!text && i >= src.length) fail(`expected \\ after \`a', \`c' or \`i'`);
        cmd.text = text;
        break;
      }
      case 'q':
      case 'Q': {
        ws();
        const m = /^\d+/.exec(src.slice(i));
        cmd.exitCode = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
        if (cmd.a2) fail('command only uses one address');
        break;
      }
      case ':': {
        if (cmd.a1) fail(': doesn\'t want any addresses');
        ws();
        const m = /^[^;\n]*/.exec(src.slice(i))![0];
        if (!m.trim()) fail('":" lacks a label');
        cmd.label = m.trim();
        i += m.length;
        break;
      }
      case 'b':
      case 't':
      case 'T': {
        ws();
        const m = /^[^;\n}]*/.exec(src.slice(i))![0];
        cmd.label = m.trim();
        i += m.length;
        break;
      }
      case '=':
      case 'p':
      case 'P':
      case 'd':
      case 'D':
      case 'n':
      case 'N':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
      case 'l':
        break;
      case '#':
        while (i < src.length && src[i] !== '\n') i++;
        continue;
      default:
        fail(`unknown command: \`${name}'`, i);
    }
    cmds.push(cmd);
    ws();
    if (i < src.length && !';\n}#'.includes(src[i]!) && !'{}:btT'.includes(name!)) fail(`extra characters after command`, i + 1);
  }
  if (blocks.length) fail('unmatched `{\'', 0);
  // Resolve branch labels.
  cmds.forEach((c) => {
    if (c.name === 'b' || c.name === 't' || c.name === 'T') {
      if (!c.label) c.jump = cmds.length;
      else {
        const at = cmds.findIndex((x) => x.name === ':' && x.label === c.label);
        if (at < 0) throw new SedError(`sed: -e expression #${exprNo}, char ${src.length}: can't find label for jump to \`${c.label}'\n`);
        c.jump = at;
      }
    }
  });
  void flags;
  return cmds;
}

/** Expands `&`, `\1`..`\9`, `\n` and the GNU case escapes \U \L \u \l \E in a replacement. */
function replacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = '';
      }
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < rep.length) {
      const d = rep[++i]!;
      if (/\d/.test(d)) add(m[Number(d)] ?? '');
      else if (d === 'n') out += '\n';
      else if (d === 't') out += '\t';
      else if (d === 'U' || d === 'L') mode = d;
      else if (d === 'E') mode = '';
      else if (d === 'u' || d === 'l') once = d;
      else add(d);
    } else add(c);
  }
  return out;
}

export const sed = defineCommand({
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  usage: 'sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  args: ARGS,
  run(ctx) {
    const p = parseArgs(ARGS, ctx.args);
    if (!p.ok) return p.outcome;
    const a = p.args;
    if (a.has('help')) return ok(USAGE);
    if (a.has('version')) return ok('GNU sed version 4.2.1\nCopyright (C) 2009 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE,\nto the extent permitted by law.\n\nGNU sed home page: <http://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <http://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-gnu-utils@gnu.org>.\nBe sure to include the word ``sed\'\' somewhere in the ``Subject:\'\' field.\n');
    const operands = [...a.operands];
    const scripts: string[] = [...a.values('expression')];
    for (const f of a.values('file')) {
      const r = readOperand(ctx, f);
      if (!r.ok) return { stdout: '', stderr: `sed: couldn't open file ${f}: ${r.message}\n`, exitCode: 1 };
      scripts.push(r.text.replace(/\n$/, ''));
    }
    if (!scripts.length) {
      if (!operands.length) return { stdout: '', stderr: USAGE, exitCode: 4 };
      scripts.push(operands.shift()!);
    }
    const extended = a.has('regexp-extended');
    let cmds: Cmd[];
    try {
      cmds = scripts.length === 1 ? parseScript(scripts[0]!, 1, extended, { lastRe: null }) : parseScript(scripts.join('\n'), 1, extended, { lastRe: null });
    } catch (e) {
      if (e instanceof SedError) return { stdout: '', stderr: e.msg, exitCode: 1 };
      throw e;
    }
    const inPlace = a.has('in-place');
    if (inPlace && !operands.length) return { stdout: '', stderr: 'sed: no input files\n', exitCode: 4 };
    const out = new Output();
    const quiet = a.has('quiet');
    const groups: Array<{ name: string; text: string }[]> = [];
    const inputs: Array<{ name: string; text: string }> = [];
    for (const f of operands.length ? operands : ['-']) {
      const r = readOperand(ctx, f);
      if (!r.ok) {
        out.err(r.errno === 'EISDIR' ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${r.message}\n`, 2);
        continue;
      }
      inputs.push({ name: f, text: r.text });
    }
    if (inPlace || a.has('separate')) for (const inp of inputs) groups.push([inp]);
    else groups.push(inputs);
    for (const group of groups) {
      const lines: string[] = [];
      for (const g of group) {
        const ls = g.text.split('\n');
        if (g.text.endsWith('\n')) ls.pop();
        lines.push(...ls);
      }
      const missingNewline = group.length > 0 && !group[group.length - 1]!.text.endsWith('\n') && group[group.length - 1]!.text !== '';
      const r = execute(cmds, lines, quiet, missingNewline);
      if (inPlace) {
        const target = group[0]!.name;
        const suffix = a.value('in-place');
        if (suffix) writeFile(ctx.world, ctx.host, target.includes('/') || !suffix.includes('*') ? target + suffix : suffix.replace('*', target), group[0]!.text, ctx.frame.cwd);
        writeFile(ctx.world, ctx.host, target, r.text, ctx.frame.cwd);
      } else out.out(r.text);
      if (r.quit !== undefined) return out.done(r.quit);
    }
    return out.done();
  },
});

function execute(cmds: Cmd[], lines: string[], quiet: boolean, missingNewline: boolean): { text: string; quit?: number } {
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
    const matches = (ad: Addr): boolean => {
      switch (ad.k) {
        case 'line':
          return lineNo === ad.n;
        case 'last':
          return isLast();
        case 're':
          return matchRe(ad.re);
        case 'step':
          return ad.step <= 0 ? lineNo === ad.first : lineNo >= ad.first && (lineNo - ad.first) % ad.step === 0;
        default:
          return false;
      }
    };
    const selected = (c: Cmd): boolean => {
      if (!c.a1) return true;
      if (!c.a2) return matches(c.a1);
      if (c.active) {
        const a2 = c.a2;
        let end = false;
        if (a2.k === 'line') end = lineNo >= a2.n;
        else if (a2.k === 'plus' || a2.k === 'mult') end = lineNo >= c.endAt!;
        else end = matches(a2);
        if (end || (a2.k === 'line' && lineNo > a2.n)) c.active = false;
        return true;
      }
      if (!matches(c.a1)) return false;
      const a2 = c.a2;
      if (a2.k === 'line' && a2.n <= lineNo) return true;
      if (a2.k === 'plus') c.endAt = lineNo + a2.n;
      if (a2.k === 'mult') c.endAt = a2.n > 0 ? Math.ceil(lineNo / a2.n) * a2.n : lineNo;
      if ((a2.k === 'plus' || a2.k === 'mult') && c.endAt! <= lineNo) return true;
      c.active = true;
      return true;
    };
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
