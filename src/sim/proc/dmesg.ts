// The dom0 kernel ring buffer (dmesg): boot messages generated from the host, the kernel lines
// of /var/log/messages since boot (multipath, OCFS2, … as other subsystems log them), and the
// bridge ports of guests. UEK prints `[seconds.micros]` stamps; OVM 2.2's 2.6.18 kernel does not.
import { MONTHS } from '../../lib/calendar';
import { wallTime } from '../clock';
import { guestsOn } from '../memory';
import { lookup } from '../vfs';
import { kernelOf } from './kernel';
import type { HostState, WorldState } from '../types';

function bootLines(host: HostState): Array<[number, string]> {
  const k = kernelOf(host);
  const ncpu = host.dom0Vcpus;
  const memK = host.dom0MemMiB * 1024;
  const amd = host.cpu.virtFlag === 'svm';
  const ocfs = host.mounts.filter((m) => m.fsType === 'ocfs2');
  const lines: Array<[number, string]> = [
    [0, 'Initializing cgroup subsys cpuset'],
    [0, 'Initializing cgroup subsys cpu'],
    [0, 'Initializing cgroup subsys cpuacct'],
    [0, `Linux version ${k.release} (${k.builder}) (${k.gcc}) ${k.version}`],
    [0, 'Command line: ro root=UUID=8c2a52e4-39d7-4bd8-a0ef-5c7c5d6e1a0b rd_NO_LUKS rd_NO_LVM LANG=en_US.UTF-8 rd_NO_MD rd_NO_DM rhgb quiet'],
    [0, 'Released 0 page(s)'],
    [0, 'e820: BIOS-provided physical RAM map:'],
    [0, 'Xen: [mem 0x0000000000000000-0x000000000009ffff] usable'],
    [0, `Xen: [mem 0x0000000000100000-0x${(memK * 1024 + 0x100000 - 1).toString(16).padStart(16, '0')}] usable`],
    [0, 'NX (Execute Disable) protection: active'],
    [0, 'DMI: Oracle Corporation SUN SERVER X4-2/ASSY,MOTHERBOARD,1U, BIOS 25010603 11/06/2014'],
    [0, 'Hypervisor detected: Xen'],
    [0, 'Setting APIC routing to Xen PV.'],
    [0, 'Booting paravirtualized kernel on Xen'],
    [0, `Xen version: 4.4.4OVM (preserve-AD)`],
    [0, `Memory: ${memK - 98_032}K/${memK}K available (6848K kernel code, 1225K rwdata, 3032K rodata, 1704K init, 1436K bss, 98032K reserved, 0K cma-reserved)`],
    [0, `SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=${ncpu}, Nodes=1`],
    [0.004, `Calibrating delay loop (skipped), value calculated using timer frequency.. ${(host.cpu.mhz * 2).toFixed(2)} BogoMIPS (lpj=${host.cpu.mhz * 4000})`],
    [0.152, `x86: Booted up 1 node, ${ncpu} CPUs`],
    [0.731, 'xen:balloon: Initialising balloon driver'],
    [0.905, 'SCSI subsystem initialized'],
    [1.217, amd ? 'AMD-Vi: Found IOMMU at 0000:00:00.2 cap 0x40' : 'DMAR: Host address width 46'],
    [2.614, 'megaraid_sas 0000:01:00.0: FW now in Ready state'],
    [3.102, 'scsi 0:2:0:0: Direct-Access     LSI      MR9261-8i        2.13 PQ: 0 ANSI: 5'],
    [3.118, 'sd 0:2:0:0: [sda] 585937500 512-byte logical blocks: (300 GB/279 GiB)'],
    [3.121, 'sd 0:2:0:0: [sda] Write Protect is off'],
    [3.140, ' sda: sda1 sda2 sda3'],
    [3.142, 'sd 0:2:0:0: [sda] Attached SCSI disk'],
    [4.562, 'EXT4-fs (sda2): mounted filesystem with ordered data mode. Opts: (null)'],
    [9.388, 'xen:xen_evtchn: Event-channel device installed'],
    [9.410, 'xen_pciback: backend is vpci'],
    [10.051, 'Bridge firewalling registered'],
    [10.377, 'device eth0 entered promiscuous mode'],
    [11.002, 'Adding 4194300k swap on /dev/sda3.  Priority:-1 extents:1 across:4194300k FS'],
  ];
  if (host.release === 'ovm22') {
    // The 2.6.18 xen kernel has no cgroups and boots Xen-style from the start.
    const newer = /^(Initializing cgroup|Released 0|e820:|Hypervisor detected|Setting APIC|Booting paravirtualized|xen:balloon|x86: Booted|DMAR|AMD-Vi|xen_pciback|xen:xen_evtchn)/;
    for (let i = lines.length - 1; i >= 0; i--) if (newer.test(lines[i]![1])) lines.splice(i, 1);
  }
  if (ocfs.length || host.services.o2cb === 'running') {
    lines.push([12.118, 'OCFS2 Node Manager 1.8.6'], [12.131, 'OCFS2 DLM 1.8.6'], [12.140, 'ocfs2: Registered cluster interface o2cb'], [12.201, 'OCFS2 DLMFS 1.8.6'], [12.203, 'OCFS2 User DLM kernel interface loaded']);
  }
  ocfs.forEach((m, i) => {
    lines.push([15.3 + i, `ocfs2: Mounting device (252,${i + 2}) on (node 0, slot ${i}) with ordered data mode.`]);
  });
  return lines;
}

/** Seconds since boot of a `Mar  2 08:01:02 host kernel: text` line, or null if not a kernel line. */
function kernelLine(world: WorldState, host: HostState, line: string): [number, string] | null {
  const m = /^(\w{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) \S+ kernel: (?:\[\s*\d+\.\d+\] )?(.*)$/.exec(line);
  if (!m) return null;
  const year = wallTime(world).getUTCFullYear();
  const t = Date.UTC(year, MONTHS.indexOf(m[1]!), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  const since = (t - (world.epochMs + host.bootMs)) / 1000;
  return since >= 0 ? [since, m[6]!] : null;
}

export function dmesgLines(world: WorldState, host: HostState): string[] {
  const all = bootLines(host);
  for (const d of guestsOn(world, host.name)) {
    const at = Math.max(20, (d.startedAtMs - host.bootMs) / 1000);
    d.vifs.forEach((v, i) => {
      all.push([at, `device vif${d.domid}.${i} entered promiscuous mode`], [at + 0.004, `${v.bridge}: port ${i + 2}(vif${d.domid}.${i}) entered forwarding state`]);
    });
  }
  const log = lookup(world, host, '/var/log/messages');
  if (log.ok && log.value.type === 'file') {
    for (const l of log.value.content.split('\n')) {
      const k = kernelLine(world, host, l);
      if (k) all.push(k);
    }
  }
  const cleared = host.dmesgClearedMs !== undefined ? (host.dmesgClearedMs - host.bootMs) / 1000 : -1;
  const sorted = all.filter(([t]) => t > cleared).sort((a, b) => a[0] - b[0]);
  if (host.release === 'ovm22') return sorted.map(([, t]) => t);
  return sorted.map(([t, text]) => `[${t.toFixed(6).padStart(12)}] ${text}`);
}
