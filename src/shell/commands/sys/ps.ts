// Processes of dom0: ps (-ef, aux, -p, -C) and kill, over the process table that sim/processes
// derives from the world. Killing a daemon stops its service (a stale pid file stays behind).
import { STRERROR } from '../../../sim/errno';
import { two } from '../../../lib/calendar';
import { wallTime } from '../../../sim/clock';
import { dom0Memory } from '../../../sim/proc/meminfo';
import { hash32, processTable, shellPid, type Proc } from '../../../sim/processes';
import { serviceKilled } from '../../../sim/services';
import type { HostState, WorldState } from '../../../sim/types';
import { defineCommand, fail, ok, type CommandContext } from '../../types';
import { strftime } from './strftime';

/** CPU seconds a process has used by now: a steady small share since it started. */
function cpuSeconds(world: WorldState, p: Proc): number {
  if (p.cpuS) return p.cpuS;
  const alive = Math.max(0, (world.clockMs - p.startMs) / 1000);
  if (p.tty.startsWith('tty') || p.tty.startsWith('pts')) return 0;
  // Busy daemons of a dom0: the agent and xend poll; qemu-dm emulates devices for its guest.
  const busy: Array<[RegExp, number]> = [[/qemu-dm/, 0.004], [/xend|ovs-agent/, 0.0012], [/multipathd|xenstored/, 0.0003], [/o2hb|kworker|rcu_sched/, 0.0001]];
  const rate = busy.find(([re]) => re.test(p.cmd))?.[1] ?? (hash32(p.cmd) % 6) / 100_000;
  return Math.floor(alive * rate);
}

const hms = (s: number) => {
  const d = Math.floor(s / 86400);
  const t = `${two(Math.floor(s / 3600) % 24)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  return d ? `${d}-${t}` : t;
};

/** STIME/START: the time of day when started today, else month and day. */
function startText(world: WorldState, p: Proc): string {
  const now = wallTime(world);
  const at = wallTime(world, p.startMs);
  if (strftime(now, '%F') === strftime(at, '%F')) return strftime(at, '%H:%M');
  return now.getUTCFullYear() === at.getUTCFullYear() ? strftime(at, '%b%d') : strftime(at, '%Y');
}

/** The `ps` process itself, as the last (newest) entry. */
function selfProc(world: WorldState, host: HostState, cmd: string): Proc {
  const pid = (host.nextPid ?? 0) || 24600 + (hash32(host.name) % 300);
  return { pid, ppid: shellPid(host), user: 'root', cmd, startMs: world.clockMs, tty: 'pts/0', stat: 'R+', vszKiB: 110240, rssKiB: 1156, cpuS: 0 };
}

function formatFull(world: WorldState, procs: Proc[]): string {
  let out = 'UID        PID  PPID  C STIME TTY          TIME CMD\n';
  for (const p of procs) {
    out += `${p.user.padEnd(8)} ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)}  0 ${startText(world, p).padEnd(5)} ${p.tty.padEnd(8)} ${hms(cpuSeconds(world, p)).padStart(8)} ${p.cmd}\n`;
  }
  return out;
}

function formatShort(world: WorldState, procs: Proc[]): string {
  let out = '  PID TTY          TIME CMD\n';
  for (const p of procs) {
    out += `${String(p.pid).padStart(5)} ${p.tty.padEnd(8)} ${hms(cpuSeconds(world, p)).padStart(8)} ${shortName(p)}\n`;
  }
  return out;
}

function formatAux(world: WorldState, host: HostState, procs: Proc[], cols: number, wide: boolean): string {
  const memKiB = dom0Memory(world, host).totalKiB;
  let out = 'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
  for (const p of procs) {
    const cpu = cpuSeconds(world, p);
    const alive = Math.max(1, (world.clockMs - p.startMs) / 1000);
    const pcpu = Math.min(99.9, (cpu * 100) / alive);
    const pmem = (p.rssKiB * 100) / memKiB;
    const time = `${Math.floor(cpu / 60)}:${two(cpu % 60)}`;
    let line = `${p.user.padEnd(8)} ${String(p.pid).padStart(5)} ${pcpu.toFixed(1).padStart(4)} ${pmem.toFixed(1).padStart(4)} ${String(p.vszKiB).padStart(6)} ${String(p.rssKiB).padStart(5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${startText(world, p).padEnd(5)} ${time.padStart(6)} ${p.cmd}`;
    // BSD-style output is cut at the terminal width unless `w` is given.
    if (!wide && line.length > cols) line = line.slice(0, cols);
    out += line + '\n';
  }
  return out;
}

const PS_HELP = '********* simple selection *********  ********* selection by list *********\n-A all processes                      -C by command name\n-N negate selection                   -G by real group ID (supports names)\n-a all w/ tty except session leaders  -U by real user ID (supports names)\n-d all except session leaders         -g by session OR by effective group name\n-e all processes                      -p by process ID\nT  all processes on this terminal     -s processes in the sessions given\na  all w/ tty, including other users  -t by tty\ng  OBSOLETE -- DO NOT USE             -u by effective user ID (supports names)\nr  only running processes             U  processes for specified users\nx  processes w/o controlling ttys     t  by tty\n*********** output format **********  *********** long options ***********\n-o,o user-defined  -f full            --Group --User --pid --cols --ppid\n-j,j job control   s  signal          --group --user --sid --rows --info\n-O,O preloaded -o  v  virtual memory  --cumulative --format --deselect\n-l,l long          u  user-oriented   --sort --tty --forest --version\n-F   extra full    X  registers       --heading --no-heading --context\n                    ********* misc options *********\n-V,V  show version      L  list format codes  f  ASCII art forest\n-m,m,-L,-T,H  threads   S  children in sum    -y change /l format\n-M,Z  security data     c  true command name  -c scheduling class\n-w,w  wide output       n  numeric WCHAN,UID  -H process hierarchy\n';

export const ps = defineCommand({
  name: 'ps',
  dir: '/bin',
  summary: "report dom0's processes (ps -ef, ps aux)",
  man: {
    section: 1,
    name: 'report a snapshot of the current processes.',
    synopsis: ['ps [options]'],
    description: ['ps displays information about a selection of the active processes. To see every process on the system using standard syntax: ps -ef. Using BSD syntax: ps aux.', 'On an Oracle VM Server these are dom0\'s processes: xend, the Oracle VM Agent, multipathd, the o2hb heartbeat threads, and one qemu-dm device model per HVM guest. Guests themselves are domains, not processes: see xm list.'],
  },
  usage: 'ps [-ef] [aux] [-p PID] [-C NAME]',
  run(ctx) {
    const { world, host } = ctx;
    const all = processTable(world, host);
    let every = false;
    let full = false;
    let bsd = false;
    let bsdAll = false;
    let wide = false;
    let pids: number[] | null = null;
    let names: string[] | null = null;
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help') return ok(PS_HELP);
      if (a === '-V' || a === 'V' || a === '--version') return ok('procps version 3.2.8\n');
      if (a.startsWith('--') && a !== '--pid') return fail(`ERROR: Unknown gnu long option.\n${PS_HELP}`, 1);
      const sysv = /^-([efAFlwpC]+)(.*)$/.exec(a === '--pid' ? '-p' : a);
      if (sysv) {
        const flags = sysv[1]!;
        for (let k = 0; k < flags.length; k++) {
          const f = flags[k]!;
          if (f === 'p' || f === 'C') {
            // The list follows in the same word (`-p1`, `-fp1`) or in the next one.
            const v = flags.slice(k + 1) + sysv[2] || args[++i];
            if (!v) return fail(`ERROR: List of process IDs must follow -${f}.\n${PS_HELP}`, 1);
            if (f === 'C') names = [...(names ?? []), ...v.split(',')];
            else {
              const list = v.split(',').map(Number);
              if (list.some((n) => !Number.isInteger(n) || n < 0)) return fail(`ERROR: Process ID list syntax error.\n${PS_HELP}`, 1);
              pids = [...(pids ?? []), ...list];
            }
            break;
          }
          if (f === 'e' || f === 'A') every = true;
          else if (f === 'f' || f === 'F' || f === 'l') full = true;
          else if (f === 'w') wide = true;
        }
        if (sysv[2] && !/[pC]/.test(flags)) return fail(`ERROR: Unsupported SysV option.\n${PS_HELP}`, 1);
        continue;
      }
      if (/^-?[auxwf]+$/.test(a) && !a.startsWith('--')) {
        bsd = true;
        for (const f of a.replace(/^-/, '')) {
          if (f === 'a' || f === 'x') bsdAll = true;
          else if (f === 'w') wide = true;
        }
        continue;
      }
      return fail(a.startsWith('-') ? `ERROR: Unsupported SysV option.\n${PS_HELP}` : `ERROR: Unsupported option (BSD syntax)\n${PS_HELP}`, 1);
    }
    const self = selfProc(world, host, bsd ? `ps ${ctx.args.join(' ')}` : `ps ${ctx.args.join(' ')}`.trimEnd());
    let procs = [...all, self];
    if (pids) procs = procs.filter((p) => pids!.includes(p.pid));
    else if (names) procs = procs.filter((p) => names!.includes(shortName(p)));
    else if (!every && !bsdAll) procs = procs.filter((p) => p.tty === 'pts/0');
    const listed = pids || names;
    if (bsd) return { ...ok(formatAux(world, host, procs, ctx.stdoutTty === false ? 1 << 20 : ctx.cols, wide)), exitCode: listed && !procs.length ? 1 : 0 };
    const text = full ? formatFull(world, procs) : formatShort(world, procs);
    return { ...ok(text), exitCode: listed && !procs.length ? 1 : 0 };
  },
});

/** The command name the kernel keeps (comm): a script's own name, a kernel thread's name. */
const shortName = (p: Proc) => (p.comm ?? (p.cmd.startsWith('[') ? p.cmd.slice(1, -1) : p.cmd.split(' ')[0]!.split('/').pop()!.replace(/^-/, '').replace(/:$/, ''))).slice(0, 15);

const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

function signalList(): string {
  const names: Array<[number, string]> = SIGNALS.map((s, i) => [i + 1, `SIG${s}`]);
  for (let n = 34; n <= 64; n++) names.push([n, n <= 49 ? (n === 34 ? 'SIGRTMIN' : `SIGRTMIN+${n - 34}`) : n === 64 ? 'SIGRTMAX' : `SIGRTMAX-${64 - n}`]);
  let out = '';
  names.forEach(([n, s], i) => {
    out += `${String(n).padStart(2)}) ${s}${(i + 1) % 5 === 0 || i === names.length - 1 ? '\n' : '\t'}`;
  });
  return out;
}

/** Signal number from `9`, `KILL`, `SIGKILL`; null if unknown. */
function parseSignal(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s) <= 64 ? Number(s) : null;
  const name = s.toUpperCase().replace(/^SIG/, '');
  const i = SIGNALS.indexOf(name);
  return i >= 0 ? i + 1 : null;
}

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

export const kill = defineCommand({
  name: 'kill',
  builtin: 'and-file',
  dir: '/bin',
  summary: 'send a signal to a process (kill -9 PID)',
  man: {
    section: 1,
    name: 'terminate a process',
    synopsis: ['kill [ -signal | -s signal ] pid ...', 'kill -l [ signal ]'],
    description: ['The default signal for kill is TERM. Use -l to list available signals. Killing a daemon does not clean up after it: the init script\'s status then reports "dead but pid file exists".'],
  },
  usage: 'kill [-s SIGNAL | -SIGNAL] PID...',
  run(ctx) {
    const args = [...ctx.args];
    if (!args.length) return fail(KILL_USAGE, 2);
    if (args[0] === '-l' || args[0] === '-L') {
      if (args[1] === undefined) return ok(signalList());
      const n = parseSignal(args[1]);
      if (n === null) return fail(`-bash: kill: ${args[1]}: invalid signal specification\n`, 1);
      return ok(/^\d+$/.test(args[1]) ? `${SIGNALS[n - 1] ?? n}\n` : `${n}\n`);
    }
    let sig = 15;
    if (args[0] === '-s' || args[0] === '-n') {
      const spec = args[1];
      if (spec === undefined) return fail(`-bash: kill: ${args[0]}: option requires an argument\n${KILL_USAGE}`, 2);
      const n = parseSignal(spec);
      if (n === null) return fail(`-bash: kill: ${spec}: invalid signal specification\n`, 1);
      sig = n;
      args.splice(0, 2);
    } else if (args[0]!.startsWith('-') && args[0] !== '-') {
      const n = parseSignal(args[0]!.slice(1));
      if (n === null) return fail(`-bash: kill: ${args[0]!.slice(1)}: invalid signal specification\n`, 1);
      sig = n;
      args.shift();
    }
    if (!args.length) return fail(KILL_USAGE, 2);
    let stderr = '';
    for (const a of args) {
      if (!/^-?\d+$/.test(a)) {
        stderr += `-bash: kill: ${a}: arguments must be process or job IDs\n`;
        continue;
      }
      const pid = Number(a);
      const proc = processTable(ctx.world, ctx.host).find((p) => p.pid === pid);
      if (!proc) {
        stderr += `-bash: kill: (${pid}) - ${STRERROR.ESRCH}\n`;
        continue;
      }
      deliver(ctx, proc, sig);
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  },
});

/** What a signal does in the sandbox: fatal signals end a daemon (and its service). */
function deliver(ctx: CommandContext, proc: Proc, sig: number): void {
  const fatal = [1, 2, 3, 6, 9, 15].includes(sig);
  if (!fatal || !proc.service || proc.pid === 1) return;
  // SIGHUP makes daemons reload, not exit.
  if (sig === 1) return;
  serviceKilled({ world: ctx.world, host: ctx.host }, proc.service, proc.pid);
}
