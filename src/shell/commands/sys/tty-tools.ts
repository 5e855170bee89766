// Small everyday tools of dom0: pidof (the process table), od (bytes of a file or stdin), tput
// and stty (the terminal's size and modes), and `time` (the rest of the line, timed on the
// simulation clock, bash's real/user/sys block on stderr).
import { STRERROR } from '../../../sim/errno';
import { processTable } from '../../../sim/processes';
import { readFile } from '../../../sim/vfs';
import { runLineToEnd } from '../../executor';
import { timeReport } from '../../time-keyword';
import { defineCommand, fail, ok } from '../../types';

export const pidof = defineCommand({
  name: 'pidof',
  dir: '/sbin',
  summary: 'find the process ID of a running program',
  usage: 'pidof [-s] [-x] program [program...]',
  run(ctx) {
    const single = ctx.args.includes('-s');
    const names = ctx.args.filter((a) => !a.startsWith('-'));
    if (!names.length) return { stdout: '', stderr: '', exitCode: 1 };
    const procs = processTable(ctx.world, ctx.host).filter((p) => !p.cmd.startsWith('['));
    const base = (p: (typeof procs)[number]) => p.comm ?? p.cmd.split(' ')[0]!.slice(p.cmd.split(' ')[0]!.lastIndexOf('/') + 1);
    const pids: number[] = [];
    for (const n of names) {
      const want = n.slice(n.lastIndexOf('/') + 1);
      // Newest first, as pidof walks /proc from the highest pid down.
      const hits = procs.filter((p) => base(p) === want).map((p) => p.pid).sort((a, b) => b - a);
      pids.push(...(single ? hits.slice(0, 1) : hits));
    }
    return pids.length ? ok(pids.join(' ') + '\n') : { stdout: '', stderr: '', exitCode: 1 };
  },
});

const CHAR_NAMES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** od's output: offsets in octal, 16 bytes a line, a repeated line shown once as `*`. */
function odFormat(bytes: number[], mode: 'c' | 'x' | 'o' | 'b'): string {
  let out = '';
  let prev = '';
  let starred = false;
  for (let off = 0; off < bytes.length; off += 16) {
    const chunk = bytes.slice(off, off + 16);
    let body: string;
    if (mode === 'c') body = chunk.map((b) => (CHAR_NAMES[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))).padStart(4)).join('');
    else if (mode === 'b') body = chunk.map((b) => ' ' + b.toString(8).padStart(3, '0')).join('');
    else {
      const words: number[] = [];
      for (let i = 0; i < chunk.length; i += 2) words.push(chunk[i]! | ((chunk[i + 1] ?? 0) << 8));
      body = words.map((w) => ' ' + (mode === 'x' ? w.toString(16).padStart(4, '0') : w.toString(8).padStart(6, '0'))).join('');
    }
    if (body === prev && chunk.length === 16) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    prev = body;
    out += off.toString(8).padStart(7, '0') + body + '\n';
  }
  return out + bytes.length.toString(8).padStart(7, '0') + '\n';
}

export const od = defineCommand({
  name: 'od',
  summary: 'dump files in octal and other formats',
  usage: 'od [-b|-c|-x|-o] [FILE]...',
  run(ctx) {
    let mode: 'c' | 'x' | 'o' | 'b' = 'o';
    const files: string[] = [];
    for (const a of ctx.args) {
      if (a === '-c' || a === '-x' || a === '-o' || a === '-b') mode = a[1] as typeof mode;
      else if (a.startsWith('-') && a !== '-') return fail(`od: invalid option -- '${a[1]}'\nTry \`od --help' for more information.\n`);
      else files.push(a);
    }
    let text = '';
    for (const f of files.length ? files : ['-']) {
      if (f === '-') {
        text += ctx.stdin;
        continue;
      }
      const r = readFile(ctx.world, ctx.host, f, ctx.frame.cwd);
      if (!r.ok) return fail(`od: ${f}: ${r.error === 'EISDIR' ? `read error: ${STRERROR.EISDIR}` : STRERROR.ENOENT}\n`);
      text += r.value;
    }
    const bytes = [...text].flatMap((ch) => {
      const c = ch.codePointAt(0)!;
      return c < 0x80 ? [c] : c < 0x800 ? [0xc0 | (c >> 6), 0x80 | (c & 63)] : [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    });
    return ok(odFormat(bytes, mode));
  },
});

export const tput = defineCommand({
  name: 'tput',
  summary: 'query the terminal capabilities database (cols, lines, clear, bold, sgr0)',
  usage: 'tput [-Ttype] capname',
  run(ctx) {
    const cap = ctx.args.find((a) => !a.startsWith('-T'));
    if (cap === undefined) return fail('usage: tput [-V] [-S] [-T term] capname\n', 2);
    const caps: Record<string, string> = { cols: `${ctx.cols}\n`, lines: `${ctx.rows}\n`, colors: '8\n', clear: '\x1b[H\x1b[2J', bold: '\x1b[1m', sgr0: '\x1b(B\x1b[m', smso: '\x1b[7m', rmso: '\x1b[27m', el: '\x1b[K' };
    const v = caps[cap];
    return v === undefined ? fail(`tput: unknown terminfo capability '${cap}'\n`, 4) : ok(v);
  },
});

export const stty = defineCommand({
  name: 'stty',
  dir: '/bin',
  summary: 'print or change terminal line settings',
  usage: 'stty [-a] [size] [SETTING]...',
  run(ctx) {
    if (!ctx.stdoutTty && ctx.stdin) return fail(`stty: standard input: ${STRERROR.EINVAL}\n`);
    const [a] = ctx.args;
    if (a === undefined) return ok('speed 38400 baud; line = 0;\n-brkint -imaxbel\n');
    if (a === 'size') return ok(`${ctx.rows} ${ctx.cols}\n`);
    if (a === '-a')
      return ok(
        `speed 38400 baud; rows ${ctx.rows}; columns ${ctx.cols}; line = 0;\nintr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>; eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S;\nsusp = ^Z; rprnt = ^R; werase = ^W; lnext = ^V; flush = ^O; min = 1; time = 0;\n-parenb -parodd cs8 -hupcl -cstopb cread -clocal -crtscts\n-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff -iuclc -ixany -imaxbel -iutf8\nopost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0\nisig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt echoctl echoke\n`,
      );
    const known = /^-?(echo|icanon|isig|ixon|onlcr|icrnl|raw|sane|cooked|opost|echoe|echok)$/;
    const bad = ctx.args.find((x) => !known.test(x));
    // The modes are accepted and take no effect: the line editor keeps the terminal as it is.
    return bad ? fail(`stty: invalid argument \`${bad}'\nTry \`stty --help' for more information.\n`) : ok();
  },
});

export const time = defineCommand({
  name: 'time',
  summary: 'run a command line and report the time it took (real, user, sys)',
  usage: 'time [command [arguments...]]',
  run(ctx) {
    const t0 = ctx.world.clockMs;
    const line = ctx.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
    const r = line ? runLineToEnd({ sim: ctx.sim, registry: ctx.registry, frame: ctx.frame, cols: ctx.cols, rows: ctx.rows, history: ctx.history }, line) : { output: '', exitCode: 0 };
    const real = ctx.world.clockMs - t0;
    return { stdout: r.output, stderr: timeReport(real, false), exitCode: r.exitCode };
  },
});
