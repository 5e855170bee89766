// `ping` between the servers of the data centre (by name, FQDN or address), on the clock.
import { getHost } from '../../../sim/world';
import { pingProgram } from '../../../programs/ping';
import { getopt } from '../../getopt';
import { defineCommand, fail } from '../../types';

const USAGE = 'Usage: ping [-LRUbdfnqrvVaA] [-c count] [-i interval] [-w deadline]\n            [-p pattern] [-s packetsize] [-t ttl] [-I interface or address]\n            [-M mtu discovery hint] [-S sndbuf]\n            [ -T timestamp option ] [ -Q tos ] [hop1 ...] destination\n';

/** The part of iputils' getopt string the sandbox knows; a bad count or interval is refused where the loop meets it. */
const ARGS = getopt('c:i:w:s:t:qnvd', {
  prog: 'ping',
  usage: USAGE,
  exitCode: 2,
  checks: {
    c: (v) => (/^\d+$/.test(v) && Number(v) !== 0 ? undefined : 'ping: bad number of packets to transmit.'),
    i: (v) => (/^\d+(\.\d+)?$/.test(v) ? undefined : 'ping: bad timing interval.'),
  },
  usageAfterCheck: false,
});

export const ping = defineCommand({
  name: 'ping',
  dir: '/bin',
  summary: 'send ICMP echo requests to another server (ping -c 3 HOST)',
  man: { section: 8, name: 'send ICMP ECHO_REQUEST to network hosts', synopsis: ['ping [ -c count] [ -i interval] destination'], description: ['ping uses the ICMP protocol\'s mandatory ECHO_REQUEST datagram to elicit an ICMP ECHO_RESPONSE from a host or gateway. Without -c it runs until interrupted with Ctrl-C, then prints statistics.'] },
  usage: 'ping [-c COUNT] [-i INTERVAL] HOST',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    const c = a.value('c');
    const count = c === undefined ? null : Number(c);
    const i = a.value('i');
    const interval = i === undefined ? 1 : Math.max(1, Math.round(Number(i)));
    // The destination is the last operand (iputils takes the ones before it as hops).
    const dest = a.operands[a.operands.length - 1];
    if (!dest) return fail(USAGE, 2);
    const self = ctx.host;
    const local = dest === 'localhost' || dest === '127.0.0.1' || dest === 'localhost.localdomain';
    const target = local ? self : getHost(ctx.world, dest);
    if (!target) {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(dest)) {
        return { stdout: '', stderr: '', exitCode: 0, program: pingProgram({ display: dest, ip: dest, from: dest, up: () => false, localIp: self.ip, local: false }, count, interval) };
      }
      return fail(`ping: unknown host ${dest}\n`, 2);
    }
    const byAddress = /^\d+\.\d+\.\d+\.\d+$/.test(dest);
    const ip = local ? '127.0.0.1' : target.ip;
    const name = local ? 'localhost' : `${target.name}.${target.domain}`;
    const display = byAddress ? dest : name;
    const from = byAddress ? ip : `${name} (${ip})`;
    const world = ctx.world;
    return { stdout: '', stderr: '', exitCode: 0, program: pingProgram({ display, ip, from, up: () => !world.hosts[target.name]?.down, localIp: self.ip, local: local || target === self }, count, interval) };
  },
});
