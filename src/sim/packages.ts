// The installed RPM packages of a dom0 per release (what `rpm -q` reads): the Oracle VM pieces
// (ovs-agent, xen, xen-tools, ocfs2-tools, device-mapper-multipath, kernel-uek …) and the OL base.
import type { Release } from './types';

export interface Pkg {
  name: string;
  version: string;
  release: string;
  arch: string;
  summary: string;
  group: string;
  license: string;
  /** Some files it owns (rpm -qf, rpm -ql). */
  files?: string[];
}

const P = (name: string, evr: string, arch: string, summary: string, group = 'System Environment/Base', license = 'GPLv2+', files?: string[]): Pkg => {
  const i = evr.lastIndexOf('-');
  return { name, version: evr.slice(0, i), release: evr.slice(i + 1), arch, summary, group, license, ...(files && { files }) };
};

const OVM34: Pkg[] = [
  P('filesystem', '2.4.30-3.el6', 'x86_64', 'The basic directory layout for a Linux system', 'System Environment/Base', 'Public Domain'),
  P('glibc', '2.12-1.212.0.1.el6', 'x86_64', 'The GNU libc libraries', 'System Environment/Libraries', 'LGPLv2+ and LGPLv2+ with exceptions and GPLv2+'),
  P('bash', '4.1.2-48.el6', 'x86_64', 'The GNU Bourne Again shell', 'System Environment/Shells', 'GPLv3+', ['/bin/bash']),
  P('coreutils', '8.4-47.0.1.el6', 'x86_64', 'A set of basic GNU tools commonly used in shell scripts', 'System Environment/Base', 'GPLv3+', ['/bin/cat', '/bin/ls', '/bin/cp', '/bin/date', '/bin/uname', '/usr/bin/tail', '/usr/bin/head']),
  P('util-linux-ng', '2.17.2-12.28.0.1.el6_9.2', 'x86_64', 'A collection of basic system utilities', 'System Environment/Base', 'GPLv1+ and GPLv2 and GPLv2+ and LGPLv2+ and MIT and BSD with advertising and Public Domain', ['/sbin/fdisk', '/sbin/blockdev', '/bin/more', '/bin/dmesg']),
  P('procps', '3.2.8-45.0.1.el6_9.3', 'x86_64', 'System and process monitoring utilities', 'Applications/System', 'GPLv2+ and LGPLv2+', ['/bin/ps', '/usr/bin/free', '/usr/bin/uptime', '/usr/bin/top']),
  P('grep', '2.20-6.el6', 'x86_64', 'Pattern matching utilities', 'Applications/Text', 'GPLv3+', ['/bin/grep']),
  P('sed', '4.2.1-10.el6', 'x86_64', 'A GNU stream text editor', 'Applications/Text', 'GPLv2+', ['/bin/sed']),
  P('gawk', '3.1.7-10.el6_7.3', 'x86_64', 'The GNU version of the awk text processing utility', 'Applications/Text', 'GPLv3+', ['/bin/gawk']),
  P('findutils', '4.4.2-9.el6', 'x86_64', 'The GNU versions of find utilities (find and xargs)', 'Applications/File', 'GPLv3+', ['/bin/find']),
  P('less', '436-13.el6', 'x86_64', 'A text file browser similar to more, but better', 'Applications/Text', 'GPLv3+', ['/usr/bin/less']),
  P('vim-minimal', '7.4.629-5.el6_8.1', 'x86_64', 'A minimal version of the VIM editor', 'Applications/Editors', 'Vim', ['/bin/vi']),
  P('nano', '2.0.9-7.el6', 'x86_64', 'A small text editor', 'Applications/Editors', 'GPLv3+', ['/bin/nano']),
  P('chkconfig', '1.3.49.5-1.el6', 'x86_64', 'A system tool for maintaining the /etc/rc*.d hierarchy', 'System Environment/Base', 'GPLv2', ['/sbin/chkconfig']),
  P('initscripts', '9.03.61-1.0.1.el6', 'x86_64', 'The inittab file and the /etc/init.d scripts', 'System Environment/Base', 'GPLv2 and GPLv2+', ['/sbin/service', '/etc/rc.d/init.d/network', '/etc/rc.d/init.d/functions']),
  P('rpm', '4.8.0-59.0.1.el6', 'x86_64', 'The RPM package management system', 'System Environment/Base', 'GPLv2+', ['/bin/rpm']),
  P('yum', '3.2.29-81.0.1.el6', 'noarch', 'RPM package installer/updater/manager', 'System Environment/Base', 'GPLv2+', ['/usr/bin/yum']),
  P('python', '2.6.6-66.0.1.el6_8', 'x86_64', 'An interpreted, interactive, object-oriented programming language', 'Development/Languages', 'Python', ['/usr/bin/python']),
  P('openssl', '1.0.1e-57.0.1.el6', 'x86_64', 'A general purpose cryptography library with TLS implementation', 'System Environment/Libraries', 'OpenSSL'),
  P('openssh', '5.3p1-124.el6_10', 'x86_64', 'An open source implementation of SSH protocol versions 1 and 2', 'Applications/Internet', 'BSD'),
  P('openssh-server', '5.3p1-124.el6_10', 'x86_64', 'An open source SSH server daemon', 'System Environment/Daemons', 'BSD', ['/usr/sbin/sshd', '/etc/rc.d/init.d/sshd']),
  P('openssh-clients', '5.3p1-124.el6_10', 'x86_64', 'An open source SSH client applications', 'Applications/Internet', 'BSD', ['/usr/bin/ssh', '/usr/bin/scp']),
  P('net-tools', '1.60-114.el6', 'x86_64', 'Basic networking tools', 'System Environment/Base', 'GPL+', ['/sbin/ifconfig', '/bin/netstat']),
  P('iproute', '2.6.32-57.el6', 'x86_64', 'Advanced IP routing and network device configuration tools', 'Applications/System', 'GPLv2+ and Public Domain', ['/sbin/ip']),
  P('iputils', '20071127-24.el6', 'x86_64', 'Network monitoring tools including ping', 'System Environment/Daemons', 'BSD', ['/bin/ping']),
  P('bridge-utils', '1.2-10.el6', 'x86_64', 'Utilities for configuring the linux ethernet bridge', 'System Environment/Base', 'GPLv2+', ['/usr/sbin/brctl']),
  P('rsyslog', '5.8.10-12.0.1.el6', 'x86_64', 'Enhanced system logging and kernel message trapping daemon', 'System Environment/Daemons', '(GPLv3+ and ASL 2.0)', ['/sbin/rsyslogd', '/etc/rsyslog.conf']),
  P('ntp', '4.2.6p5-15.0.1.el6_10', 'x86_64', 'The NTP daemon and utilities', 'System Environment/Daemons', '(MIT and BSD and BSD with advertising) and GPLv2', ['/usr/sbin/ntpd', '/etc/ntp.conf']),
  P('iscsi-initiator-utils', '6.2.0.873-27.0.1.el6_9', 'x86_64', 'iSCSI daemon and utility programs', 'System Environment/Daemons', 'GPLv2+', ['/sbin/iscsiadm', '/sbin/iscsid']),
  P('device-mapper', '1.02.117-12.el6', 'x86_64', 'Device mapper utility', 'System Environment/Base', 'GPLv2 and LGPLv2', ['/sbin/dmsetup']),
  P('lvm2', '2.02.143-12.el6', 'x86_64', 'Userland logical volume management tools', 'System Environment/Base', 'GPLv2'),
  P('device-mapper-multipath-libs', '0.4.9-100.0.3.el6', 'x86_64', 'The device-mapper-multipath modules and shared library', 'System Environment/Libraries', 'GPL+'),
  P('device-mapper-multipath', '0.4.9-100.0.3.el6', 'x86_64', 'Tools to manage multipath devices using device-mapper', 'System Environment/Base', 'GPL+', ['/sbin/multipath', '/sbin/multipathd', '/etc/rc.d/init.d/multipathd', '/usr/share/doc/device-mapper-multipath-0.4.9/multipath.conf']),
  P('kpartx', '0.4.9-100.0.3.el6', 'x86_64', 'Partition device manager for device-mapper devices', 'System Environment/Base', 'GPL+', ['/sbin/kpartx']),
  P('sg3_utils', '1.28-13.el6', 'x86_64', 'Utilities for devices that use SCSI command sets', 'Applications/System', 'GPLv2+ and BSD', ['/usr/bin/sg_inq', '/usr/bin/rescan-scsi-bus.sh']),
  P('ocfs2-tools', '1.8.6-11.el6', 'x86_64', 'Tools for managing the Oracle Cluster Filesystem 2', 'System Environment/Kernel', 'GPLv2', ['/sbin/mkfs.ocfs2', '/sbin/tunefs.ocfs2', '/sbin/mounted.ocfs2', '/sbin/o2cb_ctl', '/etc/rc.d/init.d/o2cb', '/etc/rc.d/init.d/ocfs2']),
  P('kernel-uek-firmware', '4.1.12-124.48.6.el6uek', 'noarch', 'Firmware files used by the Linux kernel', 'System Environment/Kernel', 'GPLv2+ and Redistributable, no modification permitted'),
  P('kernel-uek', '4.1.12-124.48.6.el6uek', 'x86_64', 'The Linux kernel', 'System Environment/Kernel', 'GPLv2', ['/boot/vmlinuz-4.1.12-124.48.6.el6uek.x86_64']),
  P('xen-hypervisor', '4.4.4-222.0.18.el6', 'x86_64', 'Libraries for Xen tools', 'Development/Libraries', 'GPLv2+ and LGPLv2+ with exceptions', ['/boot/xen.gz']),
  P('xen', '4.4.4-222.0.18.el6', 'x86_64', 'Xen is a virtual machine monitor', 'Development/Libraries', 'GPLv2+ and LGPLv2+ with exceptions', ['/etc/xen/xend-config.sxp', '/etc/rc.d/init.d/xend', '/etc/rc.d/init.d/xendomains']),
  P('xen-tools', '4.4.4-222.0.18.el6', 'x86_64', 'Xen management tools', 'Development/Libraries', 'GPLv2+ and LGPLv2+ with exceptions', ['/usr/sbin/xm', '/usr/sbin/xentop', '/usr/sbin/xend', '/usr/lib/xen/bin/qemu-dm']),
  P('ovs-release', '3.4-6', 'x86_64', 'Oracle VM Server release file', 'System Environment/Base', 'GPL', ['/etc/ovs-release']),
  P('ovs-agent', '3.4.6-2163', 'x86_64', 'Oracle VM Agent', 'Applications/System', 'Commercial', ['/usr/sbin/ovs-agent', '/usr/bin/ovs-agent-db', '/etc/ovs-agent/agent.ini', '/etc/rc.d/init.d/ovs-agent']),
  P('ovmport', '1.0-8', 'x86_64', 'Oracle VM guest messaging port', 'Applications/System', 'Commercial'),
  P('osc-oracle-ovmapi', '1.0-10', 'noarch', 'Oracle VM API for Oracle Linux', 'Applications/System', 'Commercial'),
  P('ovm-consoled', '3.4.6-1', 'x86_64', 'Oracle VM console daemon', 'Applications/System', 'Commercial'),
];

const OVM22: Pkg[] = [
  P('filesystem', '2.4.0-2.0.1', 'i386', 'The basic directory layout for a Linux system'),
  P('glibc', '2.5-42', 'i686', 'The GNU libc libraries', 'System Environment/Libraries', 'LGPL'),
  P('bash', '3.2-24.el5', 'i386', 'The GNU Bourne Again shell (bash) version 3.2', 'System Environment/Shells', 'GPLv2+', ['/bin/bash']),
  P('coreutils', '5.97-23.el5', 'i386', 'The GNU core utilities: a set of tools commonly used in shell scripts', 'System Environment/Base', 'GPLv2+'),
  P('util-linux', '2.13-0.52.0.1.el5', 'i386', 'A collection of basic system utilities.', 'System Environment/Base', 'distributable', ['/sbin/fdisk', '/bin/more', '/bin/dmesg']),
  P('procps', '3.2.7-11.1.el5', 'i386', 'System and process monitoring utilities.', 'Applications/System', 'GPL', ['/bin/ps', '/usr/bin/free']),
  P('vim-minimal', '7.0.109-6.el5', 'i386', 'A minimal version of the VIM editor.', 'Applications/Editors', 'freeware', ['/bin/vi']),
  P('nano', '1.3.12-1.1', 'i386', 'A small text editor', 'Applications/Editors', 'GPL', ['/usr/bin/nano']),
  P('less', '394-6.el5', 'i386', 'A text file browser similar to more, but better.', 'Applications/Text', 'GPL', ['/usr/bin/less']),
  P('chkconfig', '1.3.30.2-2.el5', 'i386', 'A system tool for maintaining the /etc/rc*.d hierarchy.', 'System Environment/Base', 'GPL'),
  P('initscripts', '8.45.30-2.0.1.el5', 'i386', 'The inittab file and the /etc/init.d scripts.', 'System Environment/Base', 'GPLv2'),
  P('rpm', '4.4.2.3-18.el5', 'i386', 'The RPM package management system.', 'System Environment/Base', 'GPLv2+'),
  P('python', '2.4.3-27.el5', 'i386', 'An interpreted, interactive, object-oriented programming language.', 'Development/Languages', 'PSF - see LICENSE'),
  P('openssh-server', '4.3p2-36.el5', 'i386', 'The OpenSSH server daemon', 'System Environment/Daemons', 'BSD'),
  P('net-tools', '1.60-78.el5', 'i386', 'Basic networking tools.', 'System Environment/Base', 'GPL'),
  P('iproute', '2.6.18-10.el5', 'i386', 'Advanced IP routing and network device configuration tools.', 'Applications/System', 'GNU GPL'),
  P('bridge-utils', '1.1-2', 'i386', 'Utilities for configuring the linux ethernet bridge.', 'System Environment/Base', 'GPL'),
  P('device-mapper', '1.02.32-1.el5', 'i386', 'device mapper library', 'System Environment/Base', 'GPL'),
  P('device-mapper-multipath', '0.4.7-30.el5', 'i386', 'Tools to manage multipath devices using device-mapper.', 'System Environment/Base', 'GPL', ['/sbin/multipath', '/sbin/multipathd']),
  P('ocfs2-tools', '1.4.4-1.el5', 'i386', 'Tools for managing the Oracle Cluster Filesystem 2', 'System Environment/Kernel', 'GPL'),
  P('ocfs2-2.6.18-128.2.1.4.25.el5xen', '1.4.4-1.el5', 'i686', 'The Oracle Cluster Filesystem 2.', 'System Environment/Kernel', 'GPL'),
  P('kernel-ovs', '2.6.18-128.2.1.4.25.el5', 'i686', 'The Linux kernel (the core of the Linux operating system)', 'System Environment/Kernel', 'GPLv2'),
  P('xen', '3.4.0-0.1.32.el5', 'i386', 'Xen is a virtual machine monitor', 'Development/Libraries', 'GPL', ['/etc/xen/xend-config.sxp']),
  P('xen-tools', '3.4.0-0.1.32.el5', 'i386', 'Xen management tools', 'Development/Libraries', 'GPL', ['/usr/sbin/xm', '/usr/sbin/xentop']),
  P('ovs-agent', '2.3-42', 'noarch', 'Oracle VM Agent', 'Applications/System', 'Commercial', ['/opt/ovs-agent-2.3/agent.py']),
  P('ovs-utils', '1.0-34', 'i386', 'Oracle VM Server utilities', 'Applications/System', 'GPL', ['/usr/lib/ovs/ovs-makerepo']),
];

export const packagesOf = (release: Release): readonly Pkg[] => (release === 'ovm22' ? OVM22 : OVM34);
