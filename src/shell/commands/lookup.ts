// Finding a command as bash 4.1 and GNU which 2.19 do: `type` (alias, keyword, function, builtin,
// file, in that order) and `which` (OL6's `which` alias pipes `alias` output into --read-alias).
// Where a program lives comes from its spec (command-paths.ts).
import { commandPath, DEFAULT_PATH, installedPath } from '../command-paths';
import { getVar } from '../expand';
import { own } from '../../lib/own';
import { tokenize } from '../tokenize';
import { defineCommand, fail, ok, type CommandContext, type CommandSpec } from '../types';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);

const type = defineCommand({
  name: 'type',
  builtin: 'only',
  summary: 'display information about command type',
  usage: 'type [-afptP] name [name ...]',
  run(ctx) {
    const flags = new Set<string>();
    let i = 0;
    for (; i < ctx.args.length && /^-[afptP]+$/.test(ctx.args[i]!); i++) for (const f of ctx.args[i]!.slice(1)) flags.add(f);
    const bad = ctx.args[i]?.match(/^-([^-])/);
    if (bad) return fail(`-bash: type: -${bad[1]}: invalid option\ntype: usage: type [-afptP] name [name ...]\n`, 2);
    let out = '';
    let err = '';
    for (const name of ctx.args.slice(i)) {
      const kinds: Array<[string, string]> = [];
      const aliased = own(ctx.frame.aliases, name);
      if (aliased !== undefined && !flags.has('P')) kinds.push(['alias', `${name} is aliased to \`${aliased}'`]);
      if (KEYWORDS.has(name) && !flags.has('P')) kinds.push(['keyword', `${name} is a shell keyword`]);
      if (own(ctx.frame.functions, name) && !flags.has('P')) kinds.push(['function', `${name} is a function`]);
      // A tool of the other release (repos.py on OVM 3) is not installed here.
      const known = ctx.registry.get(name);
      const spec = known && (known.builtin || installedPath(name, ctx.host.release)) ? known : undefined;
      if (spec?.builtin && !flags.has('P')) kinds.push(['builtin', `${name} is a shell builtin`]);
      if (spec && spec.builtin !== 'only' && (!spec.builtin || flags.has('a') || flags.has('P'))) kinds.push(['file', `${name} is ${commandPath(name)}`]);
      if (!kinds.length) {
        if (!flags.has('t') && !flags.has('p') && !flags.has('P')) err += `-bash: type: ${name}: not found\n`;
        else err += ' ';
        continue;
      }
      for (const [kind, text] of flags.has('a') ? kinds : kinds.slice(0, 1)) {
        if (flags.has('t')) out += kind + '\n';
        else if (flags.has('p') || flags.has('P')) out += kind === 'file' ? commandPath(name) + '\n' : '';
        else out += text + '\n';
      }
    }
    return { stdout: out, stderr: err.trim() ? err : '', exitCode: err ? 1 : 0 };
  },
});

const which = defineCommand({
  name: 'which',
  summary: 'shows the full path of (shell) commands',
  usage: 'which [options] [--] COMMAND [...]',
  run(ctx) {
    let readAlias = false;
    let showTilde = false;
    let all = false;
    const names: string[] = [];
    let ignoreRest = false;
    for (const a of ctx.args) {
      if (names.length || !a.startsWith('-')) {
        names.push(a);
        continue;
      }
      if (ignoreRest) continue;
      if (a === '--tty-only') ignoreRest = !ctx.stdoutTty;
      else if (a === '--read-alias' || a === '-i') readAlias = true;
      else if (a === '--skip-alias') readAlias = false;
      else if (a === '--show-tilde') showTilde = true;
      else if (a === '--all' || a === '-a') all = true;
      else if (['--show-dot', '--skip-dot', '--skip-tilde', '--read-functions', '--skip-functions'].includes(a)) continue;
      else if (a === '--version' || a === '-v' || a === '-V') return ok('GNU which v2.19, Copyright (C) 1999 - 2008 Carlo Wood.\nGNU which comes with ABSOLUTELY NO WARRANTY;\nThis program is free software; your freedom to use, change\nand distribute this program is protected by the GPL.\n');
      else return fail(`/usr/bin/which: invalid option -- '${a.replace(/^-+/, '').charAt(0)}'\n/usr/bin/which: Usage: /usr/bin/which [options] [--] COMMAND [...]\n`, 1);
    }
    if (!names.length) return fail('Usage: /usr/bin/which [options] [--] COMMAND [...]\nWrite the full path of COMMAND(s) to standard output.\n', 1);
    // --read-alias: `alias` output arrives on stdin (OL6: alias which='alias | /usr/bin/which ...').
    const aliases = new Map<string, string>();
    if (readAlias) for (const m of ctx.stdin.matchAll(/^alias ([^=]+)='(.*)'$/gm)) aliases.set(m[1]!, m[2]!.replace(/'\\''/g, "'"));
    const path = getVar(ctx.frame, 'PATH') ?? DEFAULT_PATH;
    const home = getVar(ctx.frame, 'HOME') ?? '/root';
    const show = (p: string) => (showTilde && p.startsWith(home + '/') ? '~' + p.slice(home.length) : p);
    let out = '';
    let err = '';
    for (const name of names) {
      const al = aliases.get(name);
      if (al !== undefined) {
        out += `alias ${name}='${al.replace(/'/g, "'\\''")}'\n`;
        const first = tokenize(al).tokens.find((t) => t.type === 'word');
        const target = first?.type === 'word' ? first.raw : name;
        const found = locate(ctx, target);
        if (found) out += `\t${show(found)}\n`;
        // --all: the name is also looked for as a program, after its alias.
        if (!all) continue;
      }
      const found = locate(ctx, name);
      if (found) out += show(found) + '\n';
      // Found as an alias already: not an error (which.c's found_something).
      else if (al === undefined) err += `/usr/bin/which: no ${name} in (${path})\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
});

function locate(ctx: CommandContext, name: string): string | null {
  if (name.includes('/')) return ctx.registry.get(name.slice(name.lastIndexOf('/') + 1)) ? name : null;
  const spec = ctx.registry.get(name);
  return spec && spec.builtin !== 'only' ? installedPath(name, ctx.host.release) : null;
}

export const lookupCommands: readonly CommandSpec[] = [type, which];
