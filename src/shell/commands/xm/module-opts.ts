// The option tables of the xm modules with their own parser (create.py — shared by new.py —,
// migrate.py, shutdown.py), texts as in Xen 4.1–4.4.
import type { OptsDef } from './opts';

const CREATE_USE = `[options] [vars]

Create a domain.

Domain creation parameters can be set by command-line switches, from
a python configuration script or an SXP config file. See documentation
for --defconfig, --config. Configuration variables can be set using
VAR=VAL on the command line. For example vmid=3 sets vmid to 3.

`;

/** Config variables accepted as `VAR=VAL` words (OptVar: no dashes, not in the Options list). */
const CREATE_VARS = ['name', 'memory', 'maxmem', 'vcpus', 'maxvcpus', 'builder', 'kernel', 'ramdisk', 'bootloader', 'cpus', 'cpu_cap', 'cpu_weight', 'on_poweroff', 'on_reboot', 'on_crash', 'uuid', 'vnc', 'serial', 'boot', 'keymap'];

export const CREATE_OPTS: OptsDef = {
  use: CREATE_USE,
  defaultOpt: 'defconfig',
  options: [
    { name: 'help', short: 'h', use: 'Print this help.' },
    { name: 'help_config', use: 'Print the available configuration variables (vars) for the configuration script.' },
    { name: 'quiet', short: 'q', use: 'Quiet.' },
    { name: 'path', val: 'PATH', use: 'Search path for configuration scripts. The value of PATH is a colon-separated directory list.' },
    {
      name: 'defconfig',
      short: 'f',
      val: 'FILE',
      use:
        'Use the given Python configuration script.The configuration script is loaded after arguments have been processed. Each command-line option sets a configuration variable named after its long option name, and these variables are placed in the environment of the script before it is loaded. Variables for options that may be repeated have list values. Other variables can be set using VAR=VAL on the command line. After the script is loaded, option values that were not set on the command line are replaced by the values set in the script.',
    },
    {
      name: 'config',
      short: 'F',
      val: 'FILE',
      use: 'Domain configuration to use (SXP).\nSXP is the underlying configuration format used by Xen.\nSXP configurations can be hand-written or generated from Python configuration scripts, using the -n (dryrun) option to print the configuration.',
    },
    { name: 'dryrun', short: 'n', use: 'Dry run - prints the resulting configuration in SXP but does not create the domain.' },
    { name: 'xmldryrun', short: 'x', use: 'XML dry run - prints the resulting configuration in XML but does not create the domain.' },
    { name: 'skipdtd', short: 's', use: 'Skip DTD checking - skips checks on XML before creating.  Experimental.  Can decrease create time.' },
    { name: 'paused', short: 'p', use: 'Leave the domain paused after it is created.' },
    { name: 'console_autoconnect', short: 'c', use: 'Connect to the console after the domain is created.' },
    { name: 'vncviewer', use: 'Connect to the VNC display after the domain is created.' },
    { name: 'vncviewer-autopass', use: 'Pass VNC password to viewer via stdin and -autopass.' },
    ...CREATE_VARS.map((name) => ({ name, val: name.toUpperCase(), use: '', isVar: true })),
  ],
};

export const MIGRATE_OPTS: OptsDef = {
  use: '[options] DOM HOST\n\nMigrate domain DOM to host HOST.\nXend must be running on the local host and on HOST.\n',
  options: [
    { name: 'help', short: 'h', use: 'Print this help.' },
    { name: 'live', short: 'l', use: 'Use live migration.' },
    { name: 'port', short: 'p', val: 'portnum', use: 'Use specified port for migration.' },
    { name: 'node', short: 'n', val: 'nodenum', use: 'Use specified NUMA node on target.' },
    { name: 'ssl', short: 's', use: 'Use ssl connection for migration.' },
    { name: 'change_home_server', short: 'c', use: 'Change home server for managed domains.' },
  ],
};

export const SHUTDOWN_OPTS: OptsDef = {
  use: '[options] [DOM]\n\nShutdown one or more domains gracefully.\n',
  options: [
    { name: 'help', short: 'h', use: 'Print this help.' },
    { name: 'all', short: 'a', use: 'Shutdown all domains.' },
    { name: 'wait', short: 'w', use: 'Wait for shutdown to complete.' },
    { name: 'halt', short: 'H', use: 'Shutdown without reboot.' },
    { name: 'reboot', short: 'R', use: 'Shutdown and reboot.' },
  ],
};
