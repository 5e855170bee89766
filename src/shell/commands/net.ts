// The network family: ssh (a command or a nested login shell on another dom0), ip, ifconfig, brctl, ping.
import type { CommandSpec } from '../types';
import { brctl } from './net/bridge';
import { ifconfig, ip } from './net/iface';
import { ping } from './net/ping';
import { ssh } from './net/ssh';

export const net: readonly CommandSpec[] = [ssh, ip, ifconfig, brctl, ping];
