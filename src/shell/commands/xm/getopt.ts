// Python 2's getopt module as xm uses it: getopt (stops at the first operand) and gnu_getopt
// (permutes), with GetoptError's exact messages, which xm prints after "Error: ".

export type GetoptResult = { ok: true; opts: Array<[string, string]>; args: string[] } | { ok: false; error: string };

class GetoptError {
  constructor(readonly msg: string) {}
}

function longHasArgs(opt: string, longopts: readonly string[]): [boolean, string] {
  const possibilities = longopts.filter((o) => o.startsWith(opt));
  if (!possibilities.length) throw new GetoptError(`option --${opt} not recognized`);
  if (possibilities.includes(opt)) return [false, opt];
  if (possibilities.includes(opt + '=')) return [true, opt];
  if (possibilities.length > 1) throw new GetoptError(`option --${opt} not a unique prefix`);
  const unique = possibilities[0]!;
  return unique.endsWith('=') ? [true, unique.slice(0, -1)] : [false, unique];
}

function doLongs(opts: Array<[string, string]>, word: string, longopts: readonly string[], args: string[]): string[] {
  const eq = word.indexOf('=');
  let opt = eq < 0 ? word : word.slice(0, eq);
  let optarg: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
  const [hasArg, full] = longHasArgs(opt, longopts);
  opt = full;
  if (hasArg) {
    if (optarg === undefined) {
      if (!args.length) throw new GetoptError(`option --${opt} requires argument`);
      optarg = args[0]!;
      args = args.slice(1);
    }
  } else if (optarg !== undefined) throw new GetoptError(`option --${opt} must not have an argument`);
  opts.push([`--${opt}`, optarg ?? '']);
  return args;
}

function shortHasArg(opt: string, shortopts: string): boolean {
  for (let i = 0; i < shortopts.length; i++) {
    if (opt === shortopts[i] && opt !== ':') return shortopts[i + 1] === ':';
  }
  throw new GetoptError(`option -${opt} not recognized`);
}

function doShorts(opts: Array<[string, string]>, optstring: string, shortopts: string, args: string[]): string[] {
  while (optstring !== '') {
    const opt = optstring[0]!;
    optstring = optstring.slice(1);
    let optarg = '';
    if (shortHasArg(opt, shortopts)) {
      if (optstring === '') {
        if (!args.length) throw new GetoptError(`option -${opt} requires argument`);
        optstring = args[0]!;
        args = args.slice(1);
      }
      optarg = optstring;
      optstring = '';
    }
    opts.push([`-${opt}`, optarg]);
  }
  return args;
}

/** getopt.getopt: options must come before operands. */
export function getopt(argv: readonly string[], shortopts: string, longopts: readonly string[] = []): GetoptResult {
  const opts: Array<[string, string]> = [];
  let args = [...argv];
  try {
    while (args.length && args[0]!.startsWith('-') && args[0] !== '-') {
      if (args[0] === '--') {
        args = args.slice(1);
        break;
      }
      args = args[0]!.startsWith('--') ? doLongs(opts, args[0]!.slice(2), longopts, args.slice(1)) : doShorts(opts, args[0]!.slice(1), shortopts, args.slice(1));
    }
  } catch (e) {
    if (e instanceof GetoptError) return { ok: false, error: e.msg };
    throw e;
  }
  return { ok: true, opts, args };
}

/** getopt.gnu_getopt: options and operands in any order; `--` ends options. */
export function gnuGetopt(argv: readonly string[], shortopts: string, longopts: readonly string[] = []): GetoptResult {
  const opts: Array<[string, string]> = [];
  const progArgs: string[] = [];
  let args = [...argv];
  try {
    while (args.length) {
      const a = args[0]!;
      if (a === '--') {
        progArgs.push(...args.slice(1));
        break;
      }
      if (a.startsWith('--')) args = doLongs(opts, a.slice(2), longopts, args.slice(1));
      else if (a.startsWith('-') && a !== '-') args = doShorts(opts, a.slice(1), shortopts, args.slice(1));
      else {
        progArgs.push(a);
        args = args.slice(1);
      }
    }
  } catch (e) {
    if (e instanceof GetoptError) return { ok: false, error: e.msg };
    throw e;
  }
  return { ok: true, opts, args: progArgs };
}
