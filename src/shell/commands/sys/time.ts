// The clock and load of dom0: date, uptime, free. Time is the simulation clock (UTC).
import { STRERROR } from '../../../sim/errno';
import { two } from '../../../lib/calendar';
import { wallTime } from '../../../sim/clock';
import { uptimeS } from '../../../sim/proc/kernel';
import { fmtLoad, loadAverage } from '../../../sim/proc/loadavg';
import { dom0Memory } from '../../../sim/proc/meminfo';
import { defineCommand, fail, ok } from '../../types';
import { strftime } from './strftime';

const DATE_TRY = "Try `date --help' for more information.\n";

export const date = defineCommand({
  name: 'date',
  dir: '/bin',
  summary: 'print the system date and time',
  man: { section: 1, name: 'print or set the system date and time', synopsis: ['date [OPTION]... [+FORMAT]'], description: ['Display the current time in the given FORMAT. FORMAT controls the output: %Y year, %m month, %d day, %H hour, %M minute, %S second, %s seconds since 1970-01-01 UTC, %F is %Y-%m-%d, %T is %H:%M:%S.'] },
  usage: 'date [OPTION]... [+FORMAT]',
  run(ctx) {
    let when = wallTime(ctx.world);
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.startsWith('+')) {
        if (fmt !== '%a %b %e %H:%M:%S %Z %Y') return fail(`date: extra operand \`${a}'\n${DATE_TRY}`, 1);
        fmt = a.slice(1);
      } else if (a === '-u' || a === '--utc' || a === '--universal') continue;
      else if (a === '-R' || a === '--rfc-2822') fmt = '%a, %d %b %Y %H:%M:%S %z';
      else if (a === '-I' || a === '--iso-8601') fmt = '%Y-%m-%d';
      else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
        const v = a === '-d' || a === '--date' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
        if (v === undefined) return fail(`date: option requires an argument -- 'd'\n${DATE_TRY}`, 1);
        const parsed = parseDate(v, when);
        if (parsed === 'range') return fail(`date: time \`${v.trim().slice(1)}' is out of range\n`, 1);
        if (!parsed) return fail(`date: invalid date \`${v}'\n`, 1);
        when = parsed;
      } else if (a === '-s' || a === '--set' || a.startsWith('--set=')) {
        return fail(`date: cannot set date: ${STRERROR.EPERM}\n`, 1);
      } else if (a.startsWith('--')) return fail(`date: unrecognized option '${a}'\n${DATE_TRY}`, 1);
      else if (a.startsWith('-')) return fail(`date: invalid option -- '${a.slice(1, 2)}'\n${DATE_TRY}`, 1);
      else return fail(`date: invalid date \`${a}'\n`, 1);
    }
    return ok(strftime(when, fmt) + '\n');
  },
});

/** `@SECONDS`, `now`, `yesterday`, `N days ago`, ISO `YYYY-MM-DD[ HH:MM[:SS]]`. */
function parseDate(v: string, now: Date): Date | null | 'range' {
  const s = v.trim().toLowerCase();
  if (/^@-?\d+$/.test(s)) {
    // Seconds past a 64-bit time_t do not parse (invalid date); those past what the calendar here
    // can show (year 275760, as far as a JS Date goes) are out of range.
    const secs = BigInt(s.slice(1));
    if (secs > 2n ** 63n - 1n || secs < -(2n ** 63n)) return null;
    if (secs > 8_640_000_000_000n || secs < -8_640_000_000_000n) return 'range';
    return new Date(Number(secs) * 1000);
  }
  if (s === 'now' || s === 'today') return now;
  if (s === 'yesterday') return new Date(now.getTime() - 86_400_000);
  if (s === 'tomorrow') return new Date(now.getTime() + 86_400_000);
  const ago = /^(\d+) (second|minute|hour|day|week)s? ago$/.exec(s);
  if (ago) return new Date(now.getTime() - Number(ago[1]) * { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800 }[ago[2] as 'day'] * 1000);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = iso;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

/** procps' sprint_uptime: ` 09:14:03 up 12 days,  3:17,  1 user,  load average: 0.08, 0.12, 0.10`. */
export function uptimeLine(now: Date, upS: number, users: number, load: readonly number[]): string {
  const days = Math.floor(upS / 86400);
  const mins = Math.floor(upS / 60) % 60;
  const hours = Math.floor(upS / 3600) % 24;
  let s = ` ${strftime(now, '%H:%M:%S')} up `;
  if (days) s += `${days} day${days !== 1 ? 's' : ''}, `;
  s += hours ? `${String(hours).padStart(2)}:${two(mins)}, ` : `${mins} min, `;
  s += `${String(users).padStart(2)} user${users === 1 ? '' : 's'}, `;
  return `${s} load average: ${fmtLoad(load)}\n`;
}

export const uptime = defineCommand({
  name: 'uptime',
  summary: 'tell how long the system has been running',
  man: { section: 1, name: 'Tell how long the system has been running.', synopsis: ['uptime', 'uptime [-V]'], description: ['uptime gives a one line display of the following information. The current time, how long the system has been running, how many users are currently logged on, and the system load averages for the past 1, 5, and 15 minutes.'] },
  usage: 'uptime [-V]',
  run(ctx) {
    if (ctx.args[0] === '-V') return ok('procps version 3.2.8\n');
    if (ctx.args.length) return fail('usage: uptime [-V]\n    -V    display version\n', 1);
    return ok(uptimeLine(wallTime(ctx.world), uptimeS(ctx.world.clockMs, ctx.host), 1, loadAverage(ctx.world, ctx.host)));
  },
});

const FREE_USAGE = 'usage: free [-b|-k|-m|-g] [-l] [-o] [-t] [-s delay] [-c count] [-V]\n  -b,-k,-m,-g show output in bytes, KB, MB, or GB\n  -l show detailed low and high memory statistics\n  -o use old format (no -/+buffers/cache line)\n  -t display total for RAM + swap\n  -s update every [delay] seconds\n  -c update [count] times\n  -V display version information and exit\n';

export const free = defineCommand({
  name: 'free',
  summary: "display dom0's free and used memory (dom0_mem, not the host's)",
  man: {
    section: 1,
    name: 'Display amount of free and used memory in the system',
    synopsis: ['free [-b | -k | -m | -g] [-l] [-o] [-t] [-s delay ] [-c count ] [-V]'],
    description: ['free displays the total amount of free and used physical and swap memory in the system, as well as the buffers used by the kernel.', 'In dom0 this is dom0\'s own memory (dom0_mem), not the server\'s: memory given to guests belongs to the hypervisor. Use xm info (total_memory, free_memory) for the whole machine.'],
  },
  usage: 'free [-b|-k|-m|-g] [-l] [-o] [-t]',
  run(ctx) {
    let shift = 0;
    let bytes = false;
    let total = false;
    let old = false;
    let low = false;
    for (const a of ctx.args) {
      if (!/^-[bkmgtolV]+$/.test(a)) {
        const bad = a.startsWith('-') ? a.slice(1).replace(/[bkmgtolV]/g, '').charAt(0) || a.charAt(1) : '';
        return fail(`free: invalid option -- '${bad || a}'\n${FREE_USAGE}`, 1);
      }
      for (const f of a.slice(1)) {
        if (f === 'b') bytes = true;
        else if (f === 'k') shift = 0;
        else if (f === 'm') shift = 10;
        else if (f === 'g') shift = 20;
        else if (f === 't') total = true;
        else if (f === 'o') old = true;
        else if (f === 'l') low = true;
        else return ok('procps version 3.2.8\n');
      }
    }
    const m = dom0Memory(ctx.world, ctx.host);
    const conv = (kib: number) => String(bytes ? kib * 1024 : Math.floor(kib / 2 ** shift)).padStart(10);
    const used = m.totalKiB - m.freeKiB;
    const row = (label: string, ...v: number[]) => `${label.padEnd(7)} ${v.map(conv).join(' ')}\n`;
    let out = '             total       used       free     shared    buffers     cached\n';
    out += row('Mem:', m.totalKiB, used, m.freeKiB, 0, m.buffersKiB, m.cachedKiB);
    if (low) out += row('Low:', m.totalKiB, used, m.freeKiB) + row('High:', 0, 0, 0);
    if (!old) {
      const appUsed = used - m.buffersKiB - m.cachedKiB;
      out += `-/+ buffers/cache: ${conv(appUsed)} ${conv(m.totalKiB - appUsed)}\n`;
    }
    out += row('Swap:', m.swapTotalKiB, m.swapTotalKiB - m.swapFreeKiB, m.swapFreeKiB);
    if (total) out += row('Total:', m.totalKiB + m.swapTotalKiB, used + m.swapTotalKiB - m.swapFreeKiB, m.freeKiB + m.swapFreeKiB);
    return ok(out);
  },
});
