// XendNode.info(): the host facts `xm info` prints, in Xen's key order per release, and the
// xend-config.sxp options of an Oracle VM Server (`xm info -c`).
import { DOM0_MIN_MEM_MIB, freeMemoryMiB } from '../memory';
import { pcpuCount } from '../scenario/hosts';
import { dom0Kernel, hwCaps, nrNodes, xenBuild, xenCaps, xenCommandLine, xenVersion } from './hypervisor';
import type { InfoEntry } from '../render/xm-info';
import type { HostState, WorldState } from '../types';

/** Ranges of CPUs per node (`node0:0-7`), one node per socket. */
function nodeCpus(host: HostState): string[] {
  const per = pcpuCount(host) / nrNodes(host);
  return Array.from({ length: nrNodes(host) }, (_, i) => `node${i}:${i * per}-${(i + 1) * per - 1}`);
}

/** Further entries of a multi-line value are indented 25 columns. */
const multi = (lines: string[]): string => lines.join('\n' + ' '.repeat(25));

export function nodeInfo(world: WorldState, host: HostState, numa = false): InfoEntry[] {
  const k = dom0Kernel(host);
  const v = xenVersion(host);
  const b = xenBuild(host);
  const free = freeMemoryMiB(world, host);
  const nodes = nrNodes(host);
  const head: InfoEntry[] = [
    ['host', `${host.name}.${host.domain}`],
    ['release', k.release],
    ['version', k.version],
    ['machine', k.machine],
    ['nr_cpus', String(pcpuCount(host))],
    ['nr_nodes', String(nodes)],
    ['cores_per_socket', String(host.cpu.coresPerSocket)],
    ['threads_per_core', String(host.cpu.threadsPerCore)],
    ['cpu_mhz', String(host.cpu.mhz)],
    ['hw_caps', hwCaps(host)],
    ['virt_caps', host.cpu.virtFlag ? 'hvm hvm_directio' : ''],
    ['total_memory', String(host.memoryMiB)],
    ['free_memory', String(free)],
  ];
  const perNodeFree = Math.floor(free / nodes);
  const middle: InfoEntry[] =
    host.release === 'ovm22'
      ? [
          ['node_to_cpu', multi(nodeCpus(host))],
          ['node_to_memory', multi(Array.from({ length: nodes }, (_, i) => `node${i}:${perNodeFree}`))],
        ]
      : [['free_cpus', '0'], ...(numa ? numaEntries(host, perNodeFree) : [])];
  const tail: InfoEntry[] = [
    ['xen_major', String(v.major)],
    ['xen_minor', String(v.minor)],
    ['xen_extra', v.extra],
    ['xen_caps', xenCaps(host)],
    ['xen_scheduler', 'credit'],
    ['xen_pagesize', '4096'],
    ['platform_params', 'virt_start=0xffff800000000000'],
    ['xen_changeset', 'unavailable'],
    ...(host.release === 'ovm22' ? [] : ([['xen_commandline', xenCommandLine(host)]] as InfoEntry[])),
    ['cc_compiler', b.compiler],
    ['cc_compile_by', b.by],
    ['cc_compile_domain', b.domain],
    ['cc_compile_date', b.date],
    ['xend_config_format', '4'],
  ];
  return [...head, ...middle, ...tail];
}

/** `xm info -n`: cpu_topology and numa_info tables (layout [INFERRED] from XendNode). */
function numaEntries(host: HostState, perNodeFree: number): InfoEntry[] {
  const cpus = pcpuCount(host);
  const perSocket = cpus / host.cpu.sockets;
  const topo = ['', 'cpu:    core    socket     node'];
  for (let i = 0; i < cpus; i++) {
    const socket = Math.floor(i / perSocket);
    const core = Math.floor((i % perSocket) / host.cpu.threadsPerCore);
    topo.push(`${String(i).padStart(3)}:${String(core).padStart(8)} ${String(socket).padStart(8)} ${String(socket).padStart(8)}`);
  }
  const nodes = nrNodes(host);
  const numa = ['', 'node:    memsize    memfree    distances'];
  for (let i = 0; i < nodes; i++) {
    const dist = Array.from({ length: nodes }, (_, j) => (i === j ? '10' : '20')).join(',');
    numa.push(`${String(i).padStart(4)}:${String(Math.floor(host.memoryMiB / nodes)).padStart(8)}MB ${String(perNodeFree).padStart(8)}MB  ${dist}`);
  }
  return [
    ['cpu_topology', topo.join('\n')],
    ['numa_info', numa.join('\n')],
  ];
}

/** The options an OVM dom0's /etc/xen/xend-config.sxp sets (`xm info -c`). */
export function xendConfig(_host: HostState): InfoEntry[] {
  return [
    ['xend-http-server', 'no'],
    ['xend-unix-server', 'yes'],
    ['xend-tcp-xmlrpc-server', 'no'],
    ['xend-unix-xmlrpc-server', 'yes'],
    ['xend-relocation-server', 'yes'],
    ['xend-relocation-ssl-server', 'no'],
    ['xend-unix-path', '/var/lib/xend/xend-socket'],
    ['xend-relocation-port', '8002'],
    ['xend-relocation-address', ''],
    ['xend-address', ''],
    ['xend-relocation-hosts-allow', ''],
    ['network-script', '/bin/true'],
    ['vif-script', 'vif-bridge'],
    ['dom0-min-mem', String(DOM0_MIN_MEM_MIB)],
    ['enable-dom0-ballooning', 'no'],
    ['total_available_memory', '0'],
    ['dom0-cpus', '0'],
    ['vncpasswd', ''],
    ['xend-domains-path', '/var/lib/xend/domains'],
  ];
}
