// Tools the field reports use around the agent and the array: do_rpc.py (the agent's XML-RPC
// test, OVM 2.x), the Navisphere host agent's init script (seed 003) and
// system-config-securitylevel (EL5's firewall switch). Output wording not shown in the reports
// is [INFERRED] and says so in the transcripts.
import { STRERROR, pyErrnoTuple } from '../../sim/errno';
import { agentSsl, checkAgentPassword } from '../../sim/agent-password';
import { NAVI_INIT, naviInstalled, startNaviAgent, stopNaviAgent } from '../../sim/navi-agent';
import { serviceState, setServiceState } from '../../sim/services';
import { getHost } from '../../sim/world';
import { defineCommand, fail, ok, type CommandContext, type CommandSpec } from '../types';

const onlyOn22 = (ctx: CommandContext) => ({ stdout: '', stderr: `-bash: ${ctx.name}: ${ctx.name.includes('/') ? STRERROR.ENOENT : 'command not found'}\n`, exitCode: 127 });

const DO_RPC = '/opt/ovs-agent-2.3/utils/do_rpc.py';

/** A Python 2.4 traceback ending in `last` (do_rpc.py's own frame, then xmlrpclib's). */
const traceback = (last: string) => `Traceback (most recent call last):\n  File "${DO_RPC}", line 31, in ?\n    print getattr(server, method)(*args)\n${last}\n`;

const doRpc = defineCommand({
  name: 'do_rpc.py',
  release: 'ovm22',
  dir: '/opt/ovs-agent-2.3/utils',
  summary: 'call a method of an Oracle VM agent over XML-RPC (connectivity test: … echo hello)',
  usage: 'do_rpc.py https://USER:PASSWORD@HOST:8899 METHOD [ARGS...]',
  run(ctx) {
    if (ctx.host.release !== 'ovm22') return onlyOn22(ctx);
    const [url, method, ...args] = ctx.args;
    if (!url || !method) return fail(`usage: ${DO_RPC} https://user:password@host:8899 method [args...]\n`, 1);
    const m = /^(https?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/]+)(?::(\d+))?\/?$/.exec(url);
    if (!m) return fail(traceback(`IOError: unsupported XML-RPC protocol`), 1);
    const [, scheme, user = '', password = '', hostName = '', port = scheme === 'https' ? '443' : '80'] = m;
    const host = getHost(ctx.world, hostName);
    if (!host) return fail(traceback(`socket.gaierror: (-2, 'Name or service not known')`), 1);
    if (host.down || port !== '8899' || serviceState(host, 'ovs-agent') !== 'running') return fail(traceback(`socket.error: ${pyErrnoTuple('ECONNREFUSED')}`), 1);
    const ssl = agentSsl(ctx.world, host);
    if (ssl && scheme === 'http') return fail(traceback(`socket.error: ${pyErrnoTuple('ECONNRESET')}`), 1);
    if (!ssl && scheme === 'https') return fail(traceback(`socket.sslerror: (1, 'error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol')`), 1);
    if (!checkAgentPassword(ctx.world, host, user, password)) {
      return fail(traceback(`xmlrpclib.ProtocolError: <ProtocolError for ${user}:${password}@${hostName}:${port}/RPC2: 403 Forbidden>`), 1);
    }
    if (method === 'echo') return ok(`${args.join(' ')}\n`);
    return fail(traceback(`xmlrpclib.Fault: <Fault 1: '<type \\'exceptions.Exception\\'>:method "${method}" is not supported'>`), 1);
  },
});

const naviagent = defineCommand({
  name: 'naviagent',
  dir: '/etc/rc.d/init.d',
  summary: 'EMC Navisphere host agent init script (/etc/rc.d/init.d/naviagent start|stop|status)',
  usage: '/etc/rc.d/init.d/naviagent {start|stop|status|restart}',
  run(ctx) {
    if (!naviInstalled(ctx.world, ctx.host)) return { stdout: '', stderr: `-bash: ${NAVI_INIT}: ${STRERROR.ENOENT}\n`, exitCode: 127 };
    const [verb] = ctx.args;
    const running = ctx.host.services.naviagent === 'running';
    const line = (msg: string, good: boolean) => `${msg.padEnd(59)}[${good ? '  OK  ' : 'FAILED'}]\n`;
    if (verb === 'start' || verb === 'restart') {
      if (running && verb === 'start') return ok(line('Starting Naviagent:', false));
      startNaviAgent(ctx.world, ctx.host);
      return ok(line('Starting Naviagent:', true));
    }
    if (verb === 'stop') {
      stopNaviAgent(ctx.world, ctx.host);
      return ok(line('Stopping Naviagent:', running));
    }
    if (verb === 'status') return { stdout: running ? 'naviagent is running\n' : 'naviagent is stopped\n', stderr: '', exitCode: running ? 0 : 3 };
    return fail(`Usage: ${NAVI_INIT} {start|stop|status|restart}\n`, 1);
  },
});

const securityLevel = defineCommand({
  name: 'system-config-securitylevel',
  release: 'ovm22',
  summary: 'switch the firewall (iptables) on or off (Enterprise Linux 5)',
  usage: 'system-config-securitylevel [-q] [--enabled|--disabled] [-p PORT:PROTO]',
  run(ctx) {
    if (ctx.host.release !== 'ovm22') return onlyOn22(ctx);
    let state: 'running' | 'stopped' | null = null;
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (a === '--disabled') state = 'stopped';
      else if (a === '--enabled') state = 'running';
      else if (a === '-q' || a === '--quiet') continue;
      else if (a === '-p' || a === '--port') i++;
      else return fail(`Usage: system-config-securitylevel [-q] [--enabled|--disabled] [-p PORT:PROTO]\n`, 1);
    }
    // Without options the real tool opens its text screen; here the firewall is switched off,
    // which is what the report's step does with it [INFERRED: the screen itself is not shown].
    setServiceState({ world: ctx.world, host: ctx.host }, 'iptables', state ?? 'stopped');
    return ok();
  },
});

export const ovmTools: readonly CommandSpec[] = [doRpc, naviagent, securityLevel];
