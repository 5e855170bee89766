// The network family: ssh (a nested shell on another dom0), ip, ifconfig, brctl, ping.
import { serviceState } from '../../sim/services';
import { getHost, hostNames } from '../../sim/world';
import { defineCommand, fail, type CommandSpec } from '../types';
import { brctl } from './net/bridge';
import { ifconfig, ip } from './net/iface';
import { ping } from './net/ping';

const ssh = defineCommand({
  name: 'ssh',
  summary: 'log in to another server of the pool',
  usage: 'ssh [user@]HOST [command]',
  complete: (c, words, cur) => (words.length ? [] : hostNames(c.world).filter((n) => n.startsWith(cur))),
  run(ctx) {
    const target = ctx.args.find((a) => !a.startsWith('-'));
    if (!target) {
      return fail('usage: ssh [-1246AaCfgKkMNnqsTtVvXxYy] [-b bind_address] [-c cipher_spec]\n           [-D [bind_address:]port] [-e escape_char] [-F configfile]\n           [-i identity_file] [-L [bind_address:]port:host:hostport]\n           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]\n           [-R [bind_address:]port:host:hostport] [-S ctl_path]\n           [-W host:port] [-w local_tun[:remote_tun]]\n           [user@]hostname [command]\n', 255);
    }
    const name = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
    const host = getHost(ctx.world, name);
    if (!host) return fail(`ssh: Could not resolve hostname ${name}: Name or service not known\n`, 255);
    if (host.down) return fail(`ssh: connect to host ${name} port 22: No route to host\n`, 255);
    if (serviceState(host, 'sshd') !== 'running') return fail(`ssh: connect to host ${name} port 22: Connection refused\n`, 255);
    const last = `Last login: ${lastLogin(ctx.world.epochMs + ctx.world.clockMs - 3 * 3600_000)} from ${ctx.host.ip}\n`;
    return { stdout: last, stderr: '', exitCode: 0, action: { kind: 'ssh', host: host.name } };
  },
});

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Mar  3 09:12:44 2026`, the format of sshd's "Last login" banner. */
function lastLogin(ms: number): string {
  const d = new Date(ms);
  const hh = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh(d.getUTCHours())}:${hh(d.getUTCMinutes())}:${hh(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const net: readonly CommandSpec[] = [ssh, ip, ifconfig, brctl, ping];
