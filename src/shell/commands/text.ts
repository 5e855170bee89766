// Text commands: echo.
import { defineCommand, ok, type CommandSpec } from '../types';

const echo = defineCommand({
  name: 'echo',
  summary: 'display a line of text',
  usage: 'echo [-neE] [STRING]...',
  run(ctx) {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (!/^-[neE]+$/.test(a)) break;
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = ctx.args.slice(i).join(' ');
    if (escapes) text = text.replace(/\\([nt\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
    return ok(text + (newline ? '\n' : ''));
  },
});

export const text: readonly CommandSpec[] = [echo];
