// `sed` (GNU sed 4.2.1): the options -n -e -f -i[SUF] -r -s, reading the scripts and input files,
// and writing the result (in place with -i); parsing is in sed-script.ts, running in sed-execute.ts.
import { writeFile } from '../../../sim/vfs';
import { defineArgs } from '../../args';
import { Output } from '../../output';
import { defineCommand, ok } from '../../types';
import { readOperand } from '../fs/read';
import { execute } from './sed-execute';
import { parseScript, SedError, type Cmd } from './sed-script';

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

export const sed = defineCommand({
  name: 'sed',
  dir: '/bin',
  summary: 'stream editor for filtering and transforming text',
  usage: 'sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
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
