// The C-getopt adapter: an ArgSpec from a getopt(3) option string ("dv:k::") for the tools that
// parse with one — glibc's complaints (or, after a leading ':', the tool's own) and its usage.
import type { ArgSpec, OptionDef } from './args';
import type { CommandContext, CommandOutcome } from './types';

/** The option letters of an optstring, as a type: `"dv:k::"` → `'d' | 'v' | 'k'`. */
type Letters<S extends string> = S extends `${infer C}${infer R}` ? (C extends ':' | '+' ? never : C) | Letters<R> : never;

export interface GetoptTool<L extends string> {
  prog: string;
  /** The usage text printed after the complaint, as the tool's usage() prints it (by release if it differs). */
  usage?: string | ((ctx: CommandContext) => string);
  /** Exit status of usage() (1 for every C tool here). */
  exitCode?: number;
  /** usage() prints with printf, not to stderr (kpartx). */
  usageOn?: 'stdout';
  /** The tool sets `opterr = 0`: getopt prints no complaint, only the tool's usage follows. */
  opterr?: false;
  /**
   * With a leading ':' in the optstring getopt prints nothing and the tool words the complaint:
   * multipath's "Unknown switch: (null)" and "Missing option arguement" (sic).
   */
  complaints?: { invalid: (letter: string) => string; missing: (letter: string) => string };
  /** Checks of option values made inside the tool's getopt loop; the message ('' for none) then its usage. */
  checks?: Partial<Record<L, (value: string) => string | undefined>>;
  /** A refused value prints the check's message alone, no usage (ping's "bad number of packets to transmit."). */
  usageAfterCheck?: false;
  /** Options the tool acts on inside its loop and exits (fdisk's -h, multipathd's -k): nothing after them is parsed. */
  stopAfter?: readonly L[];
  /** This host's tool has another optstring (fdisk 2.13 has no -c). */
  variant?: (ctx: CommandContext) => string | undefined;
}

/**
 * getopt(3) semantics: short options only (`--x` is the options `-` and `x`, and `-` is none),
 * `x:` takes a value glued or as the next word, `x::` only glued; operands are permuted unless
 * the string starts with '+'; `--` ends the options. Keys are the letters.
 */
export function getopt<const S extends string>(optstring: S, tool: GetoptTool<Letters<S>>): ArgSpec<Letters<S>> {
  const silent = optstring.replace(/^\+/, '').startsWith(':');
  const onError: ArgSpec['onError'] = (e, ctx) => {
    let line: string;
    if (e.kind === 'value') line = e.message;
    else if (silent && tool.complaints) line = e.kind === 'missing' ? tool.complaints.missing(e.option) : tool.complaints.invalid(e.option);
    else line = tool.opterr === false ? '' : `${tool.prog}: ${e.message}`;
    const complaint = line ? line + '\n' : '';
    const bare = e.kind === 'value' && tool.usageAfterCheck === false;
    const usage = bare ? '' : typeof tool.usage === 'function' ? tool.usage(ctx) : (tool.usage ?? '');
    const exitCode = tool.exitCode ?? 1;
    const out: CommandOutcome = tool.usageOn === 'stdout' ? { stdout: usage, stderr: complaint, exitCode, ...(complaint ? { stderrFirst: true } : {}) } : { stdout: '', stderr: complaint + usage, exitCode, stderrFirst: true };
    return out;
  };
  const build = (s: string): ArgSpec<Letters<S>> => ({
    prog: tool.prog,
    options: lettersOf(s, tool.checks as Record<string, (v: string) => string | undefined> | undefined),
    longOptions: false,
    stopAtOperand: s.startsWith('+'),
    stopAfter: tool.stopAfter,
    tryHelp: false,
    exitCode: tool.exitCode ?? 1,
    onError,
  });
  const spec = build(optstring);
  const variant = tool.variant;
  if (variant) {
    spec.variant = (ctx) => {
      const other = variant(ctx);
      return other === undefined ? spec : build(other);
    };
  }
  return spec;
}

function lettersOf(optstring: string, checks: Record<string, (v: string) => string | undefined> | undefined): OptionDef[] {
  const out: OptionDef[] = [];
  const s = optstring.replace(/^[+:]+/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    // glibc refuses ':' as an option letter even when it appears in the string.
    if (c === ':') continue;
    const colons = /^:{0,2}/.exec(s.slice(i + 1))![0].length;
    i += colons;
    const check = checks?.[c];
    out.push({ short: c, arg: colons === 2 ? 'optional' : colons === 1 ? 'required' : 'none', ...(check ? { check } : {}) });
  }
  return out;
}
