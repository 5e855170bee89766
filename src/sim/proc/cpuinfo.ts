// /proc/cpuinfo of dom0: one entry per dom0 vCPU, with the host's model and the vmx (Intel VT)
// or svm (AMD-V) flag that HVM guests need (seed 001: "cat /proc/cpuinfo → flags: vmx oder svm").
import type { HostState } from '../types';

const INTEL_FLAGS = 'fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush acpi mmx fxsr sse sse2 ss ht syscall nx lm constant_tsc rep_good nopl nonstop_tsc pni pclmulqdq VIRT est ssse3 cx16 sse4_1 sse4_2 popcnt aes f16c rdrand hypervisor lahf_lm ida arat epb pln pts dtherm fsgsbase erms';
const AMD_FLAGS = 'fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc pni pclmulqdq ssse3 cx16 sse4_1 sse4_2 popcnt aes xsave avx hypervisor lahf_lm cmp_legacy VIRT extapic cr8_legacy abm sse4a misalignsse 3dnowprefetch ibs xop skinit wdt';

export function isAmd(host: HostState): boolean {
  return host.cpu.virtFlag === 'svm' || /AMD|Opteron/i.test(host.cpu.model);
}

export function cpuinfo(host: HostState): string {
  const amd = isAmd(host);
  const perSocket = host.cpu.coresPerSocket * host.cpu.threadsPerCore;
  const flags = (amd ? AMD_FLAGS : INTEL_FLAGS).replace(' VIRT', host.cpu.virtFlag ? ` ${host.cpu.virtFlag}` : '');
  const mhz = `${host.cpu.mhz}.${String((host.cpu.mhz * 37) % 1000).padStart(3, '0')}`;
  const bogo = (host.cpu.mhz * 2).toFixed(2);
  const ol5 = host.release === 'ovm22';
  let out = '';
  for (let i = 0; i < host.dom0Vcpus; i++) {
    const socket = Math.floor(i / perSocket) % host.cpu.sockets;
    const core = Math.floor((i % perSocket) / host.cpu.threadsPerCore);
    const rows: Array<[string, string]> = [
      ['processor', String(i)],
      ['vendor_id', amd ? 'AuthenticAMD' : 'GenuineIntel'],
      ['cpu family', amd ? '21' : '6'],
      ['model', amd ? '2' : '62'],
      ['model name', host.cpu.model],
      ['stepping', amd ? '0' : '4'],
      ...(ol5 ? [] : ([['microcode', amd ? '0x6000822' : '0x428']] as Array<[string, string]>)),
      ['cpu MHz', mhz],
      ['cache size', amd ? '2048 KB' : '10240 KB'],
      ['physical id', String(socket)],
      ['siblings', String(perSocket)],
      ['core id', String(core)],
      ['cpu cores', String(host.cpu.coresPerSocket)],
      ['apicid', String(i)],
      ['initial apicid', String(i)],
      ['fpu', 'yes'],
      ['fpu_exception', 'yes'],
      ['cpuid level', amd ? '13' : '13'],
      ['wp', 'yes'],
      ['flags', flags],
      ...(ol5 ? [] : ([['bugs', '']] as Array<[string, string]>)),
      ['bogomips', bogo],
      ['clflush size', '64'],
      ['cache_alignment', '64'],
      ['address sizes', amd ? '48 bits physical, 48 bits virtual' : '46 bits physical, 48 bits virtual'],
      ['power management', ''],
    ];
    // The kernel pads names with tabs to the 8-column stop after 16 characters' worth.
    for (const [k, v] of rows) out += k === 'power management' ? `${k}:\n` : `${k}${k.length < 8 ? '\t\t' : '\t'}: ${v}`.replace(/: $/, ':') + '\n';
    out += '\n';
  }
  return out;
}
