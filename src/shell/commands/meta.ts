// Shell built-ins about the shell itself: help, clear, exit/logout, history.
import { defineCommand, fail, ok, type CommandSpec } from '../types';

const help = defineCommand({
  name: 'help',
  summary: 'list the commands this server knows, or describe one',
  usage: 'help [COMMAND]',
  complete: (_c, words, cur) => (words.length ? [] : [cur]),
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
    summary: name === 'exit' ? 'exit the shell (closes an ssh session)' : 'exit a login shell',
    usage: `${name} [n]`,
    run(ctx) {
      const [n] = ctx.args;
      if (n !== undefined && !/^-?\d+$/.test(n)) return fail(`-bash: ${name}: ${n}: numeric argument required\n`, 2);
      const code = n === undefined ? ctx.frame.lastExit : Number(n) & 255;
      return { ...ok(), exitCode: code, action: { kind: 'exit', code } };
    },
  });
}

const history = defineCommand({
  name: 'history',
  summary: 'show the command history',
  usage: 'history [n]',
  run(ctx) {
    const all = ctx.history;
    const n = ctx.args[0] ? Number(ctx.args[0]) : all.length;
    if (!Number.isInteger(n) || n < 0) return fail(`-bash: history: ${ctx.args[0]}: numeric argument required\n`);
    const from = Math.max(0, all.length - n);
    return ok(all.slice(from).map((l, i) => `${String(from + i + 1).padStart(5)}  ${l}\n`).join(''));
  },
});

export const meta: readonly CommandSpec[] = [help, clear, exitLike('exit'), exitLike('logout'), history];
