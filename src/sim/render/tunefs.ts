// tunefs.ocfs2's text: the usage block (ocfs2ne.c print_usage) and -Q query formats
// (op_query.c: escapes, then glibc printf with the tool's own %B %T %N %R %Y %P %V %U %M %H %O).
import { featureClass } from '../storage/ocfs2/ocfs2-geometry';
import { queryBlocks } from '../storage/ocfs2/ocfs2-tunefs';
import type { Ocfs2Volume } from '../storage/ocfs2/ocfs2-types';

export const TUNEFS_USAGE = [
  'Usage: tunefs.ocfs2 [options] <device> [new-size]',
  '       tunefs.ocfs2 -h|--help',
  '       tunefs.ocfs2 -V|--version',
  '[options] can be any mix of:',
  '\t-i|--interactive',
  '\t-p|--progress',
  '\t-v|--verbose (increases verbosity; more than one permitted)',
  '\t-q|--quiet (decreases verbosity; more than one permitted)',
  '\t-L|--label <label>',
  '\t-N|--node-slots <number-of-node-slots>',
  '\t-S|--volume-size',
  '\t-U|--uuid-reset[=new-uuid]',
  '\t-J|--journal-options <options>',
  '\t-Q|--query <query-format>',
  '\t   --list-sparse',
  '\t   --fs-features [no]sparse,...',
  '\t   --update-cluster-stack',
  '\t   --cloned-volume[=new-label]',
  '\t   --usrquota-sync-interval <interval>',
  '\t   --grpquota-sync-interval <interval>',
  '\t-y|--yes',
  '\t-n|--no',
  "[new-size] is only valid with the '-S' option",
  'All sizes can be specified with K/M/G/T/P suffixes',
  '',
].join('\n');

/** process_escapes: \a \b \t \n \v \f \r; any other backslash pair stays as typed. */
function escapes(fmt: string): string {
  const map: Record<string, string> = { a: '\x07', b: '\x08', t: '\t', n: '\n', v: '\x0b', f: '\x0c', r: '\r' };
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    if (fmt[i] !== '\\') {
      out += fmt[i++];
      continue;
    }
    const next = fmt[i + 1] ?? '';
    out += map[next] ?? `\\${next}`;
    i += 2;
  }
  return out;
}

const SPEC = /%([-+ #0]*)(\d*)(?:\.(\d+))?(hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])/g;
/** Conversions that take a printf argument: their presence makes parse_printf_format fail. */
const STANDARD = new Set(['d', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A', 'c', 's', 'p', 'n', 'C', 'S']);

/** Null when the format asks for a standard (argument-taking) conversion: the tool rejects it. */
export function checkQueryFormat(fmt: string): boolean {
  for (const m of fmt.matchAll(SPEC)) if (STANDARD.has(m[5]!)) return false;
  return true;
}

function features(vol: Ocfs2Volume, cls: 'compat' | 'incompat' | 'ro_compat'): string {
  const list = vol.features.filter((f) => featureClass(f) === cls);
  if (cls === 'incompat' && vol.resizeInProgress) list.unshift('aborted-resize');
  return list.length ? list.join(' ') : 'None';
}

export function renderQuery(fmt: string, vol: Ocfs2Volume): string {
  const b = queryBlocks(vol);
  const values: Record<string, string> = {
    B: String(vol.blockSize),
    T: String(vol.clusterSize),
    N: String(vol.slots),
    R: String(b.root),
    Y: String(b.sysdir),
    P: String(b.firstGroup),
    V: vol.label,
    U: vol.uuid,
    M: features(vol, 'compat'),
    H: features(vol, 'incompat'),
    O: features(vol, 'ro_compat'),
  };
  return escapes(fmt).replace(SPEC, (whole, flags: string, width: string, _prec, _len, conv: string) => {
    if (conv === '%') return '%';
    const v = values[conv];
    if (v === undefined) return whole;
    const w = Number(width || 0);
    return flags.includes('-') ? v.padEnd(w) : v.padStart(w);
  });
}
