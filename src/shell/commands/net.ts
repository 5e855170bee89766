// The network family: ssh (a command or a nested login shell on another dom0), scp, ip, ifconfig, brctl, ping.
import type { CommandSpec } from '../types';
import { brctl } from './net/bridge';
import { ifconfig, ip } from './net/iface';
import { ping } from './net/ping';
import { scp } from './net/scp';
import { ssh } from './net/ssh';

export const net: readonly CommandSpec[] = [ssh, scp, ip, ifconfig, brctl, ping];
