// Commands that hand the terminal to a program (src/programs): the editors vi and nano, the
// pagers less and more, and sleep. They check their arguments like the real tools, then return
// `program`; the work happens in the program, on keystrokes and clock ticks.
import { STRERROR } from '../../sim/errno';
import { lookup, normalizePath } from '../../sim/vfs';
import { lessProgram } from '../../programs/less';
import { moreProgram, moreRows } from '../../programs/more';
import { nanoProgram } from '../../programs/nano';
import { parseSleepArg, sleepProgram } from '../../programs/sleep';
import { viProgram } from '../../programs/vi/vi';
import { byteLength, type FileArg } from '../../programs/file-io';
import { defineCommand, fail, ok, type CommandContext, type CommandOutcome, type CommandSpec } from '../types';

const fileArg = (ctx: CommandContext, name: string): FileArg => ({ path: normalizePath(name, ctx.frame.cwd), display: name });

const vi = defineCommand({
  name: 'vi',
  dir: '/bin',
  summary: 'edit a text file (vim in vi mode)',
  man: {
    section: 1,
    name: 'Vi IMproved, a programmers text editor',
    synopsis: ['vi [options] [file ..]'],
    description: ['Vim is a text editor that is upwards compatible to Vi. In normal mode i, a, o and O start inserting text, Esc returns to normal mode; x deletes a character, dd a line, yy copies a line and p puts it; u undoes; /pattern searches and n repeats.', ':w writes the file, :q quits, :wq or :x or ZZ write and quit, :q! quits without writing. :set nu shows line numbers.'],
  },
  usage: 'vi [FILE]',
  run(ctx) {
    const files: string[] = [];
    for (const a of ctx.args) {
      if (a === '--version') return ok('VIM - Vi IMproved 7.4 (2013 Aug 10, compiled Aug 29 2018 07:44:30)\nIncluded patches: 1-629\nSmall version without GUI.\n');
      if (a.startsWith('+')) continue;
      if (a.startsWith('-') && a !== '-') return fail(`VIM - Vi IMproved 7.4 (2013 Aug 10, compiled Aug 29 2018 07:44:30)\nUnknown option argument: "${a}"\nMore info with: "vim -h"\n`, 1);
      files.push(a);
    }
    const out: CommandOutcome = { ...ok(files.length > 1 ? `${files.length} files to edit\n` : ''), program: viProgram(files[0] ? fileArg(ctx, files[0]) : null, ctx.frame.cwd) };
    return out;
  },
});

const nano = defineCommand({
  name: 'nano',
  dir: '/bin',
  summary: 'edit a text file (GNU nano)',
  man: {
    section: 1,
    name: "Nano's ANOther editor, an enhanced free Pico clone",
    synopsis: ['nano [options] [[+line,column] file]...'],
    description: ['nano is a small, free and friendly editor which aims to replace Pico. ^O writes the file out, ^X exits (asking to save a modified buffer), ^K cuts the current line, ^U pastes it back, ^W searches, ^C shows the cursor position.'],
  },
  usage: 'nano [FILE]',
  run(ctx) {
    const files = ctx.args.filter((a) => !a.startsWith('+'));
    const bad = files.find((a) => a.startsWith('-'));
    if (bad === '-V' || bad === '--version') return ok(' GNU nano version 2.0.9 (compiled 11:36:58, Nov 10 2012)\n Email: nano@nano-editor.org\tWeb: http://www.nano-editor.org/\n Compiled options: --enable-color --enable-extra --enable-multibuffer --enable-nanorc --enable-utf8\n');
    if (bad?.startsWith('--')) return fail(`nano: unrecognized option '${bad}'\nType 'nano -h' for a list of available options.\n`, 1);
    if (bad) return fail(`nano: invalid option -- '${bad.replace(/^-+/, '').charAt(0)}'\nType 'nano -h' for a list of available options.\n`, 1);
    return { ...ok(), program: nanoProgram(files[0] ? fileArg(ctx, files[0]) : null, ctx.frame.cwd) };
  },
});

/** Reads a file for a pager, with the pager's own error wording. */
function readForPager(ctx: CommandContext, name: string, prog: 'less' | 'more'): { text: string } | { error: string } {
  const n = lookup(ctx.world, ctx.host, normalizePath(name, ctx.frame.cwd));
  if (!n.ok) return { error: prog === 'less' ? `${name}: ${STRERROR.ENOENT}\n` : `more: stat of ${name} failed: ${STRERROR.ENOENT}\n` };
  if (n.value.type === 'dir') return { error: prog === 'less' ? `${name} is a directory\n` : `\n*** ${name}: directory ***\n\n` };
  return { text: n.value.type === 'file' ? n.value.content : '' };
}

const less = defineCommand({
  name: 'less',
  summary: 'view text one screen at a time (q quits, / searches)',
  man: {
    section: 1,
    name: 'opposite of more',
    synopsis: ['less [file]...'],
    description: ['Less is a program similar to more, but which allows backward movement in the file as well as forward movement. SPACE scrolls forward one window, b backward; RETURN or j one line forward, k one line back; g and G go to the start and the end; /pattern and ?pattern search forward and backward, n and N repeat the search; q quits.'],
  },
  usage: 'less [FILE]...',
  run(ctx) {
    const files = ctx.args.filter((a) => !a.startsWith('-') || a === '-');
    const bad = ctx.args.find((a) => /^-[^-]/.test(a) && !/^-[NSiIRXFmM]+$/.test(a));
    if (bad) return fail(`There is no ${bad.charAt(1)} option ("less --help" for help)\n`, 1);
    let text = ctx.stdin;
    let name: string | null = null;
    if (files.length) {
      const r = readForPager(ctx, files[0]!, 'less');
      if ('error' in r) return fail(r.error, 1);
      text = r.text;
      name = files[0]!;
    } else if (!ctx.stdin) return fail('Missing filename ("less --help" for help)\n', 1);
    // Not on a terminal: less copies its input, like cat.
    if (ctx.stdoutTty === false) return ok(text);
    return { ...ok(), program: lessProgram(text, name) };
  },
});

const more = defineCommand({
  name: 'more',
  dir: '/bin',
  summary: 'page through text (Space for more, q quits)',
  man: {
    section: 1,
    name: 'file perusal filter for crt viewing',
    synopsis: ['more [-dlfpcsu] [-num] [+/pattern] [+linenum] [file ...]'],
    description: ['More is a filter for paging through text one screenful at a time. SPACE displays the next screenful, RETURN the next line, /pattern searches, q quits.'],
  },
  usage: 'more [FILE]...',
  run(ctx) {
    const files = ctx.args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
    if (!files.length && !ctx.stdin) return fail('usage: more [-dflpcsu] [+linenum | +/pattern] name1 name2 ...\n', 1);
    let text = ctx.stdin;
    let errors = '';
    let total: number | null = null;
    if (files.length) {
      const parts: string[] = [];
      for (const f of files) {
        const r = readForPager(ctx, f, 'more');
        if ('error' in r) errors += r.error;
        else parts.push(files.length > 1 ? `::::::::::::::\n${f}\n::::::::::::::\n${r.text}` : r.text);
      }
      text = parts.join('');
      total = byteLength(text);
    }
    if (ctx.stdoutTty === false) return { stdout: text, stderr: errors, exitCode: errors ? 1 : 0 };
    const rows = moreRows(text, ctx.cols);
    const page = Math.max(1, ctx.rows - 1);
    if (rows.length <= page) return { stdout: text, stderr: errors, exitCode: errors ? 1 : 0 };
    const first = rows.slice(0, page).join('\n') + '\n';
    return { stdout: first, stderr: errors, exitCode: 0, program: moreProgram(rows, page, total) };
  },
});

const sleep = defineCommand({
  name: 'sleep',
  dir: '/bin',
  summary: 'wait for a number of seconds on the simulation clock',
  man: { section: 1, name: 'delay for a specified amount of time', synopsis: ['sleep NUMBER[SUFFIX]...'], description: ['Pause for NUMBER seconds. SUFFIX may be s for seconds (the default), m for minutes, h for hours or d for days. The sandbox sleeps on its simulation clock; Ctrl-C interrupts.'] },
  usage: 'sleep NUMBER[SUFFIX]...',
  run(ctx) {
    if (!ctx.args.length) return fail("sleep: missing operand\nTry `sleep --help' for more information.\n", 1);
    if (ctx.args[0] === '--help') return ok('Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.  SUFFIX may be `s\' for seconds (the default),\n`m\' for minutes, `h\' for hours or `d\' for days.  Unlike most implementations\nthat require NUMBER be an integer, here NUMBER may be an arbitrary floating\npoint number.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values.\n\n      --help     display this help and exit\n      --version  output version information and exit\n');
    let total = 0;
    for (const a of ctx.args) {
      const ms = parseSleepArg(a);
      if (ms === null) return fail(`sleep: invalid time interval \`${a}'\nTry \`sleep --help' for more information.\n`, 1);
      total += ms;
    }
    if (total === 0) return ok();
    return { ...ok(), program: sleepProgram(total) };
  },
});

export const programs: readonly CommandSpec[] = [vi, nano, less, more, sleep];
