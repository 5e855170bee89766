// Appending to a host's log files in the real formats, on the simulation clock. Every subsystem
// that leaves a trace (kernel, multipathd, xend, ovs-agent) writes through here.
import { hms, monthDay, ymdHms } from '../lib/calendar';
import { wallTime } from './clock';
import { lookup, writeFile } from './vfs';
import type { HostState, WorldState } from './types';

/** Logs grow without bound on a real host; here each keeps its last lines so snapshots stay small. */
const MAX_LOG_CHARS = 512 * 1024;

/** syslog's timestamp: `Mar  2 08:01:02` (day padded with a space). */
export function syslogStamp(world: WorldState): string {
  const d = wallTime(world);
  return `${monthDay(d)} ${hms(d)}`;
}

/** xend.log's timestamp: `[2026-03-02 08:01:02 4242]` without the pid (callers add it). */
export function isoStamp(world: WorldState): string {
  return ymdHms(wallTime(world));
}

/** Appends lines (each gets a newline) to a log file, creating it if needed. */
export function appendLog(world: WorldState, host: HostState, path: string, ...lines: string[]): void {
  const existing = lookup(world, host, path);
  let content = existing.ok && existing.value.type === 'file' ? existing.value.content : '';
  content += lines.map((l) => l + '\n').join('');
  if (content.length > MAX_LOG_CHARS) content = content.slice(content.indexOf('\n', content.length - MAX_LOG_CHARS) + 1);
  writeFile(world, host, path, content);
}

/** `/var/log/messages`: `Mar  2 08:01:02 ovs01 kernel: text`. `tag` like `kernel` or `multipathd`. */
export function syslog(world: WorldState, host: HostState, tag: string, ...messages: string[]): void {
  const stamp = syslogStamp(world);
  appendLog(world, host, '/var/log/messages', ...messages.map((m) => `${stamp} ${host.name} ${tag}: ${m}`));
}
