// create.py's parseCommandLine for `xm create` and `xm new`: find the config file on the search
// path (`./name` first, then /etc/xen), say which one is used, execute it, apply VAR=VAL words
// and the checks xm makes before talking to xend. Errors are CommandOutcomes as xm prints them.
import { STRERROR } from '../../../sim/errno';
import { normalizePath, lookup, readFile } from '../../../sim/vfs';
import { execPyConfig, type PyValue } from '../../../sim/xen/pycfg';
import { configFromVars, type VmConfig } from '../../../sim/xen/vm-config';
import { CREATE_OPTS } from './module-opts';
import { optionError } from './subcommand';
import type { CommandContext, CommandOutcome } from '../../types';

export type LoadResult = { ok: true; config: VmConfig; realPath: string; shown: string; stdout: string } | { ok: false; outcome: CommandOutcome };

const INT_VARS = new Set(['memory', 'maxmem', 'vcpus', 'maxvcpus', 'cpu_cap', 'cpu_weight']);

/** os.path.join for the two cases create.py meets. */
const join = (dir: string, name: string): string => (name.startsWith('/') ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`);

export function loadVmConfig(ctx: CommandContext, cmd: string, values: Map<string, string | true>, vars: Array<[string, string]>): LoadResult {
  const { world, host, frame } = ctx;
  // set_int runs while the command line is parsed, before any file is looked for.
  for (const [k, v] of values) {
    if (typeof v === 'string' && INT_VARS.has(k) && !/^\s*[+-]?\d+\s*$/.test(v)) return { ok: false, outcome: { stdout: '', stderr: `Error: Invalid value: ${v}\n`, exitCode: 1 } };
  }
  const quiet = values.has('quiet');
  const defconfig = typeof values.get('defconfig') === 'string' ? (values.get('defconfig') as string) : 'xmdefconfig';
  const searchPath = typeof values.get('path') === 'string' ? (values.get('path') as string) : '.:/etc/xen';
  let found: string | null = null;
  for (const x of ['', ...searchPath.split(':')]) {
    let p = x ? join(x, defconfig) : defconfig;
    if (!p.startsWith('/')) p = join('.', p);
    if (lookup(world, host, p, frame.cwd).ok) {
      found = p;
      break;
    }
  }
  const fail = (message: string, stdout = ''): LoadResult => ({ ok: false, outcome: { stdout, stderr: `Error: ${message}\n`, exitCode: 1 } });
  if (!found) return { ok: false, outcome: optionError(ctx, cmd, `Unable to open config file: ${defconfig}`, CREATE_OPTS.use) };
  const stdout = quiet ? '' : `Using config file "${found}".\n`;
  const text = readFile(world, host, found, frame.cwd);
  if (!text.ok) return fail(`[Errno ${text.error === 'EISDIR' ? 21 : 13}] ${STRERROR[text.error]}: '${found}'`, stdout);

  // VAR=VAL words on the command line are script variables the config sees (as strings).
  const prelude = vars.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n');
  const run = execPyConfig(prelude ? `${prelude}\n${text.value}` : text.value);
  if (!run.ok) {
    if (run.kind === 'SyntaxError') {
      const line = run.line - (prelude ? prelude.split('\n').length : 0);
      return fail(`Errors were found at line ${line} while processing ${found}:\n\t${run.text}`, stdout);
    }
    return fail(run.message, stdout);
  }
  // Variable options given as VAR=VAL on the command line win over the file.
  const merged = new Map<string, PyValue>(run.vars);
  for (const [k, v] of values) {
    if (typeof v !== 'string' || !CREATE_OPTS.options.some((o) => o.isVar && o.name === k)) continue;
    merged.set(k, INT_VARS.has(k) ? parseInt(v, 10) : v);
  }
  const r = configFromVars(merged, defconfig);
  if (!r.ok) return fail(r.error, stdout);
  for (const [key, label] of [
    ['kernel', 'kernel'],
    ['ramdisk', 'ramdisk'],
  ] as const) {
    const path = r.config[key];
    if (path && !(key === 'kernel' && path === 'hvmloader') && !lookup(world, host, path, frame.cwd).ok) return fail(`Cannot find ${label} "${path}"`, stdout);
  }
  return { ok: true, config: r.config, realPath: normalizePath(found, frame.cwd), shown: found, stdout };
}
