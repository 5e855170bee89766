// `dmesg`: dom0's kernel ring buffer (sim/proc/dmesg); -c prints then clears it.
import { dmesgLines } from '../../../sim/proc/dmesg';
import { defineCommand, fail, ok } from '../../types';

const USAGE = 'Usage: dmesg [-c] [-n level] [-r] [-s bufsize]\n';

export const dmesg = defineCommand({
  name: 'dmesg',
  summary: "print dom0's kernel ring buffer (xm dmesg shows the hypervisor's)",
  usage: 'dmesg [-c] [-n LEVEL] [-s BUFSIZE]',
  run(ctx) {
    let clear = false;
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-c') clear = true;
      else if (a === '-r') continue;
      else if (a === '-n' || a === '-s') {
        const v = args[++i];
        if (v === undefined || !/^\d+$/.test(v)) return fail(USAGE, 1);
        if (a === '-n') return ok();
      } else if (/^-[ns]\d+$/.test(a)) {
        if (a.startsWith('-n')) return ok();
      } else return fail(`dmesg: invalid option -- '${a.replace(/^-+/, '').charAt(0) || a}'\n${USAGE}`, 1);
    }
    const text = dmesgLines(ctx.world, ctx.host).map((l) => l + '\n').join('');
    if (clear) ctx.host.dmesgClearedMs = ctx.world.clockMs;
    return ok(text);
  },
});
