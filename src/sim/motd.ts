// What a login on a dom0 prints: sshd's "Last login" line, then /etc/motd. OVM 3 servers ship
// the warning seed 002 shows at login; OVM 2.2's motd is empty.
import { readFile } from './vfs';
import { wallTime } from './clock';
import type { WorldState } from './types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** sshd's banner: `Last login: Tue Mar  3 09:12:44 2026 from 10.10.10.1`. */
export function lastLoginLine(d: Date, from: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `Last login: ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} from ${from}`;
}

/** The administrator's workstation, where every login of the sandbox comes from. */
export const ADMIN_WORKSTATION = '10.10.10.1';

/** What a new login on `hostName` prints before its first prompt; the previous one was `agoMs` ago. */
export function loginBanner(world: WorldState, hostName: string, from = ADMIN_WORKSTATION, agoMs = 3 * 3600_000): string {
  return `${lastLoginLine(new Date(wallTime(world).getTime() - agoMs), from)}\n${loginMotd(world, hostName)}`;
}

export const MOTD = '/etc/motd';

/** The warning of an OVM 3 dom0 (seed 002, as the report prints it, on one line). */
export const OVM3_MOTD = 'Warning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.\n';

/** The motd a new login on `hostName` shows (the file as it is now: an edit to it shows). */
export function loginMotd(world: WorldState, hostName: string): string {
  const host = world.hosts[hostName];
  if (!host) return '';
  const r = readFile(world, host, MOTD);
  return r.ok ? r.value : '';
}
