// System commands of dom0, one family: identity (hostname, uname, whoami, id), time and load
// (date, uptime, free), processes (ps, kill), the kernel log (dmesg), man, reboot.
// (The generated /proc tree is wired in by sim/wiring.ts.)
import { dmesg } from './sys/dmesg';
import { hostname, id, uname, whoami } from './sys/identity';
import { man } from './sys/man';
import { kill, ps } from './sys/ps';
import { reboot } from './sys/reboot';
import { date, free, uptime } from './sys/time';
import type { CommandSpec } from '../types';

export const sys: readonly CommandSpec[] = [hostname, uname, whoami, id, date, uptime, free, ps, kill, dmesg, man, reboot];
