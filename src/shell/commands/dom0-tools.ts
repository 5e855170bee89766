// Everyday tools and report-specific tools, one family for the registry: pidof, od, tput, stty,
// time (sys/tty-tools.ts), do_rpc.py, naviagent, system-config-securitylevel (ovm-tools.ts) and
// OVM 2.x's virt-install (virt-install/).
import { od, pidof, stty, time, tput } from './sys/tty-tools';
import { ovmTools } from './ovm-tools';
import { virtInstallCommand } from './virt-install/virt-install';
import type { CommandSpec } from '../types';

export const dom0Tools: readonly CommandSpec[] = [pidof, od, tput, stty, time, ...ovmTools, virtInstallCommand];
