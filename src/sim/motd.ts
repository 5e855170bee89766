// What a login on a dom0 prints: sshd's "Last login" line, then /etc/motd. OVM 3 servers ship
// the warning seed 002 shows at login; OVM 2.2's motd is empty.
import { readFile } from './vfs';
import { asctime } from '../lib/calendar';
import { wallTime } from './clock';
import type { WorldState } from './types';

/** sshd's banner: `Last login: Tue Mar  3 09:12:44 2026 from 10.10.10.1`. */
export function lastLoginLine(d: Date, from: string): string {
  return `Last login: ${asctime(d)} from ${from}`;
}

/** The administrator's workstation, where every login of the sandbox comes from. */
export const ADMIN_WORKSTATION = '10.10.10.1';

/** How long before a new login the previous one was, unless said otherwise. */
const LAST_LOGIN_AGO_MS = 3 * 3600_000;

/** What a new login on `hostName` prints before its first prompt; the previous one was `agoMs` ago. */
export function loginBanner(world: WorldState, hostName: string, from = ADMIN_WORKSTATION, agoMs = LAST_LOGIN_AGO_MS): string {
  return loginBannerAt(wallTime(world).getTime(), loginMotd(world, hostName), from, agoMs);
}

/** The same banner from its parts: the wall-clock time of the login and the host's motd. */
export function loginBannerAt(wallMs: number, motd: string, from = ADMIN_WORKSTATION, agoMs = LAST_LOGIN_AGO_MS): string {
  return `${lastLoginLine(new Date(wallMs - agoMs), from)}\n${motd}`;
}

export const MOTD = '/etc/motd';

/** The warning of an OVM 3 dom0 (seed 002, as the report prints it, on one line). */
export const OVM3_MOTD = 'Warning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.\n';

/** /etc/motd as a server of `release` ships it. */
export const shippedMotd = (release: string): string => (release === 'ovm22' ? '' : OVM3_MOTD);

/** The motd a new login on `hostName` shows (the file as it is now: an edit to it shows). */
export function loginMotd(world: WorldState, hostName: string): string {
  const host = world.hosts[hostName];
  if (!host) return '';
  const r = readFile(world, host, MOTD);
  return r.ok ? r.value : '';
}
