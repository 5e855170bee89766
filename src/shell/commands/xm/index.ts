// `xm`, the xend toolstack CLI: dispatch with xm's prefix matching and help conventions
// (reference §1.1). Each subcommand lives in its own file and is listed in SUBCOMMANDS.
import { defineCommand, ok, type CommandSpec } from '../../types';
import { activeDomains } from '../../../sim/world';
import { shortHelp } from './help';
import { list } from './list';
import { pause, unpause } from './pause';
import { usageBlock, type XmSubcommand } from './subcommand';

const SUBCOMMANDS: readonly XmSubcommand[] = [list, pause, unpause];

/** Exact name, else a prefix matching exactly one subcommand (`xm li` is `xm list`). */
export function resolveSubcommand(word: string): XmSubcommand | undefined {
  const exact = SUBCOMMANDS.find((s) => s.name === word);
  if (exact) return exact;
  const matches = SUBCOMMANDS.filter((s) => s.name.startsWith(word));
  return matches.length === 1 ? matches[0] : undefined;
}

function fullHelp(): string {
  const rows = [...SUBCOMMANDS].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ` ${s.name.padEnd(20)} ${s.description}`);
  return `Usage: xm <subcommand> [args]\n\nControl, list, and manipulate Xen guest instances.\n\nxm full list of subcommands:\n\n${rows.join('\n')}\n\n<Domain> can either be the Domain Name or Id.\nFor more help on 'xm' see the xm(1) man page.\nFor more help on 'xm create' see the xmdomain.cfg(5)  man page.\n`;
}

export const xmCommand = defineCommand({
  name: 'xm',
  summary: 'Xen management: list, create, migrate and control guest domains',
  usage: 'xm <subcommand> [args]',
  complete(c, words, cur) {
    if (!words.length) return [...SUBCOMMANDS.map((s) => s.name), 'help'].filter((n) => n.startsWith(cur));
    // Every subcommand here takes domains as arguments.
    return activeDomains(c.world, c.host.name).map((d) => d.name).concat('Domain-0').filter((n) => n.startsWith(cur));
  },
  run(ctx) {
    const [word, ...args] = ctx.args;
    if (word === undefined) return { stdout: shortHelp(ctx.host.release), stderr: '', exitCode: 1 };
    if (word === 'help' || word === '--help' || word === '-h') return ok(fullHelp());
    const sub = resolveSubcommand(word);
    if (!sub) return { stdout: shortHelp(ctx.host.release), stderr: `Error: Subcommand ${word} not found!\n`, exitCode: 1, stderrFirst: true };
    if (args.includes('-h') || args.includes('--help')) return { stdout: usageBlock(sub), stderr: '', exitCode: 1 };
    if (ctx.host.services.xend !== 'running') {
      return { stdout: '', stderr: 'Error: Unable to connect to xend: No such file or directory. Is xend running?\n', exitCode: 1 };
    }
    return sub.run(ctx, args);
  },
});

export const xm: readonly CommandSpec[] = [xmCommand];
