// xm's own option objects (xen/xm/opts.py) for the commands it imports from modules — create,
// new, migrate, shutdown: their help text (`Opt.__str__`), the parse loop (getopt run again
// after each operand, `VAR=VAL` words), and the OptionError they raise with the module's `use`.
import { getopt } from './getopt';

export interface OptDef {
  name: string;
  short?: string;
  /** Long switch when it differs from `name`. */
  long?: string;
  /** Placeholder for a value (`FILE`): the option takes one. */
  val?: string;
  use: string;
  /** A config variable (`memory=512`), not a switch: no dashes, not in the Options list. */
  isVar?: boolean;
}

export interface OptsDef {
  /** Usage text (`[options] DOM HOST …`), printed after an OptionError. */
  use: string;
  options: readonly OptDef[];
  /** Option that takes bare words (create: `defconfig`). */
  defaultOpt?: string;
}

/** opts.py `_line_wrap` / `wrap`: a greedy word wrap that keeps `len < width`. */
export function pyWrap(text: string, width = 70): string[] {
  if (text.length < width) return [text];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    const words = line.trim().split(/\s+/).filter(Boolean);
    for (const word of words) {
      if (current.length + word.length + 1 < width) current += word + ' ';
      else {
        out.push(current.trim());
        current = word + ' ';
      }
    }
    if (current) out.push(current.trim());
  }
  return out;
}

const keysOf = (o: OptDef): string[] => (o.isVar ? [o.long ?? o.name] : [...(o.short ? [`-${o.short}`] : []), `--${o.long ?? o.name}`]);

/** `Opt.__str__`: keys left in 21 columns, the description wrapped at 55 under column 22. */
export function formatOpt(o: OptDef): string {
  const PARAM_WIDTH = 20;
  const keys = keysOf(o)
    .map((k) => (o.val ? `${k}=${o.val}` : k))
    .join(', ');
  let desc = pyWrap(o.use, 55);
  if (keys.length > PARAM_WIDTH) desc = ['', ...desc];
  return keys.padEnd(PARAM_WIDTH + 1) + desc.join('\n' + ' '.repeat(PARAM_WIDTH + 1));
}

/** `str(gopts)`: the module help printed by `xm <cmd> -h` and after errors. */
export function optsHelp(def: OptsDef): string {
  const options = def.options.filter((o) => !o.isVar);
  return options.length ? '\nOptions:\n\n' + options.map(formatOpt).join('\n') + '\n' : '';
}

export type OptsParse =
  | { ok: true; values: Map<string, string | true>; args: string[]; vars: Array<[string, string]> }
  | { ok: false; error: string; usage: string };

/**
 * `Opts.parse`: getopt over what is left, then one operand at a time (a `k=v` word sets a
 * variable option or a script variable; the default option takes bare words too).
 */
export function parseOpts(def: OptsDef, argv: readonly string[]): OptsParse {
  const shortopts = def.options.filter((o) => o.short && !o.isVar).map((o) => o.short! + (o.val ? ':' : '')).join('');
  const longopts = def.options.filter((o) => !o.isVar).map((o) => (o.long ?? o.name) + (o.val ? '=' : ''));
  const values = new Map<string, string | true>();
  const xargs: string[] = [];
  const vars: Array<[string, string]> = [];
  let args = [...argv];
  for (let guard = 0; args.length && guard < 10_000; guard++) {
    const r = getopt(args, shortopts, longopts);
    if (!r.ok) return { ok: false, error: r.error, usage: def.use };
    for (const [k, v] of r.opts) {
      const o = def.options.find((x) => !x.isVar && keysOf(x).includes(k));
      if (!o) return { ok: false, error: `Unknown option: ${k}`, usage: def.use };
      values.set(o.name, o.val ? v : true);
    }
    args = r.args;
    if (!args.length) break;
    const arg = args[0]!;
    args = args.slice(1);
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const k = arg.slice(0, eq);
      const o = def.options.find((x) => keysOf(x).includes(k));
      if (o) {
        if (!o.val) return { ok: false, error: `Option '${k}' does not take a value`, usage: '' };
        values.set(o.name, arg.slice(eq + 1));
        continue;
      }
      vars.push([k.trim(), arg.slice(eq + 1).trim()]);
    } else if (def.defaultOpt) values.set(def.defaultOpt, arg);
    xargs.push(arg);
  }
  return { ok: true, values, args: xargs, vars };
}
