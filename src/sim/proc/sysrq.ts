// /proc/sysrq-trigger: what writing a letter to it does to the host — `c` crashes it (the usual
// way to test HA: a kernel panic, back after the watchdog reboot), `b` reboots it at once.
import { syslog } from '../logs';
import { crashHost } from '../power';
import type { FsResult } from '../vfs';
import type { HostState, WorldState } from '../types';

/** From the panic to a login prompt again: kernel.panic's timeout, then a boot. */
export const SYSRQ_CRASH_BACK_MS = 180_000;
/** `b`: an immediate reboot without sync, back after the boot time. */
export const SYSRQ_REBOOT_BACK_MS = 120_000;

const HELP = 'SysRq : HELP : loglevel(0-9) reBoot Crash terminate-all-tasks(e) memory-full-oom-kill(f) kill-all-tasks(i) thaw-filesystems(j) sak(k) show-backtrace-all-active-cpus(l) show-memory-usage(m) nice-all-RT-tasks(n) poweroff(o) show-registers(p) show-all-timers(q) unraw(r) sync(s) show-task-states(t) unmount(u) show-blocked-tasks(w)';

/** A write to /proc/sysrq-trigger: only its first character counts, as in the kernel. */
export function writeSysrq(world: WorldState, host: HostState, content: string): FsResult<null> {
  // The shell opens (truncates) the file before it writes: opening does nothing.
  const key = content.trimStart()[0];
  if (key === undefined) return { ok: true, value: null };
  if (key === 'c') {
    syslog(world, host, 'kernel', 'SysRq : Trigger a crash');
    crashHost(world, host, SYSRQ_CRASH_BACK_MS);
  } else if (key === 'b') {
    syslog(world, host, 'kernel', 'SysRq : Resetting');
    crashHost(world, host, SYSRQ_REBOOT_BACK_MS);
  } else if (key === 's') syslog(world, host, 'kernel', 'SysRq : Emergency Sync');
  else syslog(world, host, 'kernel', HELP);
  return { ok: true, value: null };
}
