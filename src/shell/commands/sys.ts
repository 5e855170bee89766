// System commands of dom0, one family: identity (hostname, uname, whoami, id), time and load
// (date, uptime, free), processes (ps, kill), the kernel log (dmesg), man, reboot.
// Importing this module also hooks the generated /proc tree into every host's VFS.
import { registerProc } from '../../sim/generated/proc';
import { dmesg } from './sys/dmesg';
import { hostname, id, uname, whoami } from './sys/identity';
import { man } from './sys/man';
import { kill, ps } from './sys/ps';
import { reboot } from './sys/reboot';
import { date, free, uptime } from './sys/time';
import type { CommandSpec } from '../types';

registerProc();

export const sys: readonly CommandSpec[] = [hostname, uname, whoami, id, date, uptime, free, ps, kill, dmesg, man, reboot];
