// Shell built-ins about the shell itself (bash 4.1): help, clear, exit/logout, history, export,
// unset, set, alias/unalias, true/false, env/printenv, and running scripts (source/., bash/sh
// FILE, bash -c). Finding a command (type, which) is lookup.ts.
import { STRERROR } from '../../sim/errno';
import { readFile } from '../../sim/vfs';
import { runLineToEnd } from '../executor';
import { getVar } from '../expand';
import { forkFrame } from '../prompt';
import { dict, own, setOwn } from '../../lib/own';
import { defineCommand, fail, ok, type CommandContext, type CommandOutcome, type CommandSpec } from '../types';
import { testCommands } from './test-expr';
import { lookupCommands } from './lookup';

const help = defineCommand({
  name: 'help',
  builtin: 'only',
  summary: 'list the commands this server knows, or describe one',
  usage: 'help [COMMAND]',
  run(ctx) {
    const [topic] = ctx.args;
    if (topic) {
      const spec = ctx.registry.get(topic);
      if (!spec) return fail(`-bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
      return ok(`${spec.name}: ${spec.usage}\n    ${spec.summary}\n`);
    }
    const names = ctx.registry.names();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const rows = names.map((n) => `  ${n.padEnd(width)}${ctx.registry.get(n)!.summary}`);
    return ok(`OVM Sandbox: the commands available on this server.\nType 'help NAME' for one of them.\n\n${rows.join('\n')}\n`);
  },
});

const clear = defineCommand({
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: 'clear',
  run: () => ({ ...ok(), action: { kind: 'clear' } }),
});

function exitLike(name: 'exit' | 'logout'): CommandSpec {
  return defineCommand({
    name,
    builtin: 'only',
    summary: name === 'exit' ? 'exit the shell (closes an ssh session)' : 'exit a login shell',
    usage: `${name} [n]`,
    run(ctx) {
      const [n] = ctx.args;
      if (n !== undefined && !/^-?\d+$/.test(n)) return { stdout: '', stderr: `-bash: ${name}: ${n}: numeric argument required\n`, exitCode: 255, action: { kind: 'exit', code: 255 } };
      const code = n === undefined ? ctx.frame.lastExit : Number(n) & 255;
      return { ...ok(), exitCode: code, action: { kind: 'exit', code } };
    },
  });
}

const history = defineCommand({
  name: 'history',
  builtin: 'only',
  summary: 'show the command history',
  usage: 'history [-c] [n]',
  run(ctx) {
    const [arg, extra] = ctx.args;
    if (arg === '-c') {
      // The history list belongs to the terminal session; clearing it is what -c is for.
      (ctx.history as string[]).length = 0;
      return ok();
    }
    if (arg?.startsWith('-') && arg !== '--') return fail(`-bash: history: ${arg.slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`, 2);
    if (extra !== undefined) return fail('-bash: history: too many arguments\n');
    const all = ctx.history;
    const n = arg !== undefined ? Number(arg) : all.length;
    if (arg !== undefined && !/^\d+$/.test(arg)) return fail(`-bash: history: ${arg}: numeric argument required\n`);
    const from = Math.max(0, all.length - n);
    return ok(all.slice(from).map((l, i) => `${String(from + i + 1).padStart(5)}  ${l}\n`).join(''));
  },
});

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's double-quoted form of a value for `declare -x` listings. */
const dq = (v: string) => `"${v.replace(/["\\$`]/g, '\\$&')}"`;
/** bash's single-quoted form (`alias`, `set`). */
const sq = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;

const exportCmd = defineCommand({
  name: 'export',
  builtin: 'only',
  summary: 'set export attribute for shell variables',
  usage: 'export [-n] [-p] [name[=value] ...]',
  run(ctx) {
    let unexport = false;
    let i = 0;
    for (; i < ctx.args.length && /^-[np]+$/.test(ctx.args[i]!); i++) if (ctx.args[i]!.includes('n')) unexport = true;
    const bad = ctx.args[i]?.match(/^-([^-])/);
    if (bad) return fail(`-bash: export: -${bad[1]}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`, 2);
    const names = ctx.args.slice(i).filter((a) => a !== '--');
    const { frame } = ctx;
    if (!names.length) {
      const keys = Object.keys(frame.env).sort();
      return ok(keys.map((k) => `declare -x ${k}=${dq(frame.env[k]!)}\n`).join(''));
    }
    let err = '';
    for (const item of names) {
      const eq = item.indexOf('=');
      const name = eq < 0 ? item : item.slice(0, eq);
      if (!NAME.test(name)) {
        err += `-bash: export: \`${item}': not a valid identifier\n`;
        continue;
      }
      if (unexport) {
        if (Object.hasOwn(frame.env, name)) {
          setOwn((frame.vars ??= dict()), name, frame.env[name]!);
          delete frame.env[name];
        }
        continue;
      }
      const value = eq < 0 ? (own(frame.vars, name) ?? own(frame.env, name) ?? '') : item.slice(eq + 1);
      if (frame.vars) delete frame.vars[name];
      setOwn(frame.env, name, value);
    }
    return err ? fail(err) : ok();
  },
});

const unset = defineCommand({
  name: 'unset',
  builtin: 'only',
  summary: 'unset values and attributes of shell variables',
  usage: 'unset [-f] [-v] [name ...]',
  run(ctx) {
    let err = '';
    const onlyFunctions = ctx.args.includes('-f');
    for (const n of ctx.args) {
      if (n === '-v' || n === '-f') continue;
      // Without -f a name that is no variable but a function unsets the function, as bash does.
      const isVar = own(ctx.frame.env, n) !== undefined || own(ctx.frame.vars, n) !== undefined;
      if (own(ctx.frame.functions, n) && (onlyFunctions || !isVar)) {
        delete ctx.frame.functions![n];
        continue;
      }
      if (onlyFunctions) continue;
      if (!NAME.test(n)) {
        err += `-bash: unset: \`${n}': not a valid identifier\n`;
        continue;
      }
      delete ctx.frame.env[n];
      if (ctx.frame.vars) delete ctx.frame.vars[n];
    }
    return err ? fail(err) : ok();
  },
});

const set = defineCommand({
  name: 'set',
  builtin: 'only',
  summary: 'show shell variables (options are accepted and ignored)',
  usage: 'set [-o option] [arg ...]',
  run(ctx) {
    if (ctx.args.length) return ok();
    const all: Record<string, string> = dict({ ...dict(ctx.frame.env), ...dict(ctx.frame.vars), BASH: '/bin/bash', BASH_VERSION: getVar(ctx.frame, 'BASH_VERSION')!, PWD: ctx.frame.cwd, UID: '0', EUID: '0', PPID: '1', SHLVL: getVar(ctx.frame, 'SHLVL')! });
    return ok(
      Object.keys(all)
        .sort()
        .map((k) => `${k}=${/^[A-Za-z0-9_@%+=:,./-]*$/.test(all[k]!) ? all[k] : sq(all[k]!)}\n`)
        .join(''),
    );
  },
});

const alias = defineCommand({
  name: 'alias',
  builtin: 'only',
  summary: 'define or display aliases',
  usage: 'alias [-p] [name[=value] ... ]',
  run(ctx) {
    const args = ctx.args.filter((a) => a !== '-p');
    const bad = args[0]?.match(/^-([^-])/);
    if (bad) return fail(`-bash: alias: -${bad[1]}: invalid option\nalias: usage: alias [-p] [name[=value] ... ]\n`, 2);
    const show = (n: string) => `alias ${n}=${sq(own(ctx.frame.aliases, n)!)}\n`;
    if (!args.length) return ok(Object.keys(ctx.frame.aliases).sort().map(show).join(''));
    let out = '';
    let err = '';
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq < 0) {
        if (own(ctx.frame.aliases, a) !== undefined) out += show(a);
        else err += `-bash: alias: ${a}: not found\n`;
        continue;
      }
      const name = a.slice(0, eq);
      if (!name || /[\s/$`=|&;()<>'"\\]/.test(name)) {
        err += `-bash: alias: \`${name}': invalid alias name\n`;
        continue;
      }
      setOwn(ctx.frame.aliases, name, a.slice(eq + 1));
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
});

const unalias = defineCommand({
  name: 'unalias',
  builtin: 'only',
  summary: 'remove alias definitions',
  usage: 'unalias [-a] name [name ...]',
  run(ctx) {
    if (!ctx.args.length) return fail('unalias: usage: unalias [-a] name [name ...]\n', 2);
    if (ctx.args.includes('-a')) {
      for (const k of Object.keys(ctx.frame.aliases)) delete ctx.frame.aliases[k];
      return ok();
    }
    let err = '';
    for (const n of ctx.args) {
      if (own(ctx.frame.aliases, n) === undefined) err += `-bash: unalias: ${n}: not found\n`;
      else delete ctx.frame.aliases[n];
    }
    return err ? fail(err) : ok();
  },
});


/** read, break and continue act on the executor (stdin, loops); these entries name them for type/help. */
const executorBuiltins = (['read', 'break', 'continue'] as const).map((name) =>
  defineCommand({
    name,
    builtin: 'only',
    summary: name === 'read' ? 'read a line from the standard input and split it into fields' : `${name} a for, while, or until loop`,
    usage: name === 'read' ? 'read [-r] [-p prompt] [name ...]' : `${name} [n]`,
    run: () => ok(),
  }),
);

const trueCmd = defineCommand({ name: 'true', dir: '/bin', builtin: 'and-file', summary: 'do nothing, successfully', usage: 'true', run: () => ok() });
const falseCmd = defineCommand({ name: 'false', dir: '/bin', builtin: 'and-file', summary: 'do nothing, unsuccessfully', usage: 'false', run: () => ({ stdout: '', stderr: '', exitCode: 1 }) });
const colon = defineCommand({ name: ':', builtin: 'only', summary: 'null command', usage: ':', run: () => ok() });

const env = defineCommand({
  name: 'env',
  summary: 'run a program in a modified environment, or print the environment',
  usage: 'env [NAME=VALUE]... [COMMAND [ARG]...]',
  run(ctx) {
    const extra: Record<string, string> = dict();
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (/^[^=-][^=]*=/.test(a)) setOwn(extra, a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
      else if (a === '-' || a === '-i' || a === '--ignore-environment') continue;
      else break;
    }
    const rest = ctx.args.slice(i);
    const all = dict({ ...dict(ctx.frame.env), ...extra });
    if (!rest.length) return ok(Object.entries(all).map(([k, v]) => `${k}=${v}\n`).join(''));
    const [name, ...args] = rest as [string, ...string[]];
    const spec = ctx.registry.get(name.slice(name.lastIndexOf('/') + 1));
    if (!spec || spec.builtin === 'only') return fail(`env: ${name}: ${STRERROR.ENOENT}\n`, 127);
    const saved = dict(ctx.frame.env);
    for (const [k, v] of Object.entries(extra)) setOwn(ctx.frame.env, k, v);
    try {
      return spec.run({ ...ctx, name, args });
    } finally {
      ctx.frame.env = saved;
    }
  },
});

const printenv = defineCommand({
  name: 'printenv',
  summary: 'print all or part of environment',
  usage: 'printenv [VARIABLE]...',
  run(ctx) {
    if (!ctx.args.length) return ok(Object.entries(ctx.frame.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    const found = ctx.args.filter((n) => own(ctx.frame.env, n) !== undefined);
    return { stdout: found.map((n) => own(ctx.frame.env, n) + '\n').join(''), stderr: '', exitCode: found.length === ctx.args.length ? 0 : 1 };
  },
});

/** Nesting of scripts running scripts (a script that sources itself must stop somewhere). */
let scriptDepth = 0;

function runScript(ctx: CommandContext, text: string, forked: boolean): CommandOutcome {
  if (scriptDepth >= 16) return fail('-bash: maximum script nesting level exceeded\n');
  const frame = forked ? { ...forkFrame(ctx.frame), functions: undefined } : ctx.frame;
  scriptDepth++;
  try {
    // A script is read in one piece; its output (both streams) is returned as what it printed.
    const r = runLineToEnd({ sim: ctx.sim, registry: ctx.registry, frame, cols: ctx.cols, rows: ctx.rows, history: ctx.history }, text);
    return { stdout: r.output, stderr: '', exitCode: r.exitCode };
  } finally {
    scriptDepth--;
  }
}

const source = (name: 'source' | '.') =>
  defineCommand({
    name,
    builtin: 'only',
    summary: 'execute commands from a file in the current shell',
    usage: `${name} filename [arguments]`,
    run(ctx) {
      const [file] = ctx.args;
      if (file === undefined) return fail(`-bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`, 2);
      const r = readFile(ctx.world, ctx.host, file, ctx.frame.cwd);
      if (!r.ok) return fail(`-bash: ${file}: ${r.error === 'EISDIR' ? 'is a directory' : STRERROR.ENOENT}\n`);
      return runScript(ctx, r.value, false);
    },
  });

const shell = (name: 'bash' | 'sh') =>
  defineCommand({
    name,
    dir: '/bin',
    summary: name === 'bash' ? 'GNU Bourne-Again SHell: run a script file or -c commands' : 'run a shell script',
    usage: `${name} [-c command | file]`,
    run(ctx) {
      const [first, second] = ctx.args;
      if (first === '-c') {
        if (second === undefined) return fail(`${name}: -c: option requires an argument\n`, 2);
        return runScript(ctx, second, true);
      }
      if (first === undefined) return fail(`${name}: an interactive nested shell is not available here; use ${name} -c 'commands' or ${name} FILE\n`, 1);
      if (first.startsWith('-') && first !== '-') return fail(`${name}: ${first}: invalid option\n`, 2);
      const r = readFile(ctx.world, ctx.host, first, ctx.frame.cwd);
      if (!r.ok) return fail(`${name}: ${first}: ${r.error === 'EISDIR' ? 'is a directory' : STRERROR.ENOENT}\n`, 127);
      return runScript(ctx, r.value, true);
    },
  });

export const meta: readonly CommandSpec[] = [
  help,
  clear,
  exitLike('exit'),
  exitLike('logout'),
  history,
  exportCmd,
  unset,
  set,
  alias,
  unalias,
  ...lookupCommands,
  trueCmd,
  falseCmd,
  colon,
  env,
  printenv,
  source('source'),
  source('.'),
  shell('bash'),
  shell('sh'),
  ...executorBuiltins,
  ...testCommands,
];

