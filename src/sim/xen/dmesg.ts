// The hypervisor's console ring (`xm dmesg`, reference §1.15): the boot messages of this host's
// Xen — banner, version, command line, e820 map, CPUs, dom0 — then what happened since.
// Generated from the host's facts on every read; `xm dmesg -c` clears it.
import { pcpuCount } from '../scenario/hosts';
import { nrNodes, xenBuild, xenCommandLine, xenVersionString } from './hypervisor';
import type { HostState } from '../types';

/** figlet "standard" glyphs (6 rows) for the characters a Xen version banner needs. */
const GLYPHS: Record<string, string[]> = {
  X: ['__  __', '\\ \\/ /', ' \\  / ', ' /  \\ ', '/_/\\_\\', '      '],
  e: ['      ', '  ___ ', ' / _ \\', '|  __/', ' \\___|', '      '],
  n: ['       ', ' _ __  ', "| '_ \\ ", '| | | |', '|_| |_|', '       '],
  ' ': ['  ', '  ', '  ', '  ', '  ', '  '],
  '.': ['   ', '   ', '   ', ' _ ', '(_)', '   '],
  '0': ['  ___  ', ' / _ \\ ', '| | | |', '| |_| |', ' \\___/ ', '       '],
  '1': [' _ ', '/ |', '| |', '| |', '|_|', '   '],
  '2': [' ____  ', '|___ \\ ', '  __) |', ' / __/ ', '|_____|', '       '],
  '3': [' _____ ', '|___ / ', '  |_ \\ ', ' ___) |', '|____/ ', '       '],
  '4': [' _  _   ', '| || |  ', '| || |_ ', '|__   _|', '   |_|  ', '        '],
  O: ['  ___  ', ' / _ \\ ', '| | | |', '| |_| |', ' \\___/ ', '       '],
  V: ['__     __', '\\ \\   / /', ' \\ \\ / / ', '  \\ V /  ', '   \\_/   ', '         '],
  M: [' __  __ ', '|  \\/  |', '| |\\/| |', '| |  | |', '|_|  |_|', '        '],
};

export function banner(text: string): string[] {
  const rows = ['', '', '', '', '', ''];
  for (const ch of text) {
    const g = GLYPHS[ch] ?? GLYPHS[' ']!;
    for (let i = 0; i < 6; i++) rows[i] = rows[i]! + g[i]!;
  }
  return rows.map((r) => r.trimEnd()).filter((r, i) => i < 5 || r !== '');
}

const hex16 = (n: number): string => n.toString(16).padStart(16, '0');

/** The boot part of the ring. */
export function bootMessages(host: HostState): string[] {
  const build = xenBuild(host);
  const cpus = pcpuCount(host);
  const ramKiB = host.memoryMiB * 1024;
  const top = 0x100000000 + (host.memoryMiB - 3064) * 1048576;
  const vt = host.cpu.virtFlag === 'vmx';
  const lines = [
    ...banner(`Xen ${xenVersionString(host)}`),
    `Xen version ${xenVersionString(host)} (${build.by}@${build.domain}) (${build.compiler}) debug=n ${build.date}`,
    'Latest ChangeSet: unavailable',
    'Bootloader: GNU GRUB 0.97',
    `Command line: ${xenCommandLine(host)}`,
    'Video information:',
    ' VGA is text mode 80x25, font 8x16',
    ' VBE/DDC methods: none; EDID transfer time: 0 seconds',
    ' EDID info not retrieved because no DDC retrieval method detected',
    'Disc information:',
    ' Found 1 MBR signatures',
    ' Found 1 EDD information structures',
    'Xen-e820 RAM map:',
    ' 0000000000000000 - 000000000009c000 (usable)',
    ' 000000000009c000 - 00000000000a0000 (reserved)',
    ' 00000000000e0000 - 0000000000100000 (reserved)',
    ' 0000000000100000 - 00000000bf780000 (usable)',
    ' 00000000bf780000 - 00000000bf78e000 (ACPI data)',
    ' 00000000bf78e000 - 00000000bf7d0000 (ACPI NVS)',
    ' 00000000bf7d0000 - 00000000c0000000 (reserved)',
    ' 00000000e0000000 - 00000000f0000000 (reserved)',
    ' 00000000fee00000 - 00000000fee01000 (reserved)',
    ' 00000000ff800000 - 0000000100000000 (reserved)',
    ` 0000000100000000 - ${hex16(top)} (usable)`,
    'ACPI: RSDP 000F0410, 0024 (r2 ORACLE)',
    `System RAM: ${host.memoryMiB}MB (${ramKiB}kB)`,
    nrNodes(host) > 1 ? `NUMA: Allocated memnodemap from ${(host.memoryMiB * 256).toString(16)} - ${(host.memoryMiB * 256 + 8).toString(16)}` : 'No NUMA configuration found',
    'Domain heap initialised',
    'Using scheduler: SMP Credit Scheduler (credit)',
    `Detected ${host.cpu.mhz}.${String((host.cpu.mhz * 7) % 1000).padStart(3, '0')} MHz processor.`,
    'Initing memory sharing.',
    ...(vt
      ? ['VMX: Supported advanced features:', ' - APIC MMIO access virtualisation', ' - APIC TPR shadow', ' - Extended Page Tables (EPT)', ' - Virtual-Processor Identifiers (VPID)', ' - Virtual NMI', ' - MSR direct-access bitmap', ' - Unrestricted Guest', 'HVM: ASIDs enabled.', 'HVM: VMX enabled', 'HVM: Hardware Assisted Paging (HAP) detected', 'HVM: HAP page sizes: 4kB, 2MB, 1GB']
      : host.cpu.virtFlag === 'svm'
        ? ['HVM: ASIDs enabled.', 'HVM: SVM enabled', 'HVM: Hardware Assisted Paging (HAP) detected', 'HVM: HAP page sizes: 4kB, 2MB, 1GB']
        : []),
    `Brought up ${cpus} CPUs`,
    '*** LOADING DOMAIN 0 ***',
    ' Xen  kernel: 64-bit, lsb, compat32',
    ' Dom0 kernel: 64-bit, PAE, lsb, paddr 0x1000000 -> 0x2020000',
    `Dom0 has maximum ${host.dom0Vcpus} VCPUs`,
    'Scrubbing Free RAM: .done.',
    'Initial low memory virq threshold set at 0x4000 pages.',
    'Std. Loglevel: Errors and warnings',
    'Guest Loglevel: Nothing (Rate-limited: Errors and warnings)',
    'Xen is relinquishing VGA console.',
    "*** Serial input -> DOM0 (type 'CTRL-a' three times to switch input to Xen)",
    'Freed 296kB init memory.',
  ];
  return lines;
}

/** What `xm dmesg` prints now: every line prefixed `(XEN) `. */
export function xenDmesg(host: HostState): string {
  const ring = host.xenConsole ?? { lines: [], cleared: false };
  const lines = [...(ring.cleared ? [] : bootMessages(host)), ...ring.lines];
  return lines.map((l) => `(XEN) ${l}\n`).join('');
}

/** `xm dmesg -c`: the ring is empty afterwards. */
export function clearXenDmesg(host: HostState): void {
  host.xenConsole = { lines: [], cleared: true };
}

