// The dom0 kernel and OS of each release: what uname, /proc/version and rpm report.
import { dom0Kernel } from '../xen/hypervisor';
import type { HostState, Release } from '../types';

export interface KernelInfo {
  release: string;
  /** `#2 SMP Wed Nov 14 12:14:33 PST 2018` */
  version: string;
  machine: string;
  processor: string;
  platform: string;
  builder: string;
  gcc: string;
}

const KERNELS: Record<Release, KernelInfo> = {
  // OVM 3.4.6: UEK4 built for OL6, x86_64 dom0.
  ovm34: {
    release: '4.1.12-124.48.6.el6uek.x86_64',
    version: '#2 SMP Tue Mar 31 17:24:30 PDT 2020',
    machine: 'x86_64',
    processor: 'x86_64',
    platform: 'x86_64',
    builder: 'mockbuild@x86-ol6-builder-02.us.oracle.com',
    gcc: 'gcc version 4.9.2 20150212 (Red Hat 4.9.2-6.2.0.3) (GCC) ',
  },
  // OVM 2.2: the 32-bit Xen kernel of OEL 5.
  ovm22: {
    release: '2.6.18-128.2.1.4.25.el5xen',
    version: '#1 SMP Tue Mar 23 12:43:27 EDT 2010',
    machine: 'i686',
    processor: 'i686',
    platform: 'i386',
    builder: 'mockbuild@ca-build10.us.oracle.com',
    gcc: 'gcc version 4.1.2 20080704 (Red Hat 4.1.2-44)',
  },
};

/** Release and version come from sim/xen (what `xm info` prints), so uname and xm always agree. */
export const kernelOf = (host: HostState): KernelInfo => ({ ...KERNELS[host.release], ...dom0Kernel(host) });

/** /proc/version */
export function procVersion(host: HostState): string {
  const k = kernelOf(host);
  return `Linux version ${k.release} (${k.builder}) (${k.gcc}) ${k.version}\n`;
}

/** Seconds since the host booted. */
export const uptimeS = (clockMs: number, host: HostState): number => Math.max(0, (clockMs - host.bootMs) / 1000);
