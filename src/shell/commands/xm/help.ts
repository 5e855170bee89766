// xm's help texts (xen/xm/main.py): the subcommand table (argstring, description), the options
// tables, the short help (`xm`), the full list (`xm help`) and one command's usage block.
// Rows are ' %-20s %-50s' with descriptions wrapped by opts.py's wrap (continuations unpadded).
import { pyWrap } from './opts';
import type { Release } from '../../../sim/types';

/** SUBCOMMAND_HELP of Xen 4.1–4.4 xm (main.py), in its source order. */
export const SUBCOMMAND_HELP: ReadonlyArray<readonly [string, string, string]> = [
  ['shell', '', 'Launch an interactive shell.'],
  ['console', '[-q|--quiet] <Domain>', "Attach to <Domain>'s console."],
  ['vncviewer', '[--[vncviewer-]autopass] <Domain>', "Attach to <Domain>'s VNC server."],
  ['create', '<ConfigFile> [options] [vars]', 'Create a domain based on <ConfigFile>.'],
  ['destroy', '<Domain>', 'Terminate a domain immediately.'],
  ['help', '', 'Display this message.'],
  ['list', '[options] [Domain, ...]', 'List information about all/some domains.'],
  ['mem-max', '<Domain> <Mem>', 'Set the maximum amount reservation for a domain.'],
  ['mem-set', '<Domain> <Mem>', 'Set the current memory usage for a domain.'],
  ['migrate', '<Domain> <Host>', 'Migrate a domain to another machine.'],
  ['pause', '<Domain>', 'Pause execution of a domain.'],
  ['reboot', '<Domain> [-wa]', 'Reboot a domain.'],
  ['reset', '<Domain>', 'Reset a domain.'],
  ['restore', '<CheckpointFile> [-p]', 'Restore a domain from a saved state.'],
  ['save', '[-c] <Domain> <CheckpointFile>', 'Save a domain state to restore later.'],
  ['shutdown', '<Domain> [-waRH]', 'Shutdown a domain.'],
  ['top', '', 'Monitor a host and the domains in real time.'],
  ['unpause', '<Domain>', 'Unpause a paused domain.'],
  ['uptime', '[-s] [Domain, ...]', 'Print uptime for all/some domains.'],
  ['new', '<ConfigFile> [options] [vars]', 'Adds a domain to Xend domain management'],
  ['delete', '<DomainName>', 'Remove a domain from Xend domain management.'],
  ['start', '<DomainName>', 'Start a Xend managed domain'],
  ['resume', '<DomainName>', 'Resume a Xend managed domain'],
  ['suspend', '<DomainName>', 'Suspend a Xend managed domain'],
  ['dmesg', '[-c|--clear]', "Read and/or clear Xend's message buffer."],
  ['domid', '<DomainName>', 'Convert a domain name to domain id.'],
  ['domname', '<DomId>', 'Convert a domain id to domain name.'],
  ['dump-core', '[-L|--live] [-C|--crash] [-R|--reset] <Domain> [Filename]', 'Dump core for a specific domain.'],
  ['info', '[-c|--config] [-n|--numa]', 'Get information about Xen host.'],
  ['log', '', 'Print Xend log'],
  ['rename', '<Domain> <NewDomainName>', 'Rename a domain.'],
  ['sched-sedf', '<Domain> [options]', 'Get/set EDF parameters.'],
  ['sched-credit', '[-d <Domain> [-w[=WEIGHT]|-c[=CAP]]]', 'Get/set credit scheduler parameters.'],
  ['sched-credit2', '[-d <Domain> [-w[=WEIGHT]]', 'Get/set credit2 scheduler parameters.'],
  ['sysrq', '<Domain> <letter>', 'Send a sysrq to a domain.'],
  ['debug-keys', '<Keys>', 'Send debug keys to Xen.'],
  ['trigger', '<Domain> <nmi|reset|init|s3resume|power> [<VCPU>]', 'Send a trigger to a domain.'],
  ['vcpu-list', '[Domain, ...]', 'List the VCPUs for all/some domains.'],
  ['vcpu-pin', '<Domain> <VCPU|all> <CPUs|all>', 'Set which CPUs a VCPU can use.'],
  ['vcpu-set', '<Domain> <vCPUs>', 'Set the number of active VCPUs allowed for the domain.'],
  ['usb-add', '<domain> <[host:bus.addr] [host:vendor_id:product_id]>', 'Add the usb device to FV VM.'],
  ['usb-del', '<domain> <[host:bus.addr] [host:vendor_id:product_id]>', 'Delete the usb device to FV VM.'],
  ['domstate', '<domain> ', 'get the state of a domain'],
  ['block-attach', '<Domain> <BackDev> <FrontDev> <Mode> [BackDomain]', 'Create a new virtual block device.'],
  ['block-configure', '<Domain> <BackDev> <FrontDev> <Mode> [BackDomain]', 'Change block device configuration'],
  ['block-detach', '<Domain> <DevId> [-f|--force]', "Destroy a domain's virtual block device."],
  ['block-list', '<Domain> [--long]', 'List virtual block devices for a domain.'],
  [
    'network-attach',
    '<Domain> [type=<type>] [mac=<mac>] [bridge=<bridge>] [ip=<ip>] [script=<script>] [backend=<BackDomain>] [vifname=<name>] [rate=<rate>] [model=<model>][accel=<accel>]',
    'Create a new virtual network device.',
  ],
  ['network-detach', '<Domain> <DevId|mac> [-f|--force]', "Destroy a domain's virtual network device."],
  ['network-list', '<Domain> [--long]', 'List virtual network interfaces for a domain.'],
  [
    'network2-attach',
    '<Domain> [front_mac=<mac>] [back_mac=<mac>] [backend=<BackDomain>] [trusted=<0|1>] [back_trusted=<0|1>] [bridge=<bridge>] [filter_mac=<0|1>] [front_filter_mac=<0|1>] [pdev=<PDEV>] [max_bypasses=n]',
    'Create a new version 2 virtual network device.',
  ],
  ['network2-detach', '<Domain> <DevId> [-f|--force]', "Destroy a domain's version 2 virtual network device."],
  ['network2-list', '<Domain> [--long]', 'List version 2 virtual network interfaces for a domain.'],
  ['vnet-create', '<ConfigFile>', 'Create a vnet from ConfigFile.'],
  ['vnet-delete', '<VnetId>', 'Delete a Vnet.'],
  ['vnet-list', '[-l|--long]', 'List Vnets.'],
  ['vtpm-list', '<Domain> [--long]', 'List virtual TPM devices.'],
  ['pci-attach', '[-o|--options=<opt>] <Domain> <domain:bus:slot.func> [virtual slot]', 'Insert a new pass-through pci device.'],
  ['pci-detach', '<Domain> <domain:bus:slot.func>', "Remove a domain's pass-through pci device."],
  ['pci-list', '<Domain>', 'List pass-through pci devices for a domain.'],
  ['pci-list-assignable-devices', '', 'List all the assignable pci devices'],
  ['scsi-attach', '<Domain> <PhysDevice> <VirtDevice> [BackDomain]', 'Attach a new SCSI device.'],
  ['scsi-detach', '<Domain> <VirtDevice>', 'Detach a specified SCSI device.'],
  ['scsi-list', '<Domain> [--long]', 'List all SCSI devices currently attached.'],
  ['usb-attach', '<Domain> <DevId> <PortNumber> <BusId>', "Attach a new USB physical bus to domain's virtual port."],
  ['usb-detach', '<Domain> <DevId> <PortNumber>', "Detach a USB physical bus from domain's virtual port."],
  ['usb-list', '<Domain>', "List domain's attachment state of all virtual port ."],
  ['usb-list-assignable-devices', '', 'List all the assignable usb devices'],
  ['usb-hc-create', '<Domain> <USBSpecVer> <NumberOfPorts>', "Create a domain's new virtual USB host controller."],
  ['usb-hc-destroy', '<Domain> <DevId>', "Destroy a domain's virtual USB host controller."],
  ['tmem-list', '[-l|--long] [<Domain>|-a|--all]', 'List tmem pools.'],
  ['tmem-thaw', '[<Domain>|-a|--all]', 'Thaw tmem pools.'],
  ['tmem-freeze', '[<Domain>|-a|--all]', 'Freeze tmem pools.'],
  ['tmem-destroy', '[<Domain>|-a|--all]', 'Destroy tmem pools.'],
  ['tmem-set', '[<Domain>|-a|--all] [weight=<weight>] [cap=<cap>] [compress=<compress>]', 'Change tmem settings.'],
  ['tmem-freeable', '', 'Print freeable tmem (in MiB).'],
  ['tmem-shared-auth', '[<Domain>|-a|--all] [--uuid=<uuid>] [--auth=<0|1>]', 'De/authenticate shared tmem pool.'],
  ['cpupool-create', '<ConfigFile> [vars]', 'Create a CPU pool based an ConfigFile.'],
  ['cpupool-new', '<ConfigFile> [vars]', 'Adds a CPU pool to Xend CPU pool management'],
  ['cpupool-start', '<CPU Pool>', 'Starts a Xend CPU pool'],
  ['cpupool-list', '[<CPU Pool>] [-l|--long] [-c|--cpus]', 'List CPU pools on host'],
  ['cpupool-destroy', '<CPU Pool>', 'Deactivates a CPU pool'],
  ['cpupool-delete', '<CPU Pool>', 'Removes a CPU pool from Xend management'],
  ['cpupool-cpu-add', '<CPU Pool> <CPU nr>', 'Adds a CPU to a CPU pool'],
  ['cpupool-cpu-remove', '<CPU Pool> <CPU nr>', 'Removes a CPU from a CPU pool'],
  ['cpupool-migrate', '<Domain> <CPU Pool>', 'Moves a domain into a CPU pool'],
  ['addlabel', '<label> {dom <ConfigFile>|res <resource>|mgt <managed domain>} [<policy>]', 'Add security label to domain.'],
  ['rmlabel', '{dom <ConfigFile>|res <Resource>|mgt<managed domain>}', 'Remove a security label from domain.'],
  ['getlabel', '{dom <ConfigFile>|res <Resource>|mgt <managed domain>}', 'Show security label for domain or resource.'],
  ['dry-run', '<ConfigFile>', 'Test if a domain can access its resources.'],
  ['resources', '', 'Show info for each labeled resource.'],
  ['dumppolicy', '', 'Print hypervisor ACM state information.'],
  ['setpolicy', '<policytype> <policyfile> [options]', 'Set the policy of the system.'],
  ['resetpolicy', '', 'Set the policy of the system to the default policy.'],
  ['getpolicy', '[options]', 'Get the policy of the system.'],
  ['labels', '[policy] [type=dom|res|any]', 'List <type> labels for (active) policy.'],
  ['serve', '', 'Proxy Xend XMLRPC over stdio.'],
  ['getenforce', '', 'Returns the current enforcing mode for the Flask XSM module (Enforcing,Permissive)'],
  ['setenforce', '[ (Enforcing|1) | (Permissive|0) ]', 'Modifies the current enforcing mode for the Flask XSM module'],
];

/** SUBCOMMAND_OPTIONS: [short, long, description] per command. */
export const SUBCOMMAND_OPTIONS: Readonly<Record<string, ReadonlyArray<readonly [string, string, string]>>> = {
  'sched-sedf': [
    ['-p [MS]', '--period[=MS]', 'Relative deadline(ms)'],
    ['-s [MS]', '--slice[=MS]', 'Worst-case execution time(ms). (slice < period)'],
    ['-l [MS]', '--latency[=MS]', 'Scaled period (ms) when domain performs heavy I/O'],
    ['-e [FLAG]', '--extra[=FLAG]', 'Flag (0 or 1) controls if domain can run in extra time.'],
    ['-w [FLOAT]', '--weight[=FLOAT]', 'CPU Period/slice (do not set with --period/--slice)'],
  ],
  'sched-credit': [
    ['-d DOMAIN', '--domain=DOMAIN', 'Domain to modify'],
    ['-w WEIGHT', '--weight=WEIGHT', 'Weight (int)'],
    ['-c CAP', '--cap=CAP', 'Cap (int)'],
  ],
  'sched-credit2': [
    ['-d DOMAIN', '--domain=DOMAIN', 'Domain to modify'],
    ['-w WEIGHT', '--weight=WEIGHT', 'Weight (int)'],
  ],
  list: [
    ['-l', '--long', 'Output all VM details in SXP'],
    ['', '--label', 'Include security labels'],
    ['', '--state=<state>', 'Select only VMs with the specified state'],
    ['', '--pool=<pool>', 'Select only VMs in specified cpu pool'],
  ],
  console: [['-q', '--quiet', 'Do not print an error message if the domain does not exist']],
  vncviewer: [
    ['', '--autopass', 'Pass VNC password to viewer via stdin and -autopass'],
    ['', '--vncviewer-autopass', '(consistency alias for --autopass)'],
  ],
  dmesg: [['-c', '--clear', 'Clear dmesg buffer as well as printing it']],
  'vnet-list': [['-l', '--long', 'List Vnets as SXP']],
  'network-list': [['-l', '--long', 'List resources as SXP']],
  'dump-core': [
    ['-L', '--live', 'Dump core without pausing the domain'],
    ['-C', '--crash', 'Crash domain after dumping core'],
    ['-R', '--reset', 'Reset domain after dumping core'],
  ],
  start: [
    ['-p', '--paused', 'Do not unpause domain after starting it'],
    ['-c', '--console_autoconnect', 'Connect to the console after the domain is created'],
    ['', '--vncviewer', 'Connect to display via VNC after the domain is created'],
    ['', '--vncviewer-autopass', 'Pass VNC password to viewer via stdin and -autopass'],
  ],
  resume: [['-p', '--paused', 'Do not unpause domain after resuming it']],
  save: [['-c', '--checkpoint', 'Leave domain running after creating snapshot']],
  restore: [['-p', '--paused', 'Do not unpause domain after restoring it']],
  info: [
    ['-c', '--config', 'List Xend configuration parameters'],
    ['-n', '--numa', 'List host NUMA topology information'],
  ],
  'tmem-list': [['-l', '--long', 'List tmem stats.']],
  'tmem-thaw': [['-a', '--all', 'Thaw all tmem.']],
  'tmem-freeze': [['-a', '--all', 'Freeze all tmem.']],
  'tmem-destroy': [['-a', '--all', 'Destroy all tmem.']],
  'tmem-set': [['-a', '--all', 'Operate on all tmem.']],
  'tmem-shared-auth': [
    ['-a', '--all', 'Authenticate for all tmem pools.'],
    ['-u', '--uuid', 'Specify uuid (abcdef01-2345-6789-01234567890abcdef).'],
    ['-A', '--auth', '0=auth,1=deauth'],
  ],
  'cpupool-list': [
    ['-l', '--long', 'Output all CPU pool details in SXP format'],
    ['-c', '--cpus', 'Output list of CPUs used by a pool'],
  ],
};

const COMMON = ['console', 'vncviewer', 'create', 'new', 'delete', 'destroy', 'dump-core', 'help', 'list', 'mem-set', 'migrate', 'pause', 'reboot', 'reset', 'restore', 'resume', 'save', 'shell', 'shutdown', 'start', 'suspend', 'top', 'unpause', 'uptime', 'usb-add', 'usb-del', 'domstate', 'vcpu-set'];

const DOMAIN_COMMANDS = ['console', 'vncviewer', 'create', 'new', 'delete', 'destroy', 'domid', 'domname', 'dump-core', 'list', 'mem-max', 'mem-set', 'migrate', 'pause', 'reboot', 'rename', 'reset', 'restore', 'resume', 'save', 'shutdown', 'start', 'suspend', 'sysrq', 'trigger', 'top', 'unpause', 'uptime', 'usb-add', 'usb-del', 'domstate', 'vcpu-list', 'vcpu-pin', 'vcpu-set'];
const HOST_COMMANDS = ['debug-keys', 'dmesg', 'info', 'log', 'serve'];
const SCHEDULER_COMMANDS = ['sched-credit2', 'sched-credit', 'sched-sedf'];
const DEVICE_COMMANDS = ['block-attach', 'block-detach', 'block-list', 'block-configure', 'network-attach', 'network-detach', 'network-list', 'network2-attach', 'network2-detach', 'network2-list', 'vtpm-list', 'pci-attach', 'pci-detach', 'pci-list', 'pci-list-assignable-devices', 'scsi-attach', 'scsi-detach', 'scsi-list', 'usb-attach', 'usb-detach', 'usb-list', 'usb-list-assignable-devices', 'usb-hc-create', 'usb-hc-destroy'];
const OTHER_COMMANDS = ['vnet-list', 'vnet-create', 'vnet-delete', 'setpolicy', 'labels', 'addlabel', 'rmlabel', 'getlabel', 'dry-run', 'resources', 'dumppolicy', 'resetpolicy', 'getpolicy', 'getenforce', 'setenforce', 'tmem-list', 'tmem-thaw', 'tmem-freeze', 'tmem-destroy', 'tmem-set', 'tmem-shared-auth', 'cpupool-create', 'cpupool-new', 'cpupool-start', 'cpupool-list', 'cpupool-destroy', 'cpupool-delete', 'cpupool-cpu-add', 'cpupool-cpu-remove', 'cpupool-migrate', 'shell', 'event-monitor'];

/** all_commands of main.py: what `xm help` lists, in order. */
export const ALL_COMMANDS = [...DOMAIN_COMMANDS, ...HOST_COMMANDS, ...SCHEDULER_COMMANDS, ...DEVICE_COMMANDS, ...OTHER_COMMANDS];

/** Commands Xen 3.4 (OVM 2.2) does not have. */
const NOT_IN_34 = new Set(['usb-add', 'usb-del', 'domstate']);

export function helpEntry(release: Release, cmd: string): readonly [string, string] | undefined {
  if (release === 'ovm22' && NOT_IN_34.has(cmd)) return undefined;
  const e = SUBCOMMAND_HELP.find((x) => x[0] === cmd);
  if (!e) return undefined;
  // The "for allowed for" typo was fixed in Xen 4.3 (seed 002 shows the fixed text on OVM 3.4).
  if (cmd === 'vcpu-set' && release === 'ovm22') return [e[1], 'Set the number of active VCPUs for allowed for the domain.'];
  return [e[1], e[2]];
}

/** One row of the command lists: ' %-20s %-50s', continuation lines indented 22, unpadded. */
export function helpRow(name: string, description: string): string {
  const [first = '', ...rest] = pyWrap(description, 50);
  return [` ${name.padEnd(20)} ${first.padEnd(50)}`, ...rest.map((r) => ' '.repeat(22) + r)].join('\n');
}

const USAGE_HELP = 'Usage: xm <subcommand> [args]\n\nControl, list, and manipulate Xen guest instances.\n';
const USAGE_FOOTER = "<Domain> can either be the Domain Name or Id.\nFor more help on 'xm' see the xm(1) man page.\nFor more help on 'xm create' see the xmdomain.cfg(5)  man page.\n";

function rows(release: Release, names: readonly string[]): string {
  return names
    .map((n) => {
      const e = helpEntry(release, n);
      return e ? helpRow(n, e[1]) : null;
    })
    .filter((r): r is string => r !== null)
    .join('\n');
}

/** `xm` with no arguments (exit 1). */
export function shortHelp(release: Release): string {
  return `${USAGE_HELP}\nCommon 'xm' commands:\n\n${rows(release, COMMON)}\n\n${USAGE_FOOTER}\nFor a complete list of subcommands run 'xm help'.\n`;
}

/** `xm help` / `xm --help` (exit 0). */
export function longHelp(release: Release): string {
  return `${USAGE_HELP}\nxm full list of subcommands:\n\n${rows(release, ALL_COMMANDS)}\n\n${USAGE_FOOTER}\n`;
}

/**
 * cmdHelp: `Usage: xm CMD ARGS`, blank, description, the options table ('  %-30s %-43s') and a
 * blank line; commands imported from modules (create, new, migrate) add `moduleHelp`. An
 * unknown name is matched as a prefix in table order; failing that, the short help.
 */
export function cmdHelp(release: Release, cmd: string, moduleHelp?: (name: string) => string | undefined): string {
  let name = cmd;
  if (!helpEntry(release, name)) name = SUBCOMMAND_HELP.find((e) => e[0].startsWith(cmd) && helpEntry(release, e[0]))?.[0] ?? cmd;
  const e = helpEntry(release, name);
  if (!e) return shortHelp(release);
  let out = `Usage: xm ${name} ${e[0]}\n\n${e[1]}\n`;
  const options = SUBCOMMAND_OPTIONS[name];
  if (options) {
    for (const [s, l, desc] of options) {
      const optdesc = s && l ? `${s}, ${l}` : s || l;
      const [first = '', ...rest] = pyWrap(desc, 43);
      out += `  ${optdesc.padEnd(30)} ${first.padEnd(43)}\n` + rest.map((r) => ' '.repeat(33) + r + '\n').join('');
    }
    out += '\n';
  } else {
    const extra = moduleHelp?.(name);
    if (extra !== undefined) out += extra + '\n';
  }
  return out;
}
