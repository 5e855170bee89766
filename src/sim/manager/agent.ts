// The Manager's side of the Oracle VM agent: whether a server's agent answers, the agent password
// (master failover needs the same on every server), and the calls' lines in /var/log/ovs-agent.log.
import { appendLog, isoStamp } from '../logs';
import { agentPasswordDigest, DEFAULT_AGENT_PASSWORD } from '../agent-password';
import { sha1Hex } from '../../lib/sha1';
import { servicePid } from '../processes';
import { serviceState } from '../services';
import type { HostState, WorldState } from '../types';

export const AGENT_LOG = '/var/log/ovs-agent.log';

/**
 * What master failover compares between servers: the digest of the agent password that
 * `service ovs-agent configure` set (sim/agent-password.ts); a server without a passwdfile has the
 * installation default.
 */
export function agentPasswordOf(world: WorldState, host: HostState): string {
  return agentPasswordDigest(world, host) ?? sha1Hex(DEFAULT_AGENT_PASSWORD);
}

/** The agent answers: host up and ovs-agent running. */
export function agentAlive(host: HostState | undefined): host is HostState {
  return !!host && !host.down && serviceState(host, 'ovs-agent') === 'running';
}

/** One agent log line in the 3.x format: `[2026-03-02 08:01:02 2188] DEBUG (service:77) text`. */
export function agentLog(world: WorldState, host: HostState, level: 'DEBUG' | 'INFO' | 'ERROR', where: string, text: string): void {
  appendLog(world, host, AGENT_LOG, `[${isoStamp(world)} ${servicePid(host, 'ovs-agent')}] ${level} (${where}) ${text}`);
}

/** The Manager calls the agent: `call start` now; the caller logs `call complete` or an error. */
export function agentCallStart(world: WorldState, host: HostState, call: string, args: string[]): void {
  agentLog(world, host, 'DEBUG', 'service:77', `call start: ${call}(${args.map((a) => `'${a}'`).join(', ')})`);
}

export function agentCallDone(world: WorldState, host: HostState, call: string): void {
  agentLog(world, host, 'DEBUG', 'service:79', `call complete: ${call}`);
}

export function agentCallFailed(world: WorldState, host: HostState, call: string, msg: string): void {
  agentLog(world, host, 'ERROR', 'service:97', `catch_error: ${call}: ${msg}`);
}
