// Pids of a dom0: a stable hash for per-host offsets, the boot pid of each daemon, and the next
// pid the kernel hands out. Below both the process table (processes.ts) and the services.
import type { HostState } from './types';

/** Small stable hash, for per-host and per-name pid offsets. */
export function hash32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Boot order of daemons: the pid each got on this host's last boot (before per-host jitter). */
const BOOT_PID: Record<string, number> = {
  auditd: 1398, rsyslog: 1421, syslog: 1421, irqbalance: 1437, iscsid: 1470, messagebus: 1502,
  multipathd: 1544, acpid: 1563, xencommons: 1620, sshd: 1893, ntpd: 1911, xend: 2043,
  'ovs-agent': 2188, crond: 2417, atd: 2436, restorecond: 1380,
};

/** The pid a running daemon has: from its last (re)start, else from boot. */
export function servicePid(host: HostState, name: string): number {
  const p = host.pids?.[name];
  if (p) return p.pid;
  return (BOOT_PID[name] ?? 1300 + (hash32(name) % 900)) + (hash32(host.name) % 23);
}

/** Hands out the next pid, as the kernel does (monotonic until wrap). */
export function allocPid(host: HostState): number {
  const next = host.nextPid ?? 21000 + (hash32(host.name) % 3000);
  host.nextPid = next + 1 + (next % 3 === 0 ? 1 : 0);
  return next;
}
