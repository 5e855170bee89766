// The `ovm22` scenario: an Oracle VM 2.2 pool (OL5 dom0s, Xen 3.4, ocfs2-tools 1.4 with local
// heartbeat in cluster "ocfs2", bracket-style multipath with /dev/mpath names) whose root
// repository — OCFS2 on partition 1 of a CLARiiON LUN — is mounted at /var/ovs/mount/<UUID> on
// every server and linked as /OVS, as repos.py leaves it. Two guests run from running_pool.
import { nextHex, nextInt } from '../../lib/rng';
import { oracleMac } from '../ids';
import { mkdir, putNode, remove, writeFile } from '../vfs';
import { emptyWorld } from '../world';
import { newDomain } from '../xen/new-domain';
import { addHost } from './hosts';
import { addSan } from './storage';
import { listBlockDevices } from '../storage/san/block-devices';
import { formatVolume, planVolume, type MkfsOptions } from '../storage/ocfs2/ocfs2-mkfs';
import { CLUSTER_CONF, O2CB_SYSCONFIG, readClusterConfig, setOnline } from '../storage/ocfs2/o2cb';
import { defaultSysconfig, renderClusterConf, renderSysconfig } from '../storage/ocfs2/o2cb-config';
import { initRepoLayout, linkRoot, mountDir, mountRepo, writeReposEverywhere } from '../storage/agent/repository-ovm22';
import { AGENT_INI, agentIni } from '../storage/agent/agent-service';
import type { HostState, WorldState } from '../types';

const GiB = 1024 ** 3;

const MKFS: MkfsOptions = { label: 'ovsroot', slots: 8, fsType: 'datafiles', level: 'default', featuresOn: [], featuresOff: [], mount: null, force: true, dryRun: false, quiet: true, xtool: true, noBackupSuper: false, hbDev: false, globalHeartbeat: false };

export function buildOvm22World(seed: number): WorldState {
  const world = emptyWorld(seed);
  const rng = world.rng;
  const names = ['ovs01', 'ovs02'];
  world.pools.push({ id: 'ovm22pool', name: 'ovm22pool', hosts: names, masterHost: names[0]! });
  const hosts = names.map((name, i) => addHost(world, { name, ip: `10.10.20.${11 + i}`, poolId: 'ovm22pool', release: 'ovm22', memoryMiB: 32765 }));
  addSan(world, {
    hosts: names,
    spIps: ['10.10.20.201', '10.10.20.202'],
    luns: [
      { name: 'OVS_ROOT', sizeBytes: 100 * GiB, alu: 30, hlu: 0, owner: 'A', partitioned: true, role: 'repository' },
      { name: 'OVS_SPARE', sizeBytes: 50 * GiB, alu: 31, hlu: 1, owner: 'B', role: 'spare' },
    ],
  });

  // OCFS2 1.4: cluster "ocfs2", local heartbeat, the nodes first in cluster.conf.
  const spec = { name: 'ocfs2', heartbeatMode: 'local' as const, nodes: hosts.map((h, i) => ({ number: i, name: h.name, ip: h.ip })), regions: [] };
  for (const h of hosts) {
    // OVM 2.2 has no /OVS/Repositories: /OVS is the root repository's link.
    remove(world, h, '/OVS', '/', true);
    mkdir(world, h, '/etc/ocfs2', '/', true);
    writeFile(world, h, CLUSTER_CONF, renderClusterConf(spec, h.release));
    writeFile(world, h, O2CB_SYSCONFIG, renderSysconfig(defaultSysconfig(h.release, 'ocfs2')));
    const cfg = readClusterConfig(world, h);
    if (cfg.ok) setOnline(world, h.name, cfg.running);
    h.services.o2cb = 'running';
    writeFile(world, h, AGENT_INI, agentIni(h));
    mkdir(world, h, '/opt/ovs-agent-2.3/utils', '/', true);
    // The programs' directories (their contents are generated from the command registry): without
    // them `ls /usr/sbin` said "No such file or directory" on a 2.2 dom0.
    for (const dir of ['/usr/bin', '/usr/sbin']) mkdir(world, h, dir, '/', true);
    writeFile(world, h, '/opt/ovs-agent-2.3/utils/repos.py', '#!/usr/bin/env python\n# Copyright (c) 2008, 2009 Oracle. All rights reserved.\n');
    putNode(world, h, '/opt/ovs-agent-latest', { type: 'link', mode: 0o777, mtimeMs: 0, target: 'ovs-agent-2.3' });
  }

  // The root repository: mkfs.ocfs2 -Tdatafiles -N8 on the LUN's partition, then repos.py --new/--root/--init.
  const first = hosts[0]!;
  const ref = world.san?.roles.repository;
  const part = listBlockDevices(world, first.name).find((d) => d.kind === 'mpath-part' && d.lun?.alu === ref?.alu && d.partition === 1);
  if (!part) throw new Error('ovm22: no repository partition map');
  const plan = planVolume(first, part.sizeBytes, MKFS, null);
  if (!plan.ok) throw new Error('ovm22: repository LUN too small');
  const vol = formatVolume(world, first, part, plan.plan, nextHex(rng, 32).toUpperCase());
  vol.formattedAtMs = -86400_000 * 200;
  const source = `/dev/mpath/${part.path.slice('/dev/mapper/'.length)}`;
  const repoUuid = nextHex(rng, 32).toUpperCase();
  writeReposEverywhere(world, hosts, { repos: [{ uuid: repoUuid, source }], root: repoUuid });
  for (const h of hosts) {
    const e = mountRepo(world, h, { uuid: repoUuid, source });
    if (e) throw new Error(`ovm22: ${e}`);
    initRepoLayout(world, h, repoUuid);
    linkRoot(world, h, repoUuid);
  }

  // A template in seed_pool and two guests in running_pool, one on each server.
  const root = mountDir(repoUuid);
  mkdir(world, first, `${root}/seed_pool/OVM_EL5U5_X86_64_PVM_10GB`, '/', true);
  putNode(world, first, `${root}/seed_pool/OVM_EL5U5_X86_64_PVM_10GB/System.img`, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 10 * GiB });
  writeFile(world, first, `${root}/seed_pool/OVM_EL5U5_X86_64_PVM_10GB/vm.cfg`, vmCfg22('OVM_EL5U5_X86_64_PVM_10GB', '/OVS/seed_pool', 1024, 1, '00:16:3E:00:00:00', '00000000-0000-0000-0000-000000000000'));
  ['el5_web1', 'el5_db1'].forEach((name, i) => addGuest(world, hosts[i % hosts.length]!, first, name, i));
  return world;
}

/** An OVM 2.2 vm.cfg as the 2.2 Manager writes it for a PV guest [INFERRED field order]. */
export function vmCfg22(name: string, base: string, memory: number, vcpus: number, mac: string, uuid: string): string {
  return [
    "bootloader = '/usr/bin/pygrub'",
    `disk = ['file:${base}/${name}/System.img,xvda,w']`,
    `memory = '${memory}'`,
    `name = '${name}'`,
    "on_crash = 'restart'",
    "on_reboot = 'restart'",
    `uuid = '${uuid}'`,
    `vcpus = ${vcpus}`,
    "vfb = ['type=vnc,vncunused=1,vnclisten=0.0.0.0,vncpasswd=oracle']",
    `vif = ['bridge=xenbr0,mac=${mac},type=netfront']`,
    "vif_other_config = []",
    '',
  ].join('\n');
}

function addGuest(world: WorldState, runOn: HostState, writer: HostState, name: string, i: number): void {
  const rng = world.rng;
  const h = nextHex(rng, 32);
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  const mac = oracleMac(rng).replace(/^00:21:f6/, '00:16:3e').toUpperCase();
  const memoryMiB = i === 0 ? 2048 : 4096;
  const vcpus = i === 0 ? 1 : 2;
  const dir = `/OVS/running_pool/${name}`;
  mkdir(world, writer, dir, '/', true);
  putNode(world, writer, `${dir}/System.img`, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 12 * GiB });
  writeFile(world, writer, `${dir}/vm.cfg`, vmCfg22(name, '/OVS/running_pool', memoryMiB, vcpus, mac, uuid));
  const startedAtMs = -(3600 + nextInt(rng, 20 * 86400)) * 1000;
  const dom = newDomain({
    name,
    uuid,
    simpleName: name,
    host: runOn.name,
    domid: runOn.nextDomId++,
    state: 'blocked',
    memoryMiB,
    maxMemMiB: memoryMiB,
    vcpus,
    maxVcpus: vcpus,
    weight: 256,
    hvm: false,
    osType: 'Oracle Enterprise Linux 5',
    cfgPath: `${dir}/vm.cfg`,
    startedAtMs,
    cpuTimeS: Math.round(((-startedAtMs / 1000) * vcpus * 0.08) * 10) / 10,
    workload: { cpuDemand: 0.08, readIops: 20, writeIops: 8, sectorsPerRequest: 16 },
    disks: [{ kind: 'file', path: `${dir}/System.img`, vdev: 'xvda', mode: 'w', cdrom: false }],
    vifs: [{ mac, bridge: 'xenbr0' }],
    production: i === 1,
  });
  world.domains[name] = dom;
}
