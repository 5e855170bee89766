// The Oracle VM agent as a service: `service ovs-agent status|start|stop|restart` (OVM 3: one line
// per sub-server, reference §8.4 [INFERRED]; OVM 2.2's ovs-agent 2.3 prints "ok! process … exists.")
// and /etc/ovs-agent/agent.ini. Registered with one line in sim/services.ts.
import { servicePid } from '../../pids';
import type { HostState } from '../../types';
import type { ServiceCtx, ServiceDef, ServiceOut } from '../../services';

export const AGENT_INI = '/etc/ovs-agent/agent.ini';

const SUBSERVERS = ['log', 'notificationserver', 'remaster', 'monitor', 'ha', 'stats', 'xmlrpc', 'fsstats', 'apparentsize'] as const;
const OVM22_SERVERS = ['OVSLogServer', 'OVSMonitorServer', 'OVSPolicyServer', 'OVSAgentServer', 'OVSRemasterServer'] as const;

/** The agent's daemons' pids: the service's pid, then the sub-servers forked after it. */
export function agentPids(host: HostState): number[] {
  const base = servicePid(host, 'ovs-agent');
  const steps = [0, 347, 353, 355, 357, 359, 363, 365, 368];
  return SUBSERVERS.map((_, i) => base + steps[i]!);
}

function running(c: ServiceCtx): boolean {
  return c.host.services['ovs-agent'] !== 'stopped';
}

function status(c: ServiceCtx): ServiceOut {
  if (c.host.release === 'ovm22') {
    if (!running(c)) return { stdout: OVM22_SERVERS.map((s) => `process ${s} doesn't exist.\n`).join(''), exitCode: 3 };
    return { stdout: OVM22_SERVERS.map((s) => `ok! process ${s} exists.\n`).join('') + 'ok! OVSAgentServer is alive.\n', exitCode: 0 };
  }
  if (!running(c)) return { stdout: SUBSERVERS.map((s) => `${s} server is stopped\n`).join(''), exitCode: 3 };
  const pids = agentPids(c.host);
  return { stdout: SUBSERVERS.map((s, i) => `${s} server (pid ${pids[i]}) is running...\n`).join(''), exitCode: 0 };
}

export const OVS_AGENT_SERVICE: Partial<ServiceDef> & { name: string } = {
  name: 'ovs-agent',
  startMsg: 'Starting Oracle VM Agent: ',
  stopMsg: 'Stopping Oracle VM Agent: ',
  verbs: ['start', 'stop', 'restart', 'status', 'configure'],
  actions: { status },
};

/** agent.ini of an OVM 3.4 server [INFERRED: keys from the agent's config reader as remembered]. */
export function agentIni(host: HostState): string {
  const version = host.release === 'ovm22' ? '2.3' : '3.4.6';
  return [
    '[DEFAULT]',
    `api_version=${version}`,
    'ssl=enable',
    'port=8899',
    'log_level=INFO',
    'ssl_certificate=/etc/ovs-agent/cert/certificate.pem',
    'ssl_private_key=/etc/ovs-agent/cert/key.pem',
    '',
    '[server]',
    'ha=enable',
    '',
    '[remaster]',
    'interval=60',
    '',
    '[monitor]',
    'interval=10',
    '',
    '[stats]',
    'interval=20',
    '',
  ].join('\n');
}
