// `multipathd`: `-k` starts the interactive client, `-k"CMD"` runs one CLI command against the
// running daemon (reference §4.4); without -k it would start a daemon (one is always managed by
// `service multipathd`). getopt string of 0.4.9: "dv:k::" (the C-getopt adapter parses it).
import { STRERROR } from '../../sim/errno';
import { runCli } from '../../sim/storage/multipath/multipathd-cli';
import { hostSan } from '../../sim/storage/san/san';
import { multipathdCli } from '../../programs/multipathd-cli';
import { getopt } from '../getopt';
import { defineCommand, type CommandOutcome } from '../types';

const NOT_RUNNING: CommandOutcome = { stdout: '', stderr: `ux_socket_connect: ${STRERROR.ECONNREFUSED}\n`, exitCode: 1 };

const ARGS = getopt('dv:k::', {
  prog: 'multipathd',
  // `-k` runs the client from inside the getopt loop and exits: what follows it is never parsed.
  stopAfter: ['k'],
});

export const multipathd = defineCommand({
  name: 'multipathd',
  dir: '/sbin',
  summary: 'multipath daemon; -k talks to the running daemon',
  usage: 'multipathd [-d] [-v level] [-k[command]]',
  complete(_c, words, cur) {
    if (words.length) return [];
    return ['-k', '-kshow paths', '-kshow maps', '-kshow topology', '-kshow config', '-kshow status', '-kreconfigure'].filter((x) => x.startsWith(cur));
  },
  args: ARGS,
  run(ctx) {
    // `k::`: the command must be glued to -k; `-k show paths` is the interactive client.
    const k = ctx.parsed.has('k') ? (ctx.parsed.value('k') ?? null) : undefined;
    const hs = hostSan(ctx.world, ctx.host.name);
    const running = !!hs?.multipathd.running;
    if (k === undefined) return { stdout: '', stderr: '', exitCode: running ? 1 : 0 };
    if (!running) return NOT_RUNNING;
    if (k === null) return { stdout: '', stderr: '', exitCode: 0, program: multipathdCli() };
    const r = runCli(ctx.world, ctx.host.name, k);
    return { stdout: r.reply, stderr: '', exitCode: 0 };
  },
});
