// A small declarative option parser with GNU getopt_long's behaviour and glibc 2.12's error
// wording (Oracle Linux 6): bundled short flags, `-n5`/`-n 5`, `--long[=value]`, unique long
// prefixes, `--` ending options, and permuted operands. Parses only; never prints, never throws.
//
// A command declares its options in its spec and `invokeCommand` parses them before `run`:
//   const ARGS = defineArgs({ prog: 'ls', exitCode: 2, options: [
//     { short: 'l' }, { short: 'a', long: 'all' }, { long: 'color', arg: 'optional' },
//     { short: 'w', long: 'width', arg: 'required' } ] });
//   defineCommand({ name: 'ls', args: ARGS, run(ctx) { ctx.parsed.has('l'); ctx.parsed.value('width') } });
// Usage errors never reach `run`: stderr + exit code as the real tool prints them (`onError`
// when the tool words them its own way). `parsed.has('wdith')` is a type error: keys are typed.
//
// The key of an option is `key ?? long ?? short`. Errors end with the tool's "Try" hint:
// coreutils prints `Try \`ls --help' for more information.`; a `usageLine` is printed before it
// (grep: `Usage: grep [OPTION]... PATTERN [FILE]...`); `tryHelp: false` prints neither.
// C tools that call getopt(3) with an option string get their ArgSpec from getopt.ts.
import type { CommandContext, CommandOutcome } from './types';

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptionDef {
  /** One character: `-l`. */
  short?: string;
  /** Without dashes: `--all`. */
  long?: string;
  /** Extra long spellings of the same option (`--recursive` and `--dereference-recursive`). */
  aliases?: readonly string[];
  /** Result key; defaults to `long`, then `short`. Several options may share a key. */
  key?: string;
  /** 'required': `-n 5`, `-n5`, `--lines=5`, `--lines 5`; 'optional': only `--color=always` or `--color`. */
  arg?: ArgKind;
  /** Placeholder and one-line description, for `--help`, `man` and Tab completion. */
  argName?: string;
  help?: string;
  /**
   * Checks the value as the tool's getopt loop does when it meets the option (multipath's `-p`
   * policy): a message refuses the command line there, before any later option is looked at.
   */
  check?: (value: string) => string | undefined;
}

/** What went wrong, for a tool that words its usage errors its own way (`onError`). */
export interface ArgError {
  /** invalid: unknown short option; missing: no value; unrecognized/ambiguous/no-value: long options; value: `check` refused it. */
  kind: 'invalid' | 'missing' | 'unrecognized' | 'ambiguous' | 'no-value' | 'value';
  /** The option as the message names it: `x` for `-x`, `--foo` as typed. */
  option: string;
  /** glibc's complaint without the program name (`invalid option -- 'x'`), or the check's message. */
  message: string;
  /** The default answer: `prog: message`, the usage line and the "Try" hint. */
  outcome: CommandOutcome;
}

/** `--help` in coreutils' layout from the declared options (formatHelp), answered by invokeCommand. */
export interface HelpText {
  usage: string;
  description: string;
  footer?: string;
}

export interface ArgSpec<K extends string = string> {
  prog: string;
  options: readonly OptionDef[];
  /** Type-only: the keys `parsed.has()` accepts (defineArgs infers them from `options`). */
  readonly keys?: K;
  /** Exit status on a usage error (coreutils: 1; ls, grep, sort, du: 2). */
  exitCode?: number;
  /** Printed between the error and the "Try" line. */
  usageLine?: string;
  /** The "Try" hint: default coreutils wording; false for tools that print none; a string replaces it. */
  tryHelp?: boolean | string;
  /** POSIX mode: the first operand ends option parsing (`xargs`, `find`'s expression, `env`). */
  stopAtOperand?: boolean;
  /** Key that receives a legacy `-NUM` (as in `head -5`); digits are not options then. */
  numberKey?: string;
  /** getopt(3) without long options: `--x` is read as the short options `-`, `x` (`-` is none). */
  longOptions?: false;
  /**
   * Keys of options the tool acts on inside its getopt loop and exits (fdisk's `-h`,
   * multipathd's `-k`): nothing after them is parsed, so a later mistake is never reported.
   */
  stopAfter?: readonly string[];
  /** `--help`: answered with this text when the `help` key was given (after the whole line parsed). */
  help?: HelpText;
  /** Legacy syntax getopt never sees, rewritten first (`tail +5` is `tail -n +5`). */
  preprocess?: (argv: readonly string[]) => string[];
  /** The tool's own answer to a usage error (its usage text, another stream or exit status). */
  onError?: (e: ArgError, ctx: CommandContext) => CommandOutcome;
  /** The options differ by release (fdisk 2.13 has no `-c`): the spec this host's tool parses with. */
  variant?: (ctx: CommandContext) => ArgSpec<K>;
}

export interface ParsedArgs<K extends string = string> {
  /** Options as given, in order (for tools where the last of several wins). */
  readonly list: ReadonlyArray<{ key: K; value: string | undefined }>;
  readonly operands: string[];
  has(key: K): boolean;
  count(key: K): number;
  /** The last value given for `key`. */
  value(key: K): string | undefined;
  values(key: K): string[];
  /** The key among `keys` that came last on the command line (`ls -t -S`: the last sort wins). */
  last<L extends K>(...keys: L[]): L | undefined;
}

export type ParseArgsResult<K extends string = string> = { ok: true; args: ParsedArgs<K> } | { ok: false; outcome: CommandOutcome; error: string; err: ArgError };

/** The option keys of an ArgSpec, and its parsed arguments, for helpers of `run`: `ParsedOf<typeof ARGS>`. */
export type KeysOf<S> = S extends ArgSpec<infer K> ? K : never;
export type ParsedOf<S> = ParsedArgs<KeysOf<S>>;

/** The key an option is stored under, as a type: `key ?? long ?? short`. */
type OptionKey<O> = O extends { key: infer K extends string } ? K : O extends { long: infer L extends string } ? L : O extends { short: infer S extends string } ? S : never;

/** Declares a tool's options; the keys of the result are inferred, so a misspelt `has('x')` fails to compile. */
export function defineArgs<const O extends readonly OptionDef[], const N extends string = never>(
  spec: Omit<ArgSpec<OptionKey<O[number]> | N>, 'options' | 'numberKey'> & { options: O; numberKey?: N },
): ArgSpec<OptionKey<O[number]> | N> {
  return spec;
}

const keyOf = (o: OptionDef): string => o.key ?? o.long ?? o.short ?? '?';

export function parseArgs<K extends string>(spec: ArgSpec<K>, argv: readonly string[]): ParseArgsResult<K> {
  const list: Array<{ key: string; value: string | undefined }> = [];
  const operands: string[] = [];
  const fail = (kind: ArgError['kind'], option: string, msg: string): ParseArgsResult<K> => {
    const stderr = `${spec.prog}: ${msg}\n` + usageTail(spec);
    const outcome = { stdout: '', stderr, exitCode: spec.exitCode ?? 1 };
    return { ok: false, error: msg, outcome, err: { kind, option, message: msg, outcome } };
  };
  const err = (msg: string): ParseArgsResult<K> => {
    const long = /'(--[^'=]*)/.exec(msg)?.[1] ?? '';
    const kind = msg.includes('ambiguous') ? 'ambiguous' : msg.includes('requires') ? 'missing' : msg.includes("doesn't allow") ? 'no-value' : 'unrecognized';
    return fail(kind, long, msg);
  };
  // Records an option; a `check` refusal or a stopping option ends parsing (see OptionDef.check, stopAfter).
  let stop = false;
  const push = (o: OptionDef, value: string | undefined, name: string): ParseArgsResult<K> | undefined => {
    const bad = value !== undefined ? o.check?.(value) : undefined;
    if (bad !== undefined) return fail('value', name, bad);
    list.push({ key: keyOf(o), value });
    if (spec.stopAfter?.includes(keyOf(o))) stop = true;
    return undefined;
  };

  for (let i = 0; i < argv.length && !stop; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.longOptions !== false) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const found = findLong(spec, name);
      // glibc 2.12 quotes the word as typed, `=value` included.
      if (found === 'ambiguous') return err(`option '${a}' is ambiguous`);
      if (!found) return err(`unrecognized option '${a}'`);
      const full = found.long!;
      const kind = found.arg ?? 'none';
      let value: string | undefined;
      if (kind === 'none') {
        if (inline !== undefined) return err(`option '--${full}' doesn't allow an argument`);
      } else if (kind === 'optional' || inline !== undefined) value = inline;
      else if (i + 1 < argv.length) value = argv[++i]!;
      else return err(`option '${a}' requires an argument`);
      const refused = push(found, value, `--${full}`);
      if (refused) return refused;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberKey && /^-\d+$/.test(a)) {
        list.push({ key: spec.numberKey, value: a.slice(1) });
        continue;
      }
      for (let j = 1; j < a.length && !stop; j++) {
        const c = a[j]!;
        const o = spec.options.find((x) => x.short === c);
        if (!o) return fail('invalid', c, `invalid option -- '${c}'`);
        const kind = o.arg ?? 'none';
        if (kind === 'none') {
          const refused = push(o, undefined, c);
          if (refused) return refused;
          continue;
        }
        const rest = a.slice(j + 1);
        let value: string | undefined;
        if (rest || kind === 'optional') value = rest || undefined;
        else if (i + 1 < argv.length) value = argv[++i]!;
        else return fail('missing', c, `option requires an argument -- '${c}'`);
        const refused = push(o, value, c);
        if (refused) return refused;
        break;
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...argv.slice(i + 1));
      break;
    }
  }
  return { ok: true, args: makeParsed(list as Array<{ key: K; value: string | undefined }>, operands) };
}

function findLong(spec: ArgSpec, name: string): OptionDef | 'ambiguous' | undefined {
  const named = (o: OptionDef) => [o.long, ...(o.aliases ?? [])].filter((n): n is string => !!n);
  const exact = spec.options.find((o) => named(o).includes(name));
  if (exact) return { ...exact, long: name };
  if (!name) return undefined;
  const hits: Array<{ o: OptionDef; n: string }> = [];
  for (const o of spec.options) for (const n of named(o)) if (n.startsWith(name)) hits.push({ o, n });
  if (!hits.length) return undefined;
  // Several spellings of one option (same key) are not ambiguous.
  if (hits.some((h) => keyOf(h.o) !== keyOf(hits[0]!.o))) return 'ambiguous';
  return { ...hits[0]!.o, long: hits[0]!.n };
}

function usageTail(spec: ArgSpec): string {
  const usage = spec.usageLine ? `${spec.usageLine}\n` : '';
  if (spec.tryHelp === false) return usage;
  if (typeof spec.tryHelp === 'string') return usage + spec.tryHelp + '\n';
  return `${usage}Try \`${spec.prog} --help' for more information.\n`;
}

function makeParsed<K extends string>(list: Array<{ key: K; value: string | undefined }>, operands: string[]): ParsedArgs<K> {
  return {
    list,
    operands,
    has: (k) => list.some((e) => e.key === k),
    count: (k) => list.filter((e) => e.key === k).length,
    value: (k) => {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.key === k) return list[i]!.value;
      return undefined;
    },
    values: (k) => list.filter((e) => e.key === k && e.value !== undefined).map((e) => e.value!),
    last: <L extends K>(...keys: L[]): L | undefined => {
      for (let i = list.length - 1; i >= 0; i--) if ((keys as K[]).includes(list[i]!.key)) return list[i]!.key as L;
      return undefined;
    },
  };
}

/**
 * The command line of a command that declares `args`, parsed for its `run` (defineCommand wraps
 * every such `run` with this, so whoever calls it — the shell, `env`, `xargs`, `find -exec`, the
 * lab hooks — gets the same answer): the parsed arguments, or the answer in their place, a usage
 * error in the tool's wording or its `--help`.
 */
export function parseCommandLine<K extends string>(base: ArgSpec<K>, ctx: CommandContext): { ok: true; parsed: ParsedArgs<K> } | { ok: false; outcome: CommandOutcome } {
  const spec = base.variant?.(ctx) ?? base;
  const p = parseArgs(spec, spec.preprocess ? spec.preprocess(ctx.args) : ctx.args);
  if (!p.ok) return { ok: false, outcome: spec.onError ? spec.onError(p.err, ctx) : p.outcome };
  const help = spec.help;
  if (help && p.args.list.some((e) => e.key === 'help')) return { ok: false, outcome: { stdout: formatHelp(spec, help.usage, help.description, help.footer), stderr: '', exitCode: 0 } };
  return { ok: true, parsed: p.args };
}

/** The words Tab offers for an option being typed: `--long` (with `=` when it takes a value) and `-s`. */
export function optionWords(spec: ArgSpec<string>, current: string): string[] {
  const out: string[] = [];
  for (const o of spec.options) {
    for (const n of [o.long, ...(o.aliases ?? [])]) if (n) out.push(`--${n}${o.arg === 'required' ? '=' : ''}`);
    if (o.short && !current.startsWith('--')) out.push(`-${o.short}`);
  }
  return out.filter((w) => w.startsWith(current));
}

/**
 * A `--help` text in coreutils' layout from the declared options: the usage line, a description,
 * then one line per option with the description at column 30 (1-based).
 */
export function formatHelp(spec: ArgSpec, usage: string, description: string, footer = ''): string {
  const rows: string[] = [];
  for (const o of spec.options) {
    if (!o.help) continue;
    const names = [o.short && `-${o.short}`, o.long && `--${o.long}${o.arg === 'required' ? `=${o.argName ?? 'ARG'}` : o.arg === 'optional' ? `[=${o.argName ?? 'ARG'}]` : ''}`].filter(Boolean).join(', ');
    const left = `  ${o.short ? '' : '    '}${names}`;
    rows.push(left.length < 28 ? left.padEnd(29) + o.help : `${left}\n${''.padEnd(29)}${o.help}`);
  }
  return `Usage: ${usage}\n${description}\n\n${rows.join('\n')}\n      --help     display this help and exit\n${footer}`;
}
