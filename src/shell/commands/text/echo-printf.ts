// bash's builtin `echo` (-n -e -E) and `printf` (%s %b %q %d %i %u %o %x %X %c %f %e %g with
// flags, width and precision; the format is reused until the arguments run out; -v VAR).
import { MAX_STRING, xrealloc } from '../../limits';
import { setVar } from '../../expand';
import { defineCommand, ok, type CommandOutcome } from '../../types';

/** Backslash escapes of `echo -e` and printf's %b; `\c` stops all further output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (simple[d] !== undefined) out += simple[d];
    else if (d === 'c') return { text: out, stop: true };
    else if (d === '0' || /[1-7]/.test(d)) {
      // \0nnn (echo) and \nnn (printf) octal.
      const m = /^[0-7]{0,3}/.exec(s.slice(d === '0' ? i + 1 : i))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 255);
      i += d === '0' ? m.length : m.length - 1;
    } else if (d === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else out += '\\' + d;
  }
  return { text: out, stop: false };
}

export const echo = defineCommand({
  name: 'echo',
  builtin: 'and-file',
  dir: '/bin',
  summary: 'display a line of text',
  usage: 'echo [-neE] [arg ...]',
  run(ctx) {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (!/^-[neE]+$/.test(a)) break;
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
    }
    let text = ctx.args.slice(i).join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      if (r.stop) return ok(r.text);
      text = r.text;
    }
    return ok(text + (newline ? '\n' : ''));
  },
});

export const printf = defineCommand({
  name: 'printf',
  builtin: 'and-file',
  summary: 'format and print data',
  usage: 'printf [-v var] format [arguments]',
  run(ctx) {
    let args = [...ctx.args];
    let variable: string | undefined;
    if (args[0] === '-v') {
      variable = args[1];
      if (variable === undefined) return { stdout: '', stderr: '-bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n', exitCode: 2 };
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return { stdout: '', stderr: `-bash: printf: \`${variable}': not a valid identifier\n`, exitCode: 2 };
      args = args.slice(2);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args[0]?.startsWith('-') && args[0].length > 1) return { stdout: '', stderr: `-bash: printf: ${args[0].slice(0, 2)}: invalid option\nprintf: usage: printf [-v var] format [arguments]\n`, exitCode: 2 };
    const format = args.shift();
    if (format === undefined) return { stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', exitCode: 2 };
    const r = formatPrintf(format, args);
    if (variable !== undefined) {
      setVar(ctx.frame, variable, r.text);
      return { stdout: '', stderr: r.errors, exitCode: r.errors ? 1 : 0 };
    }
    // bash reports a bad number at once (stderr) while the formatted text is still buffered.
    const outcome: CommandOutcome = { stdout: r.text, stderr: r.errors, exitCode: r.errors ? 1 : 0, ...(r.errors && { stderrFirst: true }) };
    return outcome;
  },
});

/** Applies a printf format to arguments, as bash's builtin does. */
export function formatPrintf(format: string, args: string[]): { text: string; errors: string } {
  let text = '';
  let errors = '';
  let argi = 0;
  const next = () => (argi < args.length ? args[argi++]! : undefined);
  // The format is reused while arguments remain (at least once; bounded).
  for (let round = 0; round < 10_000; round++) {
    const before = argi;
    let i = 0;
    while (i < format.length) {
      const c = format[i]!;
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(format.slice(i))![0];
        const r = echoEscapes(m.startsWith('\\0') || !/^\\[0-7]/.test(m) ? m : '\\0' + m.slice(1));
        text += r.text;
        if (r.stop) return { text, errors };
        i += m.length;
        continue;
      }
      if (c !== '%') {
        text += c;
        i++;
        continue;
      }
      const m = /^%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsbq%])/.exec(format.slice(i));
      if (!m) {
        errors += `-bash: printf: \`${format.slice(i + 1, i + 2) || '%'}': invalid format character\n`;
        return { text, errors };
      }
      i += m[0].length;
      const [, flags = '', widthSpec, precSpec, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
      if (conv === '%') {
        text += '%';
        continue;
      }
      const width = widthSpec === '*' ? Number(next() ?? 0) : widthSpec ? Number(widthSpec) : 0;
      const prec = precSpec === '*' ? Number(next() ?? 0) : precSpec !== undefined ? Number(precSpec || 0) : undefined;
      // A field wider than the machine's memory: bash's allocation fails (width + the NUL).
      const need = Math.max(Math.abs(width), prec ?? 0, text.length);
      if (need >= MAX_STRING || !Number.isFinite(need)) {
        errors += `-bash: ${xrealloc(need)}\n`;
        return { text: '', errors };
      }
      const arg = next();
      let body: string;
      if (conv === 's') body = prec !== undefined ? (arg ?? '').slice(0, prec) : (arg ?? '');
      else if (conv === 'b') {
        const r = echoEscapes(arg ?? '');
        body = r.text;
      } else if (conv === 'q') body = shellQuote(arg ?? '');
      else if (conv === 'c') body = (arg ?? '').charAt(0);
      else {
        const n = parseNumber(arg ?? '0', conv);
        if (!n.ok) errors += `-bash: printf: ${arg}: invalid number\n`;
        body = formatNumber(n.value, conv, flags, prec);
      }
      const left = flags.includes('-');
      const zero = flags.includes('0') && !left && !'sbqc'.includes(conv) && prec === undefined;
      if (body.length < width) {
        if (left) body = body.padEnd(width);
        else if (zero) {
          const sign = /^[-+ ]/.test(body) ? body[0]! : '';
          body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
        } else body = body.padStart(width);
      }
      text += body;
    }
    if (argi >= args.length || argi === before) break;
  }
  return { text, errors };
}

function parseNumber(s: string, conv: string): { ok: boolean; value: number } {
  const t = s.trim();
  if (/^['"]/.test(t)) return { ok: true, value: t.length > 1 ? t.charCodeAt(1) : 0 };
  if ('fFeEgG'.includes(conv)) {
    const v = Number(t);
    if (t !== '' && Number.isFinite(v)) return { ok: true, value: v };
    const lead = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(t);
    return { ok: false, value: lead ? Number(lead[0]) : 0 };
  }
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return { ok: true, value: parseInt(t, 16) };
  if (/^[-+]?0[0-7]+$/.test(t)) return { ok: true, value: parseInt(t, 8) };
  if (/^[-+]?\d+$/.test(t)) return { ok: true, value: Number(t) };
  const lead = /^[-+]?\d+/.exec(t);
  return { ok: false, value: lead ? Number(lead[0]) : 0 };
}

export function formatNumber(v: number, conv: string, flags: string, prec: number | undefined): string {
  const sign = (s: string, neg: boolean) => (neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
  switch (conv) {
    case 'd':
    case 'i': {
      const n = Math.trunc(v);
      let s = String(Math.abs(n));
      if (prec !== undefined) s = s.padStart(prec, '0');
      return sign(s, n < 0);
    }
    case 'u':
      return String(Math.trunc(v) >= 0 ? Math.trunc(v) : 2 ** 64 + Math.trunc(v));
    case 'o':
      return (flags.includes('#') ? '0' : '') + Math.trunc(v).toString(8);
    case 'x':
    case 'X': {
      const s = (Math.trunc(v) >>> 0 === Math.trunc(v) ? Math.trunc(v) : Math.trunc(v) >>> 0).toString(16);
      const h = (flags.includes('#') && v ? '0x' : '') + s;
      return conv === 'X' ? h.toUpperCase() : h;
    }
    case 'f':
    case 'F':
      return sign(fixed(Math.abs(v), prec ?? 6), v < 0);
    case 'e':
    case 'E': {
      // toExponential stops at 100 digits; C goes on with the double's exact binary expansion (see fixed()).
      const p = prec ?? 6;
      const s = (Math.abs(v).toExponential(Math.min(p, 100)) + '').replace(/(\.\d*)?e/, (m, d: string | undefined) => (p > 100 ? (d ?? '.') + '0'.repeat(p - 100) : (d ?? '')) + 'e').replace(/e([+-])(\d)$/, 'e$10$2');
      return sign(conv === 'E' ? s.toUpperCase() : s, v < 0);
    }
    default: {
      const p = prec === undefined ? 6 : prec || 1;
      const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
      let s = exp < -4 || exp >= p ? Math.abs(v).toExponential(Math.min(p - 1, 100)).replace(/e([+-])(\d)$/, 'e$10$2') : fixed(Math.abs(v), Math.max(0, p - 1 - exp));
      if (!flags.includes('#')) s = s.replace(/\.?0+(e|$)/, '$1');
      return sign(conv === 'G' ? s.toUpperCase() : s, v < 0);
    }
  }
}

/**
 * `%.Nf` of a non-negative double for any N, as C prints it: the double's exact decimal value
 * (it is a dyadic fraction, so its expansion ends) rounded half to even at N digits.
 */
export function fixed(v: number, prec: number): string {
  if (prec <= 100 || !Number.isFinite(v)) return v.toFixed(Math.min(prec, 100));
  let scaled: bigint;
  if (v >= 2 ** 53 || Number.isInteger(v)) scaled = BigInt(Math.trunc(v)) * 10n ** BigInt(prec);
  else {
    // v = m / 2^k exactly, with m an integer.
    let m = v;
    let k = 0n;
    while (!Number.isInteger(m)) {
      m *= 2;
      k++;
    }
    const num = BigInt(m) * 10n ** BigInt(prec);
    const q = num >> k;
    const r = num - (q << k);
    const half = 1n << (k - 1n);
    scaled = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  const digits = scaled.toString().padStart(prec + 1, '0');
  return `${digits.slice(0, digits.length - prec)}.${digits.slice(digits.length - prec)}`;
}

/** %q: bash's quoting of a word so that it can be reused as input. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (/[\n\t\x00-\x1f]/.test(s)) return "$'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t') + "'";
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}
