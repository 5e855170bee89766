// `brctl` (bridge-utils 1.2): the bridges of dom0 and their ports (reference §7).
import { STRERROR } from '../../../sim/errno';
import { bridges, interfaces } from '../../../sim/network';
import { defineCommand, fail, ok } from '../../types';

const USAGE = `Usage: brctl [commands]
commands:
\taddbr     \t<bridge>\t\tadd bridge
\tdelbr     \t<bridge>\t\tdelete bridge
\taddif     \t<bridge> <device>\tadd interface to bridge
\tdelif     \t<bridge> <device>\tdelete interface from bridge
\tsetageing \t<bridge> <time>\t\tset ageing time
\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
\tsetfd     \t<bridge> <time>\t\tset bridge forward delay
\tsethello  \t<bridge> <time>\t\tset hello time
\tsetmaxage \t<bridge> <time>\t\tset max message age
\tsetpathcost\t<bridge> <port> <cost>\tset path cost
\tsetportprio\t<bridge> <port> <prio>\tset port priority
\tshow      \t[ <bridge> ]\t\tshow a list of bridges
\tshowmacs  \t<bridge>\t\tshow a list of mac addrs
\tshowstp   \t<bridge>\t\tshow bridge stp info
\tstp       \t<bridge> {on|off}\tturn stp on/off
`;

const HEADER = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';

export const brctl = defineCommand({
  name: 'brctl',
  dir: '/usr/sbin',
  summary: "show dom0's ethernet bridges (one per Oracle VM network) and their ports",
  man: {
    section: 8,
    name: 'ethernet bridge administration',
    synopsis: ['brctl [command]'],
    description: ['brctl is used to set up, maintain, and inspect the ethernet bridge configuration in the linux kernel. On Oracle VM Server every network is a bridge; the guests\' virtual interfaces (vifDOMID.N) are ports of the bridge their vm.cfg names.', 'brctl show shows all current instances of the ethernet bridge.'],
  },
  usage: 'brctl show [BRIDGE]',
  complete: (c, words, cur) => (words.length ? bridges(c.world, c.host).map((b) => b.name) : ['show', 'showmacs', 'showstp', 'addbr', 'delbr', 'addif', 'delif']).filter((w) => w.startsWith(cur)),
  run(ctx) {
    const [cmd, a1, a2] = ctx.args;
    if (!cmd) return fail(USAGE, 1);
    const all = bridges(ctx.world, ctx.host);
    const ifs = interfaces(ctx.world, ctx.host);
    const find = (n: string | undefined) => all.find((b) => b.name === n);
    switch (cmd) {
      case 'show': {
        const pick = a1 ? all.filter((b) => b.name === a1) : all;
        let out = HEADER;
        for (const b of pick) {
          out += `${b.name}\t\t${b.id}\t${b.stp ? 'yes' : 'no'}\t\t${b.ports[0] ?? ''}\n`;
          for (const p of b.ports.slice(1)) out += `\t\t\t\t\t\t\t${p}\n`;
        }
        if (a1 && !pick.length) return { stdout: out, stderr: `bridge ${a1} does not exist!\n`, exitCode: 1 };
        return ok(out);
      }
      case 'showmacs':
      case 'showstp': {
        if (!a1) return fail(USAGE, 1);
        const b = find(a1);
        if (!b) return fail(`bridge ${a1} does not exist!\n`, 1);
        if (cmd === 'showmacs') {
          let out = 'port no\tmac addr\t\tis local?\tageing timer\n';
          b.ports.forEach((p, i) => {
            const nif = ifs.find((x) => x.name === p)!;
            if (nif.kind === 'nic' || nif.kind === 'bond') out += `${String(i + 1).padStart(3)}\t${nif.mac}\tyes\t\t   0.00\n`;
          });
          return ok(out);
        }
        return ok(`${b.name}\n bridge id\t\t${b.id}\n designated root\t${b.id}\n root port\t\t   0\t\t\tpath cost\t\t   0\n max age\t\t  20.00\t\t\tbridge max age\t\t  20.00\n hello time\t\t   2.00\t\t\tbridge hello time\t   2.00\n forward delay\t\t   0.00\t\t\tbridge forward delay\t   0.00\n ageing time\t\t 300.00\n hello timer\t\t   0.00\t\t\ttcn timer\t\t   0.00\n topology change timer\t   0.00\t\t\tgc timer\t\t   0.04\n flags\t\t\t\n\n`);
      }
      case 'addbr':
        if (!a1) return fail(USAGE, 1);
        if (ifs.some((i) => i.name === a1)) return fail(`device ${a1} already exists; can't create bridge with the same name\n`, 1);
        return fail(`add bridge failed: ${STRERROR.EPERM}\n`, 1);
      case 'delbr':
        if (!a1) return fail(USAGE, 1);
        if (!find(a1)) return fail(`bridge ${a1} doesn't exist; can't delete it\n`, 1);
        return fail(`bridge ${a1} is still up; can't delete it\n`, 1);
      case 'addif':
      case 'delif': {
        if (!a1 || !a2) return fail(USAGE, 1);
        const b = find(a1);
        if (!b) return fail(`bridge ${a1} does not exist!\n`, 1);
        const nif = ifs.find((i) => i.name === a2);
        if (!nif) return fail(`interface ${a2} does not exist!\n`, 1);
        if (cmd === 'addif') {
          if (nif.master) return fail(`device ${a2} is already a member of a bridge; can't add it to bridge ${a1}.\n`, 1);
          return fail(`can't add ${a2} to bridge ${a1}: ${STRERROR.EPERM}\n`, 1);
        }
        if (nif.master !== a1) return fail(`device ${a2} is not a slave of ${a1}\n`, 1);
        return fail(`can't delete ${a2} from ${a1}: ${STRERROR.EPERM}\n`, 1);
      }
      default:
        return fail(`never heard of command [${cmd}]\n${USAGE}`, 1);
    }
  },
});
