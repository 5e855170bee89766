// A small declarative option parser with GNU getopt_long's behaviour and glibc 2.12's error
// wording (Oracle Linux 6): bundled short flags, `-n5`/`-n 5`, `--long[=value]`, unique long
// prefixes, `--` ending options, and permuted operands. Parses only; never prints, never throws.
//
// Usage:
//   const SPEC = defineArgs({ prog: 'ls', exitCode: 2, options: [
//     { short: 'l' }, { short: 'a', long: 'all' }, { long: 'color', arg: 'optional' },
//     { short: 'w', long: 'width', arg: 'required' } ] });
//   const p = parseArgs(SPEC, ctx.args);
//   if (!p.ok) return p.outcome;          // stderr + exit code as the real tool prints them
//   p.args.has('l'); p.args.value('width'); p.args.operands;
//
// The key of an option is `key ?? long ?? short`. Errors end with the tool's "Try" hint:
// coreutils prints `Try \`ls --help' for more information.`; a `usageLine` is printed before it
// (grep: `Usage: grep [OPTION]... PATTERN [FILE]...`); `tryHelp: false` prints neither.
import type { CommandOutcome } from './types';

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptionDef {
  /** One character: `-l`. */
  short?: string;
  /** Without dashes: `--all`. */
  long?: string;
  /** Extra long spellings of the same option (`--recursive` and `--dereference-recursive`). */
  aliases?: string[];
  /** Result key; defaults to `long`, then `short`. Several options may share a key. */
  key?: string;
  /** 'required': `-n 5`, `-n5`, `--lines=5`, `--lines 5`; 'optional': only `--color=always` or `--color`. */
  arg?: ArgKind;
  /** Placeholder and one-line description, for `--help`, `man` and Tab completion. */
  argName?: string;
  help?: string;
}

export interface ArgSpec {
  prog: string;
  options: readonly OptionDef[];
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
}

export interface ParsedArgs {
  /** Options as given, in order (for tools where the last of several wins). */
  readonly list: ReadonlyArray<{ key: string; value: string | undefined }>;
  readonly operands: string[];
  has(key: string): boolean;
  count(key: string): number;
  /** The last value given for `key`. */
  value(key: string): string | undefined;
  values(key: string): string[];
  /** The key among `keys` that came last on the command line (`ls -t -S`: the last sort wins). */
  last(...keys: string[]): string | undefined;
}

export type ParseArgsResult = { ok: true; args: ParsedArgs } | { ok: false; outcome: CommandOutcome; error: string };

export const defineArgs = (spec: ArgSpec): ArgSpec => spec;

const keyOf = (o: OptionDef): string => o.key ?? o.long ?? o.short ?? '?';

export function parseArgs(spec: ArgSpec, argv: readonly string[]): ParseArgsResult {
  const list: Array<{ key: string; value: string | undefined }> = [];
  const operands: string[] = [];
  const err = (msg: string): ParseArgsResult => {
    const stderr = `${spec.prog}: ${msg}\n` + usageTail(spec);
    return { ok: false, error: msg, outcome: { stdout: '', stderr, exitCode: spec.exitCode ?? 1 } };
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const found = findLong(spec, name);
      // glibc 2.12 quotes the word as typed, `=value` included.
      if (found === 'ambiguous') return err(`option '${a}' is ambiguous`);
      if (!found) return err(`unrecognized option '${a}'`);
      const full = found.long!;
      const kind = found.arg ?? 'none';
      if (kind === 'none') {
        if (inline !== undefined) return err(`option '--${full}' doesn't allow an argument`);
        list.push({ key: keyOf(found), value: undefined });
      } else if (kind === 'optional') list.push({ key: keyOf(found), value: inline });
      else if (inline !== undefined) list.push({ key: keyOf(found), value: inline });
      else if (i + 1 < argv.length) list.push({ key: keyOf(found), value: argv[++i]! });
      else return err(`option '${a}' requires an argument`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberKey && /^-\d+$/.test(a)) {
        list.push({ key: spec.numberKey, value: a.slice(1) });
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const o = spec.options.find((x) => x.short === c);
        if (!o) return err(`invalid option -- '${c}'`);
        const kind = o.arg ?? 'none';
        if (kind === 'none') {
          list.push({ key: keyOf(o), value: undefined });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) list.push({ key: keyOf(o), value: rest });
        else if (kind === 'optional') list.push({ key: keyOf(o), value: undefined });
        else if (i + 1 < argv.length) list.push({ key: keyOf(o), value: argv[++i]! });
        else return err(`option requires an argument -- '${c}'`);
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
  return { ok: true, args: makeParsed(list, operands) };
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

function makeParsed(list: Array<{ key: string; value: string | undefined }>, operands: string[]): ParsedArgs {
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
    last: (...keys) => {
      for (let i = list.length - 1; i >= 0; i--) if (keys.includes(list[i]!.key)) return list[i]!.key;
      return undefined;
    },
  };
}

/** The words Tab offers for an option being typed: `--long` (with `=` when it takes a value) and `-s`. */
export function optionWords(spec: ArgSpec, current: string): string[] {
  const out: string[] = [];
  for (const o of spec.options) {
    for (const n of [o.long, ...(o.aliases ?? [])]) if (n) out.push(`--${n}${o.arg === 'required' ? '=' : ''}`);
    if (o.short && !current.startsWith('--')) out.push(`-${o.short}`);
  }
  return out.filter((w) => w.startsWith(current));
}

/** A simple error outcome in the tool's usage-error style (for checks after parsing). */
export function usageError(spec: ArgSpec, message: string): CommandOutcome {
  return { stdout: '', stderr: `${spec.prog}: ${message}\n${usageTail(spec)}`, exitCode: spec.exitCode ?? 1 };
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
