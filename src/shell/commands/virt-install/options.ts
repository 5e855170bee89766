// virt-install 0.400.3's command line as Python 2.4's optparse parses it: the option table (names,
// dests, types and help texts from the package's virtinst.pot of 2009-03-09, see REFERENCE.md),
// the parser (abbreviated long options, `--opt=value`, bundled short flags, interspersed operands)
// and its messages, and `--help` laid out as optparse 2.4's IndentedHelpFormatter does it.
import type { OptionDef } from '../../args';

type Kind = 'flag' | 'string' | 'int' | 'float';

interface VOpt {
  short?: string;
  long: string;
  dest: string;
  kind: Kind;
  /** Repeatable (optparse action "append" or virtinst's check_before_append). */
  append?: boolean;
  /** virtinst's check_before_store/append callbacks refuse an empty value. */
  nonEmpty?: boolean;
  /** store_false (--noautoconsole, --nonsparse); the value stored for a flag. */
  value?: boolean;
  help: string;
}

const o = (long: string, dest: string, kind: Kind, help: string, extra: Partial<VOpt> = {}): VOpt => ({ long, dest, kind, help, ...extra });

/** The option groups in the order virt-install adds them (virt-install:334–483 in the .pot). */
const GROUPS: Array<[title: string | null, opts: VOpt[]]> = [
  [null, [o('connect', 'connect', 'string', 'Connect to hypervisor with URI', { nonEmpty: true })]],
  [
    'General Options',
    [
      o('name', 'name', 'string', 'Name of the guest instance', { short: 'n', nonEmpty: true }),
      o('ram', 'memory', 'int', 'Memory to allocate for guest instance in megabytes', { short: 'r' }),
      o('arch', 'arch', 'string', 'The CPU architecture to simulate', { nonEmpty: true }),
      o('uuid', 'uuid', 'string', 'UUID for the guest.', { short: 'u', nonEmpty: true }),
      o('vcpus', 'vcpus', 'int', 'Number of vcpus to configure for your guest'),
      o('check-cpu', 'check_cpu', 'flag', 'Check that vcpus do not exceed physical CPUs and warn if they do.'),
      o('cpuset', 'cpuset', 'string', 'Set which physical CPUs Domain can use.', { nonEmpty: true }),
      o('os-type', 'os_type', 'string', "The OS type for fully virtualized guests, e.g. 'linux', 'unix', 'windows'", { nonEmpty: true }),
      o('os-variant', 'os_variant', 'string', "The OS variant for fully virtualized guests, e.g. 'fedora6', 'rhel5', 'solaris10', 'win2k'", { nonEmpty: true }),
      o('host-device', 'hostdevs', 'string', 'Physical host device to attach to the domain.', { append: true, nonEmpty: true }),
    ],
  ],
  [
    'Full Virtualization specific options',
    [
      o('sound', 'sound', 'flag', 'Use sound device emulation'),
      o('noapic', 'noapic', 'flag', 'Disables APIC for fully virtualized guest (overrides value in os-type/os-variant db)'),
      o('noacpi', 'noacpi', 'flag', 'Disables ACPI for fully virtualized guest (overrides value in os-type/os-variant db)'),
    ],
  ],
  [
    'Virtualization Type Options',
    [
      o('hvm', 'fullvirt', 'flag', 'This guest should be a fully virtualized guest', { short: 'v' }),
      o('paravirt', 'paravirt', 'flag', 'This guest should be a paravirtualized guest', { short: 'p' }),
      o('accelerate', 'accelerate', 'flag', 'Use kernel acceleration capabilities (kvm, kqemu, ...)'),
    ],
  ],
  [
    'Installation Method Options',
    [
      o('cdrom', 'cdrom', 'string', 'CD-ROM installation media', { short: 'c', nonEmpty: true }),
      o('location', 'location', 'string', 'Installation source (eg, nfs:host:/path, http://host/path, ftp://host/path)', { short: 'l', nonEmpty: true }),
      o('pxe', 'pxe', 'flag', 'Boot from the network using the PXE protocol'),
      o('import', 'import_install', 'flag', 'Build guest around an existing disk image'),
      o('livecd', 'livecd', 'flag', 'Treat the CD-ROM media as a Live CD'),
      o('extra-args', 'extra', 'string', 'Additional arguments to pass to the kernel booted from --location', { short: 'x' }),
    ],
  ],
  [
    'Storage Configuration',
    [
      o('disk', 'diskopts', 'string', 'Specify storage to use as a disk with various options.', { append: true, nonEmpty: true }),
      o('file', 'diskfile', 'string', 'File to use as the disk image', { short: 'f', append: true, nonEmpty: true }),
      o('file-size', 'disksize', 'float', "Size of the disk image (if it doesn't exist) in gigabytes", { short: 's', append: true }),
      o('nonsparse', 'sparse', 'flag', "Don't use sparse files for disks.  Note that this will be significantly slower for guest creation", { value: false }),
      o('nodisks', 'nodisks', 'flag', "Don't set up any disks for the guest."),
    ],
  ],
  [
    'Networking Configuration',
    [
      o('bridge', 'bridge', 'string', 'Bridge to connect guest NIC to; if none given, will try to determine the default', { short: 'b', append: true, nonEmpty: true }),
      o('network', 'network', 'string', 'Connect the guest to a virtual network, forwarding to the physical network with NAT', { short: 'w', append: true, nonEmpty: true }),
      o('mac', 'mac', 'string', 'Fixed MAC address for the guest; if none or RANDOM is given a random address will be used', { short: 'm', append: true, nonEmpty: true }),
      o('nonetworks', 'nonetworks', 'flag', "Don't create network interfaces for the guest."),
    ],
  ],
  [
    'Graphics Configuration',
    [
      o('vnc', 'vnc', 'flag', 'Use VNC for graphics support'),
      o('vncport', 'vncport', 'int', 'Port to use for VNC'),
      o('sdl', 'sdl', 'flag', 'Use SDL for graphics support'),
      o('nographics', 'nographics', 'flag', "Don't set up a graphical console for the guest."),
      o('noautoconsole', 'autoconsole', 'flag', "Don't automatically try to connect to the guest console", { value: false }),
      o('keymap', 'keymap', 'string', 'set up keymap for a graphical console', { short: 'k', nonEmpty: true }),
    ],
  ],
  [
    'Miscellaneous Options',
    [
      o('debug', 'debug', 'flag', 'Print debugging information', { short: 'd' }),
      o('noreboot', 'noreboot', 'flag', 'Disables the automatic rebooting when the installation is complete.'),
      o('wait', 'wait', 'int', 'Time to wait (in minutes)'),
      o('force', 'force', 'flag', "Forces 'yes' for any applicable prompts, terminates for all others"),
      o('prompt', 'prompt', 'flag', 'Request user input for ambiguous situations. Default is false, so will terminate if a prompt would typically be fired. '),
    ],
  ],
];

const HELP: VOpt = o('help', 'help', 'flag', 'show this help message and exit', { short: 'h' });
const ALL: VOpt[] = [HELP, ...GROUPS.flatMap(([, opts]) => opts)];

export type VirtValues = Map<string, string | number | boolean | Array<string | number>>;
type ParseResult = { ok: true; values: VirtValues; operands: string[] } | { ok: false; stderr: string };

const USAGE_LINE = 'usage: virt-install [options]';
const error = (msg: string): ParseResult => ({ ok: false, stderr: `${USAGE_LINE}\n\nvirt-install: error: ${msg}\n` });

/** optparse's _match_abbrev: an exact long option, else the only one it abbreviates. */
function matchLong(word: string): VOpt | string {
  const exact = ALL.find((x) => `--${x.long}` === word);
  if (exact) return exact;
  const hits = ALL.filter((x) => `--${x.long}`.startsWith(word));
  if (hits.length === 1) return hits[0]!;
  if (!hits.length) return `no such option: ${word}`;
  return `ambiguous option: ${word} (${hits.map((x) => `--${x.long}`).join(', ')}?)`;
}

/** optparse's check_builtin for int and float values; Python's repr of the string. */
function convert(opt: VOpt, shown: string, raw: string): number | string | null {
  const repr = `'${raw.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (opt.kind === 'int') return /^\s*[+-]?\d+\s*$/.test(raw) ? parseInt(raw, 10) : `option ${shown}: invalid integer value: ${repr}`;
  if (opt.kind === 'float') return /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(raw) ? parseFloat(raw) : `option ${shown}: invalid floating-point value: ${repr}`;
  return null;
}

export function parseVirtArgs(args: readonly string[]): ParseResult {
  const values: VirtValues = new Map();
  const operands: string[] = [];
  const store = (opt: VOpt, shown: string, raw: string | undefined): string | null => {
    if (opt.kind === 'flag') {
      values.set(opt.dest, opt.value ?? true);
      return null;
    }
    if (raw === undefined) return `${shown} option requires an argument`;
    if (opt.nonEmpty && raw === '') return `${shown} option requires an argument`;
    const conv = convert(opt, shown, raw);
    if (typeof conv === 'string') return conv;
    const v = conv ?? raw;
    if (opt.append) values.set(opt.dest, [...((values.get(opt.dest) as Array<string | number>) ?? []), v]);
    else values.set(opt.dest, v);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const word = eq > 0 ? a.slice(0, eq) : a;
      const opt = matchLong(word);
      if (typeof opt === 'string') return error(opt);
      const shown = `--${opt.long}`;
      if (opt.kind === 'flag' && eq > 0) return error(`${shown} option does not take a value`);
      const err = store(opt, shown, eq > 0 ? a.slice(eq + 1) : opt.kind === 'flag' ? undefined : args[++i]);
      if (err) return error(err);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const opt = ALL.find((x) => x.short === a[j]);
        if (!opt) return error(`no such option: -${a[j]}`);
        if (opt.kind === 'flag') {
          store(opt, `-${a[j]}`, undefined);
          continue;
        }
        const rest = a.slice(j + 1);
        const err = store(opt, `-${a[j]}`, rest !== '' ? rest : args[++i]);
        if (err) return error(err);
        break;
      }
    } else operands.push(a);
  }
  return { ok: true, values, operands };
}

/** textwrap.wrap: words kept whole, blanks between words kept, none at a line's start or end. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const chunk of text.split(/( +)/).filter(Boolean)) {
    const blank = chunk.trim() === '';
    if (blank && !cur.length) continue;
    if (len + chunk.length > width && cur.length) {
      if (cur[cur.length - 1]!.trim() === '') cur.pop();
      lines.push(cur.join(''));
      cur = [];
      len = 0;
      if (blank) continue;
    }
    cur.push(chunk);
    len += chunk.length;
  }
  if (cur.length && cur[cur.length - 1]!.trim() === '') cur.pop();
  if (cur.length) lines.push(cur.join(''));
  return lines;
}

/** `-n NAME, --name=NAME`: optparse's metavar is the dest in capitals. */
const optString = (x: VOpt): string => {
  const mv = x.kind === 'flag' ? '' : x.dest.toUpperCase();
  const long = `--${x.long}${mv ? `=${mv}` : ''}`;
  return x.short ? `-${x.short}${mv ? ` ${mv}` : ''}, ${long}` : long;
};

/** print_help: usage, then "options:" and every group, for a terminal of `cols` columns (width COLUMNS-2). */
export function virtInstallHelp(cols = 80): string {
  const width = Math.max(cols, 40) - 2;
  const helpPos = 24;
  const line = (x: VOpt, indent: number): string => {
    const opts = optString(x);
    const help = wrap(x.help, width - helpPos);
    const pad = ' '.repeat(indent);
    const first = opts.length > helpPos - indent - 2 ? `${pad}${opts}\n${' '.repeat(helpPos)}${help[0]}\n` : `${pad}${opts.padEnd(helpPos - indent - 2)}  ${help[0]}\n`;
    return first + help.slice(1).map((h) => `${' '.repeat(helpPos)}${h}\n`).join('');
  };
  let out = `${USAGE_LINE}\n\noptions:\n`;
  out += line(HELP, 2);
  for (const x of GROUPS[0]![1]) out += line(x, 2);
  for (const [title, opts] of GROUPS.slice(1)) {
    out += `\n  ${title}:\n`;
    for (const x of opts) out += line(x, 4);
  }
  return out;
}

/** The declared options for Tab completion and `man` (src/shell/args.ts). */
export const VIRT_INSTALL_ARGS: OptionDef[] = ALL.map((x) => ({
  ...(x.short ? { short: x.short } : {}),
  long: x.long,
  arg: x.kind === 'flag' ? 'none' : 'required',
  ...(x.kind !== 'flag' ? { argName: x.dest.toUpperCase() } : {}),
  help: x.help,
}));
