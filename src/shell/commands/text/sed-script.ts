// sed scripts: the parsed form (addresses and commands) and the parser from script text, with
// GNU sed's error messages (`sed: -e expression #1, char 5: unterminated `s' command`).
import { compileRegex } from './regex';

export type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp | null } | { k: 'step'; first: number; step: number } | { k: 'plus'; n: number } | { k: 'mult'; n: number };

export interface Cmd {
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

export class SedError {
  constructor(readonly msg: string) {}
}

export function parseScript(src: string, exprNo: number, extended: boolean, flags: { lastRe: RegExp | null }): Cmd[] {
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
          } else if (c === 'e' || c === 'w') fail(`unknown option to \`s'`, i + 1);
          else break;
          i++;
        }
        cmd.re = regex(reText, f + 'g');
        cmd.rep = rep;
        ws();
        // GNU sed counts the character it read: the bad option itself, or the `;' after the flags.
        if (i < src.length && !';\n}#'.includes(src[i]!)) fail("unknown option to `s'", i + 1);
        // An empty regex is the last one used, which is only known when the script runs.
        const ref = maxReference(rep);
        if (reText !== '' && ref > groupCount(reText, extended)) fail(`invalid reference \\${ref} on \`s' command's RHS`, i < src.length ? i + 1 : i);
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

/** The highest \N of a replacement (0 if none); `\\` is a backslash, not the start of one. */
function maxReference(rep: string): number {
  let max = 0;
  for (let i = 0; i < rep.length; i++) {
    if (rep[i] !== '\\') continue;
    const d = rep[++i];
    if (d !== undefined && d >= '1' && d <= '9') max = Math.max(max, Number(d));
  }
  return max;
}

/** How many groups a regex opens: \( in a BRE, ( in an ERE, not inside a bracket expression. */
function groupCount(re: string, extended: boolean): number {
  let n = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']') {
        const cls = re[j] === '[' ? /^\[([:.=]).*?\1\]/.exec(re.slice(j)) : null; // [:digit:] and the like
        j += cls ? cls[0].length : 1;
      }
      i = j;
    } else if (c === '\\') {
      if (!extended && re[i + 1] === '(') n++;
      i++;
    } else if (extended && c === '(') n++;
  }
  return n;
}
