// The process table of a dom0, derived from the world on demand (what `ps`, `kill` and
// /proc see): kernel threads, boot-time daemons of running services, qemu-dm per HVM guest,
// and the login shell. Pids are deterministic: boot pids from a fixed order, later ones from
// host.nextPid. Other subsystems add processes with ONE line in PROCESS_SOURCES.
import { hash32, servicePid } from './pids';
import { serviceState, servicesOf } from './services';
import { guestsOn } from './memory';
import { runsDeviceModel } from './xen/xend-log';
import type { HostState, WorldState } from './types';

export interface Proc {
  pid: number;
  ppid: number;
  user: string;
  /** Command line; kernel threads are shown in brackets: `[kthreadd]`. */
  cmd: string;
  /** The kernel's command name when it is not the first word's basename (a Python script's own name). */
  comm?: string;
  /** Start, simulation ms (host boot for boot-time processes). */
  startMs: number;
  tty: string;
  /** ps STAT letters. */
  stat: string;
  /** Virtual size and resident set, KiB. */
  vszKiB: number;
  rssKiB: number;
  /** CPU seconds used. */
  cpuS: number;
  /** Owning service, when killing it stops a service. */
  service?: string;
}

// The pid helpers live in pids.ts (services need them without the process table); kept here for importers.
export { allocPid, hash32, servicePid } from './pids';

export type ProcessSource = (world: WorldState, host: HostState) => Proc[];

const KTHREADS = ['kthreadd', 'ksoftirqd/0', 'kworker/0:0H', 'rcu_sched', 'rcu_bh', 'migration/0', 'watchdog/0', 'khelper', 'kdevtmpfs', 'netns', 'perf', 'xenwatch', 'xenbus', 'khungtaskd', 'writeback', 'ksmd', 'khugepaged', 'crypto', 'kintegrityd', 'bioset', 'kblockd', 'ata_sff', 'md', 'kswapd0', 'fsnotify_mark', 'kthrotld', 'scsi_eh_0', 'scsi_eh_1', 'kpsmoused', 'deferwq', 'kdmflush', 'jbd2/sda2-8', 'ext4-rsv-conver', 'kauditd', 'o2net', 'user_dlm', 'ocfs2_wq', 'dlm_thread', 'dlm_reco_thread', 'dlm_wq'];

function kernelThreads(_w: WorldState, host: HostState): Proc[] {
  const out: Proc[] = [];
  const ocfs2 = KTHREADS.indexOf('o2net');
  KTHREADS.forEach((name, i) => {
    if (host.release === 'ovm22' && name.includes('kworker')) return;
    out.push(kthread(host, i < 2 ? i + 2 : 3 + i * 7 + (i >= ocfs2 ? 900 : 0), name));
  });
  // One heartbeat thread per OCFS2 region (global heartbeat names regions by file system uuid).
  host.mounts.filter((m) => m.fsType === 'ocfs2').forEach((m, i) => {
    const region = m.fsId.replace(/^ocfs2:/, '').toUpperCase().slice(0, 10);
    out.push(kthread(host, 1210 + i * 11, `o2hb-${region}`));
  });
  return out;
}

function kthread(host: HostState, pid: number, name: string): Proc {
  return { pid, ppid: pid === 2 ? 0 : 2, user: 'root', cmd: `[${name}]`, startMs: host.bootMs, tty: '?', stat: 'S', vszKiB: 0, rssKiB: 0, cpuS: 0 };
}

function daemons(_w: WorldState, host: HostState): Proc[] {
  const out: Proc[] = [
    { pid: 1, ppid: 0, user: 'root', cmd: '/sbin/init', startMs: host.bootMs, tty: '?', stat: 'Ss', vszKiB: 19356, rssKiB: 1540, cpuS: 1 },
    { pid: 712 + (hash32(host.name) % 7), ppid: 1, user: 'root', cmd: '/sbin/udevd -d', startMs: host.bootMs, tty: '?', stat: 'S<s', vszKiB: 10784, rssKiB: 1204, cpuS: 0 },
  ];
  for (const def of servicesOf(host)) {
    if (!def.procs || serviceState(host, def.name) !== 'running') continue;
    const base = servicePid(host, def.name);
    const since = host.pids?.[def.name]?.atMs ?? host.bootMs;
    def.procs.forEach((p, i) => {
      out.push({ pid: base + i * 2, ppid: 1, user: p.user ?? 'root', cmd: p.cmd, ...(p.comm && { comm: p.comm }), startMs: since, tty: '?', stat: 'Ssl'.slice(0, i ? 2 : 3), vszKiB: 100000 + (hash32(p.cmd) % 400000), rssKiB: 4000 + (hash32(p.cmd) % 40000), cpuS: 0, service: def.name });
    });
  }
  const getty = 2510 + (hash32(host.name) % 17);
  for (let i = 1; i <= 6; i++) {
    out.push({ pid: getty + i * 2, ppid: 1, user: 'root', cmd: `/sbin/mingetty /dev/tty${i}`, startMs: host.bootMs, tty: `tty${i}`, stat: 'Ss+', vszKiB: 4064, rssKiB: 580, cpuS: 0 });
  }
  return out;
}

/** One qemu-dm device model per running guest that has one (HVM, or PV with a VNC framebuffer: -M xenpv). */
function deviceModels(world: WorldState, host: HostState): Proc[] {
  return guestsOn(world, host.name)
    .filter(runsDeviceModel)
    .map((d) => {
      const vif = d.vifs.map((v, i) => ` -net nic,vlan=${i + 1},macaddr=${v.mac},model=rtl8139 -net tap,vlan=${i + 1},ifname=tap${d.domid}.${i},bridge=${v.bridge}`).join('');
      const cmd = d.hvm
        ? `/usr/lib/xen/bin/qemu-dm -d ${d.domid} -domain-name ${d.name} -videoram 4 -k en-us -vnc 127.0.0.1:0 -vncunused -vcpus ${d.vcpus} -vcpu_avail 0x${((1 << d.vcpus) - 1).toString(16)} -boot c -serial pty -acpi${vif} -M xenfv`
        : `/usr/lib/xen/bin/qemu-dm -d ${d.domid} -serial pty -domain-name ${d.name} -videoram 4 -k en-us -vnc 127.0.0.1:0 -vncunused -M xenpv`;
      return {
        pid: 3000 + (hash32(d.name + String(d.startedAtMs)) % 17000),
        ppid: 1,
        user: 'root',
        cmd,
        startMs: d.startedAtMs,
        tty: '?',
        stat: 'Sl',
        vszKiB: 137000 + d.vcpus * 8000,
        rssKiB: 9000 + d.vcpus * 500,
        cpuS: 0,
      };
    });
}

/** The root login that is typing: sshd session and bash. */
function loginShell(_w: WorldState, host: HostState): Proc[] {
  const sshd = servicePid(host, 'sshd');
  const sess = 18000 + (hash32(host.name + 'login') % 2000);
  return [
    { pid: sess, ppid: sshd, user: 'root', cmd: 'sshd: root@pts/0', startMs: 0, tty: '?', stat: 'Ss', vszKiB: 102260, rssKiB: 4312, cpuS: 0 },
    { pid: sess + 4, ppid: sess, user: 'root', cmd: '-bash', startMs: 0, tty: 'pts/0', stat: 'Ss', vszKiB: 108340, rssKiB: 1988, cpuS: 0 },
  ];
}

/**
 * Where processes come from, in one visible list. Subsystems add a source here with one line
 * (e.g. the storage engineer's multipath checker threads, the agent's sub-servers).
 */
const PROCESS_SOURCES: readonly ProcessSource[] = [kernelThreads, daemons, deviceModels, loginShell];

/** The whole table, sorted by pid. Empty while the host is down. */
export function processTable(world: WorldState, host: HostState): Proc[] {
  if (host.down) return [];
  const all = PROCESS_SOURCES.flatMap((s) => s(world, host));
  return all.sort((a, b) => a.pid - b.pid);
}

/** The pid of the login shell (`$$`), for ps and kill. */
export const shellPid = (host: HostState): number => 18004 + (hash32(host.name + 'login') % 2000);
