// The Manager's side of the Oracle VM agent: whether a server's agent answers, the agent password
// (master failover needs the same on every server), and the calls' lines in /var/log/ovs-agent.log.
import { appendLog, isoStamp } from '../logs';
import { servicePid } from '../processes';
import { serviceState } from '../services';
import type { HostState, WorldState } from '../types';

export const AGENT_LOG = '/var/log/ovs-agent.log';

/** The password `service ovs-agent configure` set on a host ('oracle' when never configured). */
export function agentPasswordOf(host: HostState): string {
  const h = host as HostState & { agentPassword?: string; agent?: { password?: string } };
  return h.agentPassword ?? h.agent?.password ?? 'oracle';
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
