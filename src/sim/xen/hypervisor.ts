// What the hypervisor and dom0 kernel of a host report about themselves, per OVM release:
// version strings (xm info, xentop, xm dmesg), compiler facts, the Xen command line.
import type { HostState } from '../types';

export interface XenVersion {
  major: number;
  minor: number;
  /** With its leading dot, as xen_extra prints it (`.4OVM`). */
  extra: string;
}

/** OVM 3.4 runs Xen 4.4.4OVM (seed 002's xentop); OVM 2.2 runs Xen 3.4.0. */
export function xenVersion(host: HostState): XenVersion {
  return host.release === 'ovm22' ? { major: 3, minor: 4, extra: '.0' } : { major: 4, minor: 4, extra: '.4OVM' };
}

export const xenVersionString = (host: HostState): string => {
  const v = xenVersion(host);
  return `${v.major}.${v.minor}${v.extra}`;
};

/** dom0's `uname -r` / `uname -v` (UEK4 on OVM 3.4, the 2.6.18 xen kernel on OVM 2.2). */
export function dom0Kernel(host: HostState): { release: string; version: string; machine: string } {
  return host.release === 'ovm22'
    ? { release: '2.6.18-128.2.1.4.25.el5xen', version: '#1 SMP Tue Mar 23 12:43:27 EDT 2010', machine: 'i686' }
    : { release: '4.1.12-124.48.6.el6uek.x86_64', version: '#2 SMP Tue Mar 31 17:24:30 PDT 2020', machine: 'x86_64' };
}

/** How the hypervisor was built (xm info cc_*; the banner line of xm dmesg). */
export function xenBuild(host: HostState): { compiler: string; by: string; domain: string; date: string } {
  return host.release === 'ovm22'
    ? { compiler: 'gcc version 4.1.2 20080704 (Red Hat 4.1.2-44)', by: 'mockbuild', domain: 'us.oracle.com', date: 'Fri Jul 30 13:12:53 EDT 2010' }
    : { compiler: 'gcc (GCC) 4.4.7 20120313 (Red Hat 4.4.7-23.0.1)', by: 'mockbuild', domain: 'us.oracle.com', date: 'Mon Mar 23 10:52:30 PDT 2020' };
}

/** The `xen.gz` line of grub.conf as Xen echoes it (xm info xen_commandline, xm dmesg). */
export function xenCommandLine(host: HostState): string {
  const mem = host.dom0MaxMemMiB !== undefined ? `max:${host.dom0MaxMemMiB}M` : `${host.dom0MemMiB}M`;
  return host.release === 'ovm22'
    ? `dom0_mem=${mem} console=com1,vga com1=38400,8n1`
    : `dom0_mem=${mem} allowsuperpage dom0_vcpus_pin dom0_max_vcpus=${host.dom0Vcpus}`;
}

/** xen_caps: each capability followed by a space, so the line ends in one. */
export function xenCaps(host: HostState): string {
  const pv = 'xen-3.0-x86_64 xen-3.0-x86_32p ';
  return host.cpu.virtFlag ? `${pv}hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 ` : pv;
}

/** CPUID feature words as xm info hw_caps prints them (Intel or AMD flavour). */
export function hwCaps(host: HostState): string {
  return host.cpu.virtFlag === 'svm'
    ? '178bf3ff:efd3fbff:00000000:00001310:00802001:00000000:000837ff:00000000'
    : 'bfebfbff:2c100800:00000000:00003f40:029ee3ff:00000000:00000001:00000000';
}

export const nrNodes = (host: HostState): number => host.cpu.sockets;
