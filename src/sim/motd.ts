// What a login on a dom0 prints after "Last login": /etc/motd. OVM 3 servers ship the warning
// seed 002 shows at login; OVM 2.2's motd is empty.
import { readFile } from './vfs';
import type { WorldState } from './types';

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
