// The SysV init services of a dom0 (what `service` and `chkconfig` act on): one table of
// definitions with generic OL6/OL5 init-script behaviour. Subsystems plug their own handlers in
// with ONE entry in serviceHandlers() below (xend, multipathd, o2cb, ocfs2, ovs-agent …).
import { allocPid, servicePid } from './pids';
import { multipathdService } from './storage/multipath/multipathd-service';
import { O2CB_SERVICE, OCFS2_SERVICE } from './storage/ocfs2/o2cb-service';
import { OVS_AGENT_SERVICE } from './storage/agent/agent-service';
import type { HostState, Release, ServiceState, WorldState } from './types';
import { XEND_SERVICE } from './xen/xend-service';

export interface ServiceCtx {
  world: WorldState;
  host: HostState;
}

/** What an init script printed and returned. */
export interface ServiceOut {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

export type ServiceAction = (c: ServiceCtx) => ServiceOut;

export interface ServiceDef {
  /** Script name under /etc/init.d. */
  name: string;
  /** Releases whose dom0 ships it (default: both). */
  releases?: readonly Release[];
  /** Runlevels it is on in after installation, e.g. '2345'; '' = off. */
  levels: string;
  /** A daemon (has a pid, `X (pid  N) is running...`) or a one-shot script (subsys lock only). */
  daemon: boolean;
  /** Name in status lines, when not the script name (`sshd`, `ntpd`). */
  label?: string;
  /** `Starting xend daemon: ` — the text before [  OK  ]. */
  startMsg?: string;
  stopMsg?: string;
  /** Actions listed by the usage line; default start|stop|status|restart|reload|condrestart. */
  verbs?: readonly string[];
  /** The daemon's command line(s) in `ps` (user root unless given). */
  procs?: readonly { cmd: string; user?: string; comm?: string }[];
  /** Custom actions, overriding the generic ones (`status`, `start`, `configure` …). */
  actions?: Partial<Record<string, ServiceAction>>;
  /** Side effects when the generic start/stop change the state (e.g. xend stopping kills xm). */
  onStart?: (c: ServiceCtx) => void;
  onStop?: (c: ServiceCtx) => void;
}

const DEFAULT_VERBS = ['start', 'stop', 'status', 'restart', 'reload', 'condrestart'] as const;

/** The package defaults of an OVM 3.4 (OL6) / OVM 2.2 (OL5) dom0. Sorted later for chkconfig. */
const BASE_SERVICES: readonly ServiceDef[] = [
  { name: 'acpid', levels: '345', daemon: true, label: 'acpid', procs: [{ cmd: 'acpid' }] },
  { name: 'atd', levels: '345', daemon: true, procs: [{ cmd: '/usr/sbin/atd' }] },
  { name: 'auditd', levels: '2345', daemon: true, procs: [{ cmd: 'auditd' }] },
  { name: 'blk-availability', releases: ['ovm34'], levels: '12345', daemon: false },
  { name: 'crond', levels: '2345', daemon: true, procs: [{ cmd: 'crond' }] },
  { name: 'ip6tables', levels: '', daemon: false },
  { name: 'iptables', levels: '', daemon: false },
  { name: 'irqbalance', levels: '345', daemon: true, procs: [{ cmd: 'irqbalance --pid=/var/run/irqbalance.pid' }] },
  { name: 'iscsi', levels: '345', daemon: false },
  { name: 'iscsid', levels: '345', daemon: true, procs: [{ cmd: 'iscsiuio' }, { cmd: 'iscsid' }] },
  { name: 'kdump', levels: '', daemon: false },
  { name: 'lvm2-monitor', levels: '12345', daemon: false },
  { name: 'messagebus', levels: '345', daemon: true, label: 'messagebus', procs: [{ cmd: 'dbus-daemon --system', user: 'dbus' }] },
  { name: 'multipathd', levels: '345', daemon: true, startMsg: 'Starting multipathd daemon: ', stopMsg: 'Stopping multipathd daemon: ', procs: [{ cmd: '/sbin/multipathd' }] },
  { name: 'netconsole', levels: '', daemon: false },
  { name: 'netfs', levels: '345', daemon: false },
  { name: 'network', levels: '2345', daemon: false },
  { name: 'ntpd', levels: '2345', daemon: true, stopMsg: 'Shutting down ntpd: ', procs: [{ cmd: 'ntpd -u ntp:ntp -p /var/run/ntpd.pid -g', user: 'ntp' }] },
  { name: 'ntpdate', levels: '', daemon: false },
  { name: 'o2cb', levels: '345', daemon: false },
  { name: 'ocfs2', levels: '345', daemon: false },
  { name: 'ovs-agent', levels: '2345', daemon: true, procs: [{ cmd: '/usr/bin/python /usr/sbin/ovs-agent', comm: 'ovs-agent' }] },
  { name: 'rdisc', levels: '', daemon: false },
  { name: 'restorecond', levels: '', daemon: true },
  { name: 'rsyslog', releases: ['ovm34'], levels: '2345', daemon: true, label: 'rsyslogd', stopMsg: 'Shutting down system logger: ', startMsg: 'Starting system logger: ', procs: [{ cmd: '/sbin/rsyslogd -i /var/run/syslogd.pid -c 5' }] },
  { name: 'syslog', releases: ['ovm22'], levels: '2345', daemon: true, label: 'syslogd', stopMsg: 'Shutting down kernel logger: ', startMsg: 'Starting system logger: ', procs: [{ cmd: 'syslogd -m 0' }, { cmd: 'klogd -x' }] },
  { name: 'sshd', levels: '2345', daemon: true, procs: [{ cmd: '/usr/sbin/sshd' }] },
  { name: 'udev-post', releases: ['ovm34'], levels: '12345', daemon: false },
  { name: 'xencommons', releases: ['ovm34'], levels: '2345', daemon: false, procs: [{ cmd: '/usr/sbin/xenstored --pid-file /var/run/xenstored.pid' }, { cmd: '/usr/sbin/xenconsoled --pid-file=/var/run/xenconsoled.pid' }] },
  { name: 'xend', levels: '2345', daemon: true, startMsg: 'Starting xend daemon: ', stopMsg: 'Stopping xend daemon: ', procs: [{ cmd: '/usr/bin/python /usr/sbin/xend start', comm: 'xend' }] },
  { name: 'xendomains', levels: '2345', daemon: false },
];

/**
 * Handlers other subsystems contribute, one line each: `{ ...baseDef('xend'), actions: {…} }`
 * or just `{ name: 'xend', actions: { status: xendStatus } }`. Fields given here replace the
 * base definition's; a name not in BASE_SERVICES adds a new service.
 */
const serviceHandlers = (): readonly (Partial<ServiceDef> & { name: string })[] => [multipathdService, O2CB_SERVICE, OCFS2_SERVICE, OVS_AGENT_SERVICE, XEND_SERVICE];

/** Built on first use, so a handler module that imports this one (a cycle) is fully loaded by then. */
let table: ReadonlyMap<string, ServiceDef> | null = null;
const TABLE = {
  get: (name: string) => (table ??= buildTable()).get(name),
  values: () => (table ??= buildTable()).values(),
};

function buildTable(): ReadonlyMap<string, ServiceDef> {
  const m = new Map<string, ServiceDef>();
  for (const d of BASE_SERVICES) m.set(d.name, d);
  for (const h of serviceHandlers()) {
    const base = m.get(h.name);
    m.set(h.name, { levels: '2345', daemon: true, ...base, ...h, actions: { ...base?.actions, ...h.actions } });
  }
  return m;
}

/** The services this host's release ships, by name (sorted). */
export function servicesOf(host: HostState): ServiceDef[] {
  return [...TABLE.values()].filter((d) => !d.releases || d.releases.includes(host.release)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function serviceDef(host: HostState, name: string): ServiceDef | undefined {
  const d = TABLE.get(name);
  return d && (!d.releases || d.releases.includes(host.release)) ? d : undefined;
}

/** Runlevels the service is on in (chkconfig's view). */
export function serviceLevels(host: HostState, def: ServiceDef): string {
  return host.chkconfig?.[def.name] ?? def.levels;
}

/** The default runlevel of a dom0 (multi-user, no X). */
export const DEFAULT_RUNLEVEL = 3;

/** Running or stopped: explicit state if the world set one, else what boot left (on in runlevel 3). */
export function serviceState(host: HostState, name: string): ServiceState {
  const explicit = host.services[name];
  if (explicit) return explicit;
  const def = serviceDef(host, name);
  return def && serviceLevels(host, def).includes(String(DEFAULT_RUNLEVEL)) ? 'running' : 'stopped';
}

/** Changes a service's state; a start gives the daemon a fresh pid, as a real restart does. */
export function setServiceState(c: ServiceCtx, name: string, state: ServiceState): void {
  c.host.services[name] = state;
  if (state === 'running') (c.host.pids ??= {})[name] = { pid: allocPid(c.host), atMs: c.world.clockMs };
  else if (c.host.pids?.[name]) delete c.host.pids[name].dead;
}

/**
 * A fatal signal ended the service's daemon: the service is stopped but its pid is kept, marked
 * dead (the init script's `status` then says "dead but pid file exists"), and its stop hook runs.
 */
export function serviceKilled(c: ServiceCtx, name: string, pid: number): void {
  c.host.services[name] = 'stopped';
  (c.host.pids ??= {})[name] = { pid, atMs: c.world.clockMs, dead: true };
  serviceDef(c.host, name)?.onStop?.(c);
}

/** The pid `status` reports for a running daemon. */
export const pidOf = (host: HostState, name: string): number => servicePid(host, name);

// --- init-script output -------------------------------------------------------------------

/** The column where /etc/init.d/functions puts `[  OK  ]` (`\033[60G`, 1-based). */
const RES_COL = 60;

/** `Starting sshd:` padded to column 60, then `[  OK  ]` or `[FAILED]`, coloured like OL's functions. */
export function initLine(text: string, success: boolean): string {
  const pad = ' '.repeat(Math.max(0, RES_COL - 1 - text.length));
  const word = success ? '\x1b[0;32m  OK  \x1b[0;39m' : '\x1b[0;31mFAILED\x1b[0;39m';
  return `${text}${pad}[${word}]\n`;
}

export function usageLine(def: ServiceDef): string {
  return `Usage: /etc/init.d/${def.name} {${(def.verbs ?? DEFAULT_VERBS).join('|')}}\n`;
}

const label = (d: ServiceDef) => d.label ?? d.name;

/** `status` of /etc/init.d/functions: `sshd (pid  1234) is running...` / `sshd is stopped` (exit 3). */
export function genericStatus(def: ServiceDef, c: ServiceCtx): ServiceOut {
  const running = serviceState(c.host, def.name) === 'running';
  if (def.daemon) {
    // OL5/OL6 build the pid list from the pid file as "$pid $p": hence two spaces.
    if (running) return { stdout: `${label(def)} (pid  ${pidOf(c.host, def.name)}) is running...\n`, exitCode: 0 };
    if (c.host.pids?.[def.name]?.dead) return { stdout: `${label(def)} dead but pid file exists\n`, exitCode: 1 };
    return { stdout: `${label(def)} is stopped\n`, exitCode: 3 };
  }
  return running ? { stdout: `${label(def)} is running...\n`, exitCode: 0 } : { stdout: `${label(def)} is stopped\n`, exitCode: 3 };
}

export function genericStart(def: ServiceDef, c: ServiceCtx): ServiceOut {
  const msg = def.startMsg ?? `Starting ${label(def)}: `;
  if (serviceState(c.host, def.name) !== 'running') {
    setServiceState(c, def.name, 'running');
    def.onStart?.(c);
  }
  return { stdout: initLine(msg, true), exitCode: 0 };
}

export function genericStop(def: ServiceDef, c: ServiceCtx): ServiceOut {
  const msg = def.stopMsg ?? `Stopping ${label(def)}: `;
  if (serviceState(c.host, def.name) !== 'running') return { stdout: initLine(msg, false), exitCode: 1 };
  setServiceState(c, def.name, 'stopped');
  def.onStop?.(c);
  return { stdout: initLine(msg, true), exitCode: 0 };
}

/**
 * Runs `service NAME ACTION`: the subsystem's own handler if it registered one, else the
 * generic init-script behaviour. Unknown actions print the script's usage (exit 2).
 */
export function runService(c: ServiceCtx, name: string, action: string | undefined): ServiceOut {
  const def = serviceDef(c.host, name);
  if (!def) return { stdout: '', stderr: `${name}: unrecognized service\n`, exitCode: 1 };
  const own = action !== undefined ? def.actions?.[action] : undefined;
  if (own) return own(c);
  const run = (a: string) => runService(c, name, a);
  switch (action) {
    case 'status':
      return genericStatus(def, c);
    case 'start':
      return genericStart(def, c);
    case 'stop':
      return genericStop(def, c);
    case 'restart':
    case 'force-reload': {
      const stop = run('stop');
      const start = run('start');
      return { stdout: stop.stdout + start.stdout, exitCode: start.exitCode };
    }
    case 'condrestart':
    case 'try-restart':
      return serviceState(c.host, name) === 'running' ? run('restart') : { stdout: '', exitCode: 0 };
    case 'reload':
      if (!(def.verbs ?? DEFAULT_VERBS).includes('reload')) break;
      if (serviceState(c.host, name) !== 'running') return { stdout: initLine(`Reloading ${label(def)}: `, false), exitCode: 7 };
      return { stdout: initLine(`Reloading ${label(def)}: `, true), exitCode: 0 };
  }
  return { stdout: usageLine(def), exitCode: 2 };
}
