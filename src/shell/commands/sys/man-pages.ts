// Hand-written parts of the manual pages: section, one-line name, synopsis and a short, truthful
// description for the tools an OVM administrator reaches for. Everything else `man` shows is
// generated from the command registry (summary, usage, declared options).

export interface ManPage {
  section: number;
  /** The NAME line after "name - ". */
  name?: string;
  synopsis?: string[];
  description: string[];
  options?: Array<[flag: string, text: string]>;
}

export const MAN_PAGES: Record<string, ManPage> = {
  xm: {
    section: 1,
    name: 'Xen management user interface',
    synopsis: ['xm <subcommand> [args]'],
    description: [
      'The xm program is the main interface for managing Xen guest domains. The program can be used to create, pause, and shutdown domains. It can also be used to list current domains, enable or pin VCPUs, and attach or detach virtual block devices.',
      'Most xm commands require root privileges, and the xend daemon must be running. On Oracle VM Server the Oracle VM Agent normally drives xend; changes made with xm behind the Manager\'s back are not known to Oracle VM Manager.',
      '<Domain> can either be the Domain Name or Id. Subcommands may be abbreviated to any unique prefix (xm li is xm list).',
    ],
  },
  'virt-install': {
    section: 1,
    name: 'provision new virtual machines',
    synopsis: ['virt-install [OPTION]...'],
    description: [
      'virt-install is a command line tool for provisioning new virtual machines using the libvirt hypervisor management library (python-virtinst 0.400.3 on Oracle VM Server 2.x; Oracle VM 3 has no virt-install). It supports text based installations over the serial console and fetches the kernel and initrd of a paravirtualized install from an NFS, HTTP or FTP install tree.',
      'Given the name, the memory, storage and an install source (-n NAME -r MB -f FILE -s GB -p -l URL) it runs without questions; with --prompt it asks for whatever is missing, and without --prompt it stops with an error where a question would be asked. The directory of a new disk image must exist. The guest boots its installer and virt-install attaches its console (Ctrl-] leaves it; --noautoconsole does not attach). The configuration the guest boots from after the installation is written to /etc/xen/NAME, for xm create NAME.',
    ],
  },
  xentop: {
    section: 1,
    name: 'displays real-time information about a Xen system and domains',
    synopsis: ['xentop [-h] [-V] [-dSECONDS] [-n] [-r] [-v] [-f] [-b] [-iITERATIONS]'],
    description: ['xentop displays information about the Xen system and domains, in a continually-updating manner. Command-line options and interactive commands can change the detail and format of the information displayed by xentop.'],
    options: [
      ['-d, --delay=SECONDS', 'seconds between updates (default 3)'],
      ['-n, --networks', 'show network information'],
      ['-x, --vbds', 'show vbd block device data'],
      ['-v, --vcpus', 'show VCPU data'],
      ['-b, --batch', 'output data in batch mode (to stdout)'],
      ['-i, --iterations=ITERATIONS', 'maximum number of updates that xentop should produce before ending'],
    ],
  },
  service: {
    section: 8,
    name: 'run a System V init script',
    synopsis: ['service SCRIPT COMMAND [OPTIONS]', 'service --status-all', 'service --help | -h | --version'],
    description: ['service runs a System V init script in as predictable environment as possible, removing most environment variables and with current working directory set to /.', 'The SCRIPT parameter specifies a System V init script, located in /etc/init.d/SCRIPT. The supported values of COMMAND depend on the invoked script; start, stop, restart and status are supported by all of them. service --status-all runs all init scripts, in alphabetical order, with the status command.'],
  },
  chkconfig: {
    section: 8,
    name: 'updates and queries runlevel information for system services',
    synopsis: ['chkconfig [--list] [--type type][name]', 'chkconfig --add name', 'chkconfig --del name', 'chkconfig [--level levels] [--type type] name <on|off|reset|resetpriorities>', 'chkconfig [--level levels] [--type type] name'],
    description: ['chkconfig provides a simple command-line tool for maintaining the /etc/rc[0-6].d directory hierarchy by relieving system administrators of the task of directly manipulating the numerous symbolic links in those directories.', 'It does not start or stop anything now: a service switched on is started at the next boot into that runlevel. Use service to start or stop it now.'],
    options: [
      ['--level levels', 'Specifies the run levels an operation should pertain to. It is given as a string of numbers from 0 to 6. For example, --level 35 specifies runlevels 3 and 5.'],
      ['--list name', 'This option lists all of the services which chkconfig knows about, and whether they are stopped or started in each runlevel. If name is specified, information in only display about service name.'],
    ],
  },
  brctl: {
    section: 8,
    name: 'ethernet bridge administration',
    synopsis: ['brctl [command]'],
    description: ['brctl is used to set up, maintain, and inspect the ethernet bridge configuration in the linux kernel. On Oracle VM Server every network is a bridge; the guests\' virtual interfaces (vifDOMID.N) are ports of the bridge their vm.cfg names.', 'brctl show shows all current instances of the ethernet bridge.'],
  },
  vi: {
    section: 1,
    name: 'Vi IMproved, a programmers text editor',
    synopsis: ['vi [options] [file ..]'],
    description: ['Vim is a text editor that is upwards compatible to Vi. In normal mode i, a, o and O start inserting text, Esc returns to normal mode; x deletes a character, dd a line, yy copies a line and p puts it; u undoes; /pattern searches and n repeats.', ':w writes the file, :q quits, :wq or :x or ZZ write and quit, :q! quits without writing. :set nu shows line numbers.'],
  },
  nano: {
    section: 1,
    name: "Nano's ANOther editor, an enhanced free Pico clone",
    synopsis: ['nano [options] [[+line,column] file]...'],
    description: ['nano is a small, free and friendly editor which aims to replace Pico. ^O writes the file out, ^X exits (asking to save a modified buffer), ^K cuts the current line, ^U pastes it back, ^W searches, ^C shows the cursor position.'],
  },
  less: {
    section: 1,
    name: 'opposite of more',
    synopsis: ['less [file]...'],
    description: ['Less is a program similar to more, but which allows backward movement in the file as well as forward movement. SPACE scrolls forward one window, b backward; RETURN or j one line forward, k one line back; g and G go to the start and the end; /pattern and ?pattern search forward and backward, n and N repeat the search; q quits.'],
  },
  more: {
    section: 1,
    name: 'file perusal filter for crt viewing',
    synopsis: ['more [-dlfpcsu] [-num] [+/pattern] [+linenum] [file ...]'],
    description: ['More is a filter for paging through text one screenful at a time. SPACE displays the next screenful, RETURN the next line, /pattern searches, q quits.'],
  },
  ps: {
    section: 1,
    name: 'report a snapshot of the current processes.',
    synopsis: ['ps [options]'],
    description: ['ps displays information about a selection of the active processes. To see every process on the system using standard syntax: ps -ef. Using BSD syntax: ps aux.', 'On an Oracle VM Server these are dom0\'s processes: xend, the Oracle VM Agent, multipathd, the o2hb heartbeat threads, and one qemu-dm device model per HVM guest. Guests themselves are domains, not processes: see xm list.'],
  },
  kill: {
    section: 1,
    name: 'terminate a process',
    synopsis: ['kill [ -signal | -s signal ] pid ...', 'kill -l [ signal ]'],
    description: ['The default signal for kill is TERM. Use -l to list available signals. Killing a daemon does not clean up after it: the init script\'s status then reports "dead but pid file exists".'],
  },
  free: {
    section: 1,
    name: 'Display amount of free and used memory in the system',
    synopsis: ['free [-b | -k | -m | -g] [-l] [-o] [-t] [-s delay ] [-c count ] [-V]'],
    description: ['free displays the total amount of free and used physical and swap memory in the system, as well as the buffers used by the kernel.', 'In dom0 this is dom0\'s own memory (dom0_mem), not the server\'s: memory given to guests belongs to the hypervisor. Use xm info (total_memory, free_memory) for the whole machine.'],
  },
  uname: { section: 1, name: 'print system information', synopsis: ['uname [OPTION]...'], description: ['Print certain system information. With no OPTION, same as -s.'] },
  uptime: { section: 1, name: 'Tell how long the system has been running.', synopsis: ['uptime', 'uptime [-V]'], description: ['uptime gives a one line display of the following information. The current time, how long the system has been running, how many users are currently logged on, and the system load averages for the past 1, 5, and 15 minutes.'] },
  date: { section: 1, name: 'print or set the system date and time', synopsis: ['date [OPTION]... [+FORMAT]'], description: ['Display the current time in the given FORMAT. FORMAT controls the output: %Y year, %m month, %d day, %H hour, %M minute, %S second, %s seconds since 1970-01-01 UTC, %F is %Y-%m-%d, %T is %H:%M:%S.'] },
  dmesg: { section: 1, name: 'print or control the kernel ring buffer', synopsis: ['dmesg [-c] [-n level] [-s bufsize]'], description: ['dmesg is used to examine or control the kernel ring buffer. The -c option clears the ring buffer after printing it. For the hypervisor\'s own messages use xm dmesg.'] },
  reboot: { section: 8, name: 'reboot the system', synopsis: ['reboot [OPTION]...'], description: ['Reboots the server. Every domain running on it dies with it (unless it was migrated away first, or HA restarts it elsewhere), and every login to it is closed. The server comes back after its boot time.'] },
  sleep: { section: 1, name: 'delay for a specified amount of time', synopsis: ['sleep NUMBER[SUFFIX]...'], description: ['Pause for NUMBER seconds. SUFFIX may be s for seconds (the default), m for minutes, h for hours or d for days. The sandbox sleeps on its simulation clock; Ctrl-C interrupts.'] },
  rpm: { section: 8, name: 'RPM Package Manager', synopsis: ['rpm {-q|--query} [select-options] [query-options]', 'rpm -qa'], description: ['rpm queries the package database. rpm -q NAME prints the installed version of a package; rpm -qa lists every installed package.'] },
  ping: { section: 8, name: 'send ICMP ECHO_REQUEST to network hosts', synopsis: ['ping [ -c count] [ -i interval] destination'], description: ['ping uses the ICMP protocol\'s mandatory ECHO_REQUEST datagram to elicit an ICMP ECHO_RESPONSE from a host or gateway. Without -c it runs until interrupted with Ctrl-C, then prints statistics.'] },
  ip: { section: 8, name: 'show / manipulate routing, devices, policy routing and tunnels', synopsis: ['ip [ OPTIONS ] OBJECT { COMMAND | help }'], description: ['ip addr shows the addresses of the interfaces; on Oracle VM Server the server\'s IP address sits on the management bridge, not on the physical NIC.'] },
  ifconfig: { section: 8, name: 'configure a network interface', synopsis: ['ifconfig [-a] [interface]'], description: ['Ifconfig is used to configure the kernel-resident network interfaces. If no arguments are given, ifconfig displays the status of the currently active interfaces.'] },
  ssh: { section: 1, name: 'OpenSSH SSH client (remote login program)', synopsis: ['ssh [user@]hostname [command]'], description: ['ssh is a program for logging into a remote machine. Here it opens a shell on another server of the pool; exit returns.'] },
  man: { section: 1, name: 'format and display the on-line manual pages', synopsis: ['man [section] name'], description: ['man formats and displays the on-line manual pages. The pages of this server are short: generated from each command\'s own description, usage and options.'] },
  tail: { section: 1, name: 'output the last part of files', synopsis: ['tail [OPTION]... [FILE]...'], description: ['Print the last 10 lines of each FILE to standard output. With -f, output appended data as the file grows, until interrupted with Ctrl-C: tail -f /var/log/messages watches the system log.'] },
};
