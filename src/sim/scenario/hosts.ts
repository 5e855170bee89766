// Builds dom0 hosts with their root file system and the files a fresh Oracle VM Server has.
import { defaultDom0MemMiB } from '../memory';
import { mkdir, newDir, rootFsId, writeFile } from '../vfs';
import { MOTD, shippedMotd } from '../motd';
import { DEFAULT_AGENT_PASSWORD, setAgentPassword } from '../agent-password';
import { stageNaviRpm } from '../navi-agent';
import type { CpuInfo, HostState, Release, WorldState } from '../types';
import { DEFAULT_RELEASE } from './default-names';

export interface HostSpec {
  name: string;
  ip: string;
  release?: Release;
  memoryMiB?: number;
  cpu?: Partial<CpuInfo>;
  poolId: string;
}

const DEFAULT_CPU: CpuInfo = {
  sockets: 2,
  coresPerSocket: 4,
  threadsPerCore: 2,
  mhz: 2394,
  model: 'Intel(R) Xeon(R) CPU E5-2609 v2 @ 2.40GHz',
  virtFlag: 'vmx',
};

export const pcpuCount = (h: HostState): number => h.cpu.sockets * h.cpu.coresPerSocket * h.cpu.threadsPerCore;

export function addHost(world: WorldState, spec: HostSpec, domain = 'example.com'): HostState {
  const memoryMiB = spec.memoryMiB ?? 65523;
  const release = spec.release ?? DEFAULT_RELEASE;
  const host: HostState = {
    name: spec.name,
    domain,
    ip: spec.ip,
    release,
    poolId: spec.poolId,
    cpu: { ...DEFAULT_CPU, ...spec.cpu },
    memoryMiB,
    dom0MemMiB: defaultDom0MemMiB(memoryMiB),
    dom0Vcpus: 0,
    // Booted some days before the simulation starts; uptime counts from here.
    bootMs: -((12 * 24 + 3) * 3600 + 17 * 60) * 1000,
    nextDomId: 1,
    services: {
      xend: 'running',
      'ovs-agent': 'running',
      multipathd: 'running',
      o2cb: 'running',
      ocfs2: 'running',
      iscsi: 'stopped',
      ntpd: 'running',
      sshd: 'running',
    },
    mounts: [{ path: '/', fsId: rootFsId(spec.name), fsType: 'ext4', device: '/dev/sda2', options: 'rw' }],
    dom0CpuS: 0,
  };
  // Dom0 has been busy since boot: about a third of a pCPU on average.
  host.dom0CpuS = Math.round((-host.bootMs / 1000) * 0.35 * 10) / 10;
  host.dom0Vcpus = pcpuCount(host);
  world.hosts[host.name] = host;
  world.filesystems[rootFsId(host.name)] = newDir(0);
  seedRootFiles(world, host);
  return host;
}

function seedRootFiles(world: WorldState, host: HostState): void {
  for (const d of ['/root', '/tmp', '/etc/sysconfig', '/etc/ovs-agent/db', '/etc/ocfs2', '/var/log/xen', '/var/run', '/OVS/Repositories', '/boot', '/dev', '/proc', '/sys']) {
    mkdir(world, host, d, '/', true);
  }
  const fqdn = `${host.name}.${host.domain}`;
  const put = (path: string, content: string) => writeFile(world, host, path, content);
  put('/etc/hosts', `127.0.0.1   localhost localhost.localdomain\n${host.ip}   ${fqdn} ${host.name}\n`);
  put('/etc/sysconfig/network', `NETWORKING=yes\nHOSTNAME=${fqdn}\n`);
  put('/etc/ovs-release', host.release === 'ovm22' ? 'Oracle VM server release 2.2.2\n' : 'Oracle VM server release 3.4.6\n');
  put('/etc/redhat-release', host.release === 'ovm22' ? 'Enterprise Linux Enterprise Linux Server release 5.5 (Carthage)\n' : 'Oracle Linux Server release 6.10\n');
  put(MOTD, shippedMotd(host.release));
  put('/root/.bash_profile', '# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n');
  put('/var/log/messages', '');
  put('/var/log/xen/xend.log', '');
  put('/var/log/xen/xend-debug.log', '');
  put('/var/log/ovs-agent.log', '');
  // Every server of a pool gets the same agent password at installation (the Manager needs it).
  setAgentPassword(world, host, DEFAULT_AGENT_PASSWORD);
  // OVM 2.2 on the CLARiiON (seed 003): the Navisphere host agent's rpm waits in root's home.
  if (host.release === 'ovm22') {
    stageNaviRpm(world, host);
    // The agent's XML-RPC test script (seed 001: do_rpc.py … echo hello).
    mkdir(world, host, '/opt/ovs-agent-2.3/utils', '/', true);
    writeFile(world, host, '/opt/ovs-agent-2.3/utils/do_rpc.py', '#!/usr/bin/env python\n# Copyright (c) 2008, 2009 Oracle. All rights reserved.\n');
  }
}
