// `multipathd`: `-k` starts the interactive client, `-k"CMD"` runs one CLI command against the
// running daemon (reference §4.4); without -k it would start a daemon (one is always managed by
// `service multipathd`). getopt string of 0.4.9: "dv:k::".
import { STRERROR } from '../../sim/errno';
import { runCli } from '../../sim/storage/multipath/multipathd-cli';
import { hostSan } from '../../sim/storage/san/san';
import { multipathdCli } from '../../programs/multipathd-cli';
import { defineCommand, type CommandOutcome } from '../types';

const NOT_RUNNING: CommandOutcome = { stdout: '', stderr: `ux_socket_connect: ${STRERROR.ECONNREFUSED}\n`, exitCode: 1 };

export const multipathd = defineCommand({
  name: 'multipathd',
  summary: 'multipath daemon; -k talks to the running daemon',
  usage: 'multipathd [-d] [-v level] [-k[command]]',
  complete(_c, words, cur) {
    if (words.length) return [];
    return ['-k', '-kshow paths', '-kshow maps', '-kshow topology', '-kshow config', '-kshow status', '-kreconfigure'].filter((x) => x.startsWith(cur));
  },
  run(ctx) {
    let k: string | null | undefined;
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (!a.startsWith('-') || a === '-') continue;
      if (a.startsWith('-k')) {
        // `k::`: the command must be glued to -k; `-k show paths` is the interactive client.
        k = a.length > 2 ? a.slice(2) : null;
        break;
      }
      if (a === '-d') continue;
      if (a.startsWith('-v')) {
        if (a === '-v') i++;
        continue;
      }
      return { stdout: '', stderr: `multipathd: invalid option -- '${a[1]}'\n`, exitCode: 1 };
    }
    const hs = hostSan(ctx.world, ctx.host.name);
    const running = !!hs?.multipathd.running;
    if (k === undefined) return { stdout: '', stderr: '', exitCode: running ? 1 : 0 };
    if (!running) return NOT_RUNNING;
    if (k === null) return { stdout: '', stderr: '', exitCode: 0, program: multipathdCli() };
    const r = runCli(ctx.world, ctx.host.name, k);
    return { stdout: r.reply, stderr: '', exitCode: 0 };
  },
});
