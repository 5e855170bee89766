// The EMC Navisphere host agent of seed 003: installed from its rpm, started from its init
// script, it registers the host with the array using the IP of /agentID.txt's second line and
// writes the identity it chose to /var/log/HostIdFile.txt. [INFERRED file contents.]
import { lookup, mkdir, putNode, readFile, writeFile } from './vfs';
import type { HostState, WorldState } from './types';

export const NAVI_RPM = 'NaviHostAgent-Linux-32-x86-en_US-6.29.0.6.1-1.i386.rpm';
export const NAVI_INIT = '/etc/rc.d/init.d/naviagent';
export const HOST_ID_FILE = '/var/log/HostIdFile.txt';

const INIT_SCRIPT = '#!/bin/sh\n#\n# naviagent   EMC Navisphere Host Agent\n#\n# chkconfig: 2345 95 05\n# description: Navisphere host agent\n';

export const naviInstalled = (world: WorldState, host: HostState): boolean => lookup(world, host, NAVI_INIT).ok;

/** rpm -Uvh of the host agent: the init script and the agent's files. */
export function installNaviAgent(world: WorldState, host: HostState): void {
  mkdir(world, host, '/etc/rc.d/init.d', '/', true);
  putNode(world, host, NAVI_INIT, { type: 'file', mode: 0o755, mtimeMs: world.clockMs, content: INIT_SCRIPT });
  mkdir(world, host, '/opt/Navisphere/bin', '/', true);
  putNode(world, host, '/opt/Navisphere/bin/naviagent', { type: 'file', mode: 0o755, mtimeMs: world.clockMs, content: '' });
}

/** Starting the agent: the IP it binds to (agentID.txt line 2, else the host's own) goes to HostIdFile.txt. */
export function startNaviAgent(world: WorldState, host: HostState): string {
  const id = readFile(world, host, '/agentID.txt');
  const lines = id.ok ? id.value.split('\n').map((l) => l.trim()) : [];
  const fqdn = lines[0] || `${host.name}.${host.domain}`;
  const ip = lines[1] || host.ip;
  host.services.naviagent = 'running';
  writeFile(world, host, HOST_ID_FILE, `${fqdn}\n${ip}\n`);
  return ip;
}

export function stopNaviAgent(world: WorldState, host: HostState): void {
  void world;
  host.services.naviagent = 'stopped';
}

/** The rpm file an administrator copied to /root (seed 003 installs it from there). */
export function stageNaviRpm(world: WorldState, host: HostState): void {
  putNode(world, host, `/root/${NAVI_RPM}`, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 10_412_837 });
}
