// Reading a command's file operands: `-` is standard input, directories and missing files give
// the message text the tools print after `prog: name: `.
import { STRERROR } from '../../../sim/errno';
import { readFile } from '../../../sim/vfs';
import type { CommandContext } from '../../types';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string; errno: string };

export function readOperand(ctx: CommandContext, name: string): ReadResult {
  if (name === '-') return { ok: true, text: ctx.stdin };
  if (name === '/dev/null' || name === '/dev/zero') return { ok: true, text: '' };
  const r = readFile(ctx.world, ctx.host, name, ctx.frame.cwd);
  if (r.ok) return { ok: true, text: r.value };
  return { ok: false, message: STRERROR[r.error], errno: r.error };
}

/** Splits text into lines without their newlines; a final line without newline is kept. */
export function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}
