// The Oracle VM agent's password (the one `service ovs-agent configure` sets and the Manager
// logs in with): kept as a digest in /etc/ovs-agent/passwdfile [INFERRED format: user:sha1-hex].
// Master failover needs the same password on every server of the pool (Manager issue).
import { sha1Hex } from '../lib/sha1';
import { mkdir, putNode, readFile } from './vfs';
import type { HostState, WorldState } from './types';

export const PASSWDFILE = '/etc/ovs-agent/passwdfile';
/** The agent's user name: not an operating-system account (seed 001). */
export const AGENT_USER = 'oracle';
/** The password installations are given when the installer is not asked for another. */
export const DEFAULT_AGENT_PASSWORD = 'oracle';

/** Sets the agent password of one server (the file the agent reads at its next request). */
export function setAgentPassword(world: WorldState, host: HostState, password: string): void {
  mkdir(world, host, '/etc/ovs-agent', '/', true);
  putNode(world, host, PASSWDFILE, { type: 'file', mode: 0o600, mtimeMs: world.clockMs, content: `${AGENT_USER}:${sha1Hex(password)}\n` });
}

/** The digest of a server's agent password, or null when the file is missing or unreadable. */
export function agentPasswordDigest(world: WorldState, host: HostState): string | null {
  const r = readFile(world, host, PASSWDFILE);
  if (!r.ok) return null;
  const m = /^([^:\s]+):([0-9a-f]{40})$/m.exec(r.value);
  return m && m[1] === AGENT_USER ? m[2]! : null;
}

/** Whether `user`/`password` would be let in by this server's agent. */
export function checkAgentPassword(world: WorldState, host: HostState, user: string, password: string): boolean {
  return user === AGENT_USER && agentPasswordDigest(world, host) === sha1Hex(password);
}

/** Whether two servers' agents have the same password (what master failover needs). */
export function sameAgentPassword(world: WorldState, a: HostState, b: HostState): boolean {
  const da = agentPasswordDigest(world, a);
  return da !== null && da === agentPasswordDigest(world, b);
}

/** `ssl=enable|disable` in agent.ini's [DEFAULT] section (the agent reads it when it starts). */
export function setAgentSsl(world: WorldState, host: HostState, on: boolean): void {
  const r = readFile(world, host, '/etc/ovs-agent/agent.ini');
  const text = r.ok ? r.value : '[DEFAULT]\n';
  const line = `ssl=${on ? 'enable' : 'disable'}`;
  const next = /^ssl=.*$/m.test(text) ? text.replace(/^ssl=.*$/m, line) : text.replace(/^\[DEFAULT\]\n/m, `[DEFAULT]\n${line}\n`);
  putNode(world, host, '/etc/ovs-agent/agent.ini', { type: 'file', mode: 0o644, mtimeMs: world.clockMs, content: next });
}

/** Whether the agent serves XML-RPC over SSL (agent.ini ssl=enable; the default when unset). */
export function agentSsl(world: WorldState, host: HostState): boolean {
  const r = readFile(world, host, '/etc/ovs-agent/agent.ini');
  return !r.ok || !/^ssl=disable\s*$/m.test(r.value);
}
