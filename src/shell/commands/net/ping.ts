// `ping` between the servers of the data centre (by name, FQDN or address), on the clock.
import { getHost } from '../../../sim/world';
import { pingProgram } from '../../../programs/ping';
import { defineCommand, fail } from '../../types';

const USAGE = 'Usage: ping [-LRUbdfnqrvVaA] [-c count] [-i interval] [-w deadline]\n            [-p pattern] [-s packetsize] [-t ttl] [-I interface or address]\n            [-M mtu discovery hint] [-S sndbuf]\n            [ -T timestamp option ] [ -Q tos ] [hop1 ...] destination\n';

export const ping = defineCommand({
  name: 'ping',
  summary: 'send ICMP echo requests to another server (ping -c 3 HOST)',
  man: { section: 8, name: 'send ICMP ECHO_REQUEST to network hosts', synopsis: ['ping [ -c count] [ -i interval] destination'], description: ['ping uses the ICMP protocol\'s mandatory ECHO_REQUEST datagram to elicit an ICMP ECHO_RESPONSE from a host or gateway. Without -c it runs until interrupted with Ctrl-C, then prints statistics.'] },
  usage: 'ping [-c COUNT] [-i INTERVAL] HOST',
  run(ctx) {
    let count: number | null = null;
    let interval = 1;
    let dest: string | undefined;
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const m = /^-([ciwst])(.*)$/.exec(a);
      if (m) {
        const v = m[2] || args[++i];
        if (v === undefined) return fail(`ping: option requires an argument -- '${m[1]}'\n${USAGE}`, 2);
        if (m[1] === 'c') {
          if (!/^\d+$/.test(v) || Number(v) === 0) return fail('ping: bad number of packets to transmit.\n', 2);
          count = Number(v);
        } else if (m[1] === 'i') {
          if (!/^\d+(\.\d+)?$/.test(v)) return fail('ping: bad timing interval.\n', 2);
          interval = Math.max(1, Math.round(Number(v)));
        }
        continue;
      }
      if (/^-[qnvd]+$/.test(a)) continue;
      if (a.startsWith('-')) return fail(`ping: invalid option -- '${a.charAt(1)}'\n${USAGE}`, 2);
      dest = a;
    }
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
