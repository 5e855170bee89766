// awk's printf/sprintf formatting of a format string and its arguments.
import { STRERROR } from '../../../sim/errno';
import { MAX_STRING } from '../../limits';
import { formatNumber } from './echo-printf';
import { Fatal } from './awk-signals';
import { toNum, toStr, type Val } from './awk-values';

/** awk's printf: C conversions, %c of a number is that character, no reuse of the format. */
export function awkFormat(fmt: string, args: Val[]): string {
  let i = 0;
  let out = '';
  let argi = 0;
  const next = () => args[argi++];
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const m = /^%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcs%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    i += m[0].length;
    const [, flags = '', w, pr, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = w === '*' ? toNum(next()) : w ? Number(w) : 0;
    const prec = pr === '*' ? toNum(next()) : pr !== undefined ? Number(pr || 0) : undefined;
    // gawk grows its output buffer by doubling; past the machine's memory the reallocation fails.
    const need = Math.max(Math.abs(width), prec ?? 0, out.length);
    if (need >= MAX_STRING || !Number.isFinite(need)) throw new Fatal(`format_tree: obuf: cannot reallocate ${2 ** Math.ceil(Math.log2(Math.min(need, 2 ** 52) + 1))} bytes of memory: ${STRERROR.ENOMEM}`);
    const v = next();
    let body: string;
    if (conv === 's') body = prec !== undefined ? toStr(v).slice(0, prec) : toStr(v);
    else if (conv === 'c') body = typeof v === 'number' ? String.fromCharCode(v) : toStr(v).charAt(0);
    else body = formatNumber(toNum(v), conv, flags, prec);
    if (body.length < width) {
      if (flags.includes('-')) body = body.padEnd(width);
      else if (flags.includes('0') && conv !== 's' && conv !== 'c') {
        const sign = /^[-+ ]/.test(body) ? body[0]! : '';
        body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
      } else body = body.padStart(width);
    }
    out += body;
  }
  return out;
}
