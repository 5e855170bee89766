// xm's short help (reference §1.2): rows ' %-20s %-50s' padded to column 72, descriptions
// wrapped at 50 columns with continuation lines indented 22 spaces.
import type { Release } from '../../../sim/types';

const COMMON: ReadonlyArray<readonly [string, string]> = [
  ['console', "Attach to <Domain>'s console."],
  ['vncviewer', "Attach to <Domain>'s VNC server."],
  ['create', 'Create a domain based on <ConfigFile>.'],
  ['new', 'Adds a domain to Xend domain management'],
  ['delete', 'Remove a domain from Xend domain management.'],
  ['destroy', 'Terminate a domain immediately.'],
  ['dump-core', 'Dump core for a specific domain.'],
  ['help', 'Display this message.'],
  ['list', 'List information about all/some domains.'],
  ['mem-set', 'Set the current memory usage for a domain.'],
  ['migrate', 'Migrate a domain to another machine.'],
  ['pause', 'Pause execution of a domain.'],
  ['reboot', 'Reboot a domain.'],
  ['reset', 'Reset a domain.'],
  ['restore', 'Restore a domain from a saved state.'],
  ['resume', 'Resume a Xend managed domain'],
  ['save', 'Save a domain state to restore later.'],
  ['shell', 'Launch an interactive shell.'],
  ['shutdown', 'Shutdown a domain.'],
  ['start', 'Start a Xend managed domain'],
  ['suspend', 'Suspend a Xend managed domain'],
  ['top', 'Monitor a host and the domains in real time.'],
  ['unpause', 'Unpause a paused domain.'],
  ['uptime', 'Print uptime for all/some domains.'],
  ['usb-add', 'Add the usb device to FV VM.'],
  ['usb-del', 'Delete the usb device to FV VM.'],
  ['domstate', 'get the state of a domain'],
  ['vcpu-set', 'Set the number of active VCPUs allowed for the domain.'],
];

/** Wraps at `width` on word boundaries, as Python's textwrap does for xm's help. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** One help row: name in 20 columns, the description wrapped at 50, padded to column 72. */
export function helpRow(name: string, description: string): string {
  const [first = '', ...rest] = wrap(description, 50);
  const rows = [` ${name.padEnd(20)} ${first.padEnd(50)}`, ...rest.map((r) => `${' '.repeat(22)}${r.padEnd(50)}`)];
  return rows.join('\n');
}

export function shortHelp(release: Release): string {
  const rows = COMMON.filter(([n]) => release !== 'ovm22' || !['usb-add', 'usb-del', 'domstate'].includes(n)).map(([n, d]) =>
    n === 'vcpu-set' && release === 'ovm22' ? helpRow(n, 'Set the number of active VCPUs for allowed for the domain.') : helpRow(n, d),
  );
  return [
    'Usage: xm <subcommand> [args]',
    '',
    'Control, list, and manipulate Xen guest instances.',
    '',
    "Common 'xm' commands:",
    '',
    ...rows,
    '',
    '<Domain> can either be the Domain Name or Id.',
    "For more help on 'xm' see the xm(1) man page.",
    "For more help on 'xm create' see the xmdomain.cfg(5)  man page.",
    '',
    "For a complete list of subcommands run 'xm help'.",
    '',
  ].join('\n');
}
