// `dmesg`: dom0's kernel ring buffer (sim/proc/dmesg); -c prints then clears it. getopt "crn:s:"
// as util-linux's dmesg.c calls it; usage() prints one line to stderr and exits 1.
import { dmesgLines } from '../../../sim/proc/dmesg';
import { getopt } from '../../getopt';
import { defineCommand, fail, ok } from '../../types';

const USAGE = 'Usage: dmesg [-c] [-n level] [-r] [-s bufsize]\n';

const number = (v: string) => (/^\d+$/.test(v) ? undefined : '');

const ARGS = getopt('crn:s:', { prog: 'dmesg', usage: USAGE, checks: { n: number, s: number } });

export const dmesg = defineCommand({
  name: 'dmesg',
  dir: '/bin',
  summary: "print dom0's kernel ring buffer (xm dmesg shows the hypervisor's)",
  man: { section: 1, name: 'print or control the kernel ring buffer', synopsis: ['dmesg [-c] [-n level] [-s bufsize]'], description: ['dmesg is used to examine or control the kernel ring buffer. The -c option clears the ring buffer after printing it. For the hypervisor\'s own messages use xm dmesg.'] },
  usage: 'dmesg [-c] [-n LEVEL] [-s BUFSIZE]',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    // dmesg.c: `argc -= optind; if (argc > 1) usage();` — one stray operand is ignored.
    if (a.operands.length > 1) return fail(USAGE, 1);
    // -n sets the console log level and prints nothing.
    if (a.has('n')) return ok();
    const text = dmesgLines(ctx.world, ctx.host).map((l) => l + '\n').join('');
    if (a.has('c')) ctx.host.dmesgClearedMs = ctx.world.clockMs;
    return ok(text);
  },
});
