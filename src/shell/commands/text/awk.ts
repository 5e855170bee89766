// `awk` and `gawk` (gawk 3.1.7 on Oracle Linux 6): the options -F -v -f, loading and parsing the
// program, and running BEGIN, the input files and END, with gawk's fatal and syntax messages.
import { Output } from '../../output';
import { defineCommand } from '../../types';
import { readOperand } from '../fs/read';
import { Interp } from './awk-interp';
import { AwkSyntaxError, parseAwk, type Rule } from './awk-parse';
import { processText } from './awk-records';
import { BreakSig, ContinueSig, ExitSig, Fatal, NextSig } from './awk-signals';
import { NUM_RE, StrNum, toStr } from './awk-values';
import type { CommandContext, CommandOutcome } from '../../types';

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
export const awk = defineCommand({
  name: 'awk',
  dir: '/bin',
  summary: 'pattern scanning and processing language (gawk)',
  usage: "awk [-F fs] [-v var=value] 'program' [file ...]",
  run: (ctx) => runAwk(ctx, 'awk'),
});

export const gawk = defineCommand({
  name: 'gawk',
  dir: '/bin',
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
      // -Ft is the letter t: gawk turns it into a tab only with --traditional (cmdline_fs), never by default.
      fs = v.replace(/\\t/g, '\t');
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
  const warnings: string[] = [];
  const sourceLine = (at: number) => `${progFiles[0] ?? 'cmd. line'}:${source.slice(0, at).split('\n').length}`;
  try {
    rules = parseAwk(source, (msg, at) => warnings.push(`${prog}: ${sourceLine(at)}: warning: ${msg}\n`));
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    return { stdout: '', stderr: warnings.join('') + syntaxMessage(prog, source, e, progFiles[0]), exitCode: 1 };
  }
  const out = new Output();
  for (const w of warnings) out.err(w);
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
