// `service` and `chkconfig`: SysV init control of a dom0's daemons (OL6 on OVM 3.4, OL5 on
// OVM 2.2). The behaviour of each service lives in sim/services.ts (its handler table).
import { STRERROR } from '../../sim/errno';
import { runService, serviceDef, serviceLevels, servicesOf, type ServiceDef } from '../../sim/services';
import { agentConfigure } from './agent-configure';
import { defineCommand, fail, ok, type CommandContext, type CommandOutcome, type CommandSpec } from '../types';

const SERVICE_USAGE = 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n';

const service = defineCommand({
  name: 'service',
  dir: '/sbin',
  summary: 'run a System V init script (start, stop, status of a daemon)',
  man: {
    section: 8,
    name: 'run a System V init script',
    synopsis: ['service SCRIPT COMMAND [OPTIONS]', 'service --status-all', 'service --help | -h | --version'],
    description: ['service runs a System V init script in as predictable environment as possible, removing most environment variables and with current working directory set to /.', 'The SCRIPT parameter specifies a System V init script, located in /etc/init.d/SCRIPT. The supported values of COMMAND depend on the invoked script; start, stop, restart and status are supported by all of them. service --status-all runs all init scripts, in alphabetical order, with the status command.'],
  },
  usage: 'service SCRIPT COMMAND [OPTIONS]',
  complete(c, words, cur) {
    if (!words.length) return servicesOf(c.host).map((d) => d.name).filter((n) => n.startsWith(cur));
    if (words.length === 1) {
      const def = serviceDef(c.host, words[0]!);
      const verbs = def?.verbs ?? ['start', 'stop', 'status', 'restart', 'reload', 'condrestart'];
      return [...verbs, ...Object.keys(def?.actions ?? {})].filter((v, i, a) => v.startsWith(cur) && a.indexOf(v) === i);
    }
    return [];
  },
  run(ctx) {
    const [first, action] = ctx.args;
    if (first === undefined) return fail(SERVICE_USAGE, 1);
    if (first === '--status-all') {
      let out = '';
      for (const def of servicesOf(ctx.host)) out += runService(svcCtx(ctx), def.name, 'status').stdout;
      return ok(out);
    }
    if (first === '-h' || first === '--help') return ok(SERVICE_USAGE);
    if (first === '--version' || first === '-V') return ok(ctx.host.release === 'ovm22' ? 'service ver. 0.91\n' : 'service ver. 0.91\n');
    if (first.startsWith('-')) return fail(SERVICE_USAGE, 1);
    if (action === '--full-restart') {
      const stop = runService(svcCtx(ctx), first, 'stop');
      if (stop.exitCode !== 0 && !serviceDef(ctx.host, first)) return toOutcome(stop);
      const start = runService(svcCtx(ctx), first, 'start');
      return { stdout: stop.stdout + start.stdout, stderr: (stop.stderr ?? '') + (start.stderr ?? ''), exitCode: start.exitCode };
    }
    // The agent's configure is a dialogue with the user, not an init-script one-liner.
    if (first === 'ovs-agent' && action === 'configure') return agentConfigure(ctx);
    return toOutcome(runService(svcCtx(ctx), first, action));
  },
});

const svcCtx = (ctx: CommandContext) => ({ world: ctx.world, host: ctx.host });
const toOutcome = (r: { stdout: string; stderr?: string; exitCode: number }): CommandOutcome => ({ stdout: r.stdout, stderr: r.stderr ?? '', exitCode: r.exitCode });

function chkconfigUsage(release: string): string {
  const version = release === 'ovm22' ? '1.3.30.2' : '1.3.49.5';
  return `chkconfig version ${version} - Copyright (C) 1997-2000 Red Hat, Inc.
This may be freely redistributed under the terms of the GNU Public License.

usage:   chkconfig [--list] [--type <type>] [name]
         chkconfig --add <name>
         chkconfig --del <name>
         chkconfig --override <name>
         chkconfig [--level <levels>] [--type <type>] <name> <on|off|reset|resetpriorities>
`;
}

/** `sshd           \t0:off\t1:off\t2:on …` (chkconfig.c: "%-15s" then "\t%d:%s" per level). */
function listLine(ctx: CommandContext, def: ServiceDef): string {
  const levels = serviceLevels(ctx.host, def);
  let line = def.name.padEnd(15);
  for (let i = 0; i < 7; i++) line += `\t${i}:${levels.includes(String(i)) ? 'on' : 'off'}`;
  return line + '\n';
}

const noService = (name: string) => fail(`error reading information on service ${name}: ${STRERROR.ENOENT}\n`, 1);

const chkconfig = defineCommand({
  name: 'chkconfig',
  dir: '/sbin',
  summary: 'update and query runlevel information for system services',
  man: {
    section: 8,
    name: 'updates and queries runlevel information for system services',
    synopsis: ['chkconfig [--list] [--type type][name]', 'chkconfig --add name', 'chkconfig --del name', 'chkconfig [--level levels] [--type type] name <on|off|reset|resetpriorities>', 'chkconfig [--level levels] [--type type] name'],
    description: ['chkconfig provides a simple command-line tool for maintaining the /etc/rc[0-6].d directory hierarchy by relieving system administrators of the task of directly manipulating the numerous symbolic links in those directories.', 'It does not start or stop anything now: a service switched on is started at the next boot into that runlevel. Use service to start or stop it now.'],
    options: [
      ['--level levels', 'Specifies the run levels an operation should pertain to. It is given as a string of numbers from 0 to 6. For example, --level 35 specifies runlevels 3 and 5.'],
      ['--list name', 'This option lists all of the services which chkconfig knows about, and whether they are stopped or started in each runlevel. If name is specified, information in only display about service name.'],
    ],
  },
  usage: 'chkconfig [--list] [name] | [--level LEVELS] name on|off|reset',
  complete(c, words, cur) {
    const names = servicesOf(c.host).map((d) => d.name);
    if (!words.length && cur.startsWith('-')) return ['--list', '--add', '--del', '--level'].filter((n) => n.startsWith(cur));
    const last = words[words.length - 1];
    if (last && serviceDef(c.host, last)) return ['on', 'off', 'reset'].filter((n) => n.startsWith(cur));
    return names.filter((n) => n.startsWith(cur));
  },
  run(ctx) {
    const args = [...ctx.args];
    const usage = chkconfigUsage(ctx.host.release);
    let level: string | undefined;
    let mode: 'list' | 'add' | 'del' | null = null;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--list') mode = 'list';
      else if (a === '--add') mode = 'add';
      else if (a === '--del') mode = 'del';
      else if (a === '--level' || a === '--levels') {
        level = args[++i];
        if (level === undefined) return fail(usage, 1);
      } else if (a.startsWith('--level=')) level = a.slice(8);
      else if (a.startsWith('-')) return fail(usage, 1);
      else rest.push(a);
    }
    if (level !== undefined && !/^[0-6]+$/.test(level)) return fail(usage, 1);
    if (mode === 'list') {
      if (rest.length > 1) return fail(usage, 1);
      if (rest.length === 1) {
        const def = serviceDef(ctx.host, rest[0]!);
        return def ? ok(listLine(ctx, def)) : noService(rest[0]!);
      }
      return ok(servicesOf(ctx.host).map((d) => listLine(ctx, d)).join(''));
    }
    if (mode === 'add' || mode === 'del') {
      if (rest.length !== 1) return fail(usage, 1);
      const def = serviceDef(ctx.host, rest[0]!);
      if (!def) return noService(rest[0]!);
      setLevels(ctx, def, mode === 'add' ? def.levels : '');
      return ok();
    }
    if (rest.length === 0) return fail(usage, 1);
    const def = serviceDef(ctx.host, rest[0]!);
    if (!def) return noService(rest[0]!);
    if (rest.length === 1) {
      // Exit status only: is it on in the given (or current) runlevel?
      const on = serviceLevels(ctx.host, def);
      const lv = level ?? '3';
      return { stdout: '', stderr: '', exitCode: [...lv].every((l) => on.includes(l)) ? 0 : 1 };
    }
    if (rest.length > 2) return fail(usage, 1);
    const verb = rest[1]!;
    const target = level ?? '2345';
    const current = serviceLevels(ctx.host, def);
    if (verb === 'on') setLevels(ctx, def, union(current, target));
    else if (verb === 'off') setLevels(ctx, def, [...current].filter((l) => !target.includes(l)).join(''));
    else if (verb === 'reset' || verb === 'resetpriorities') setLevels(ctx, def, def.levels);
    else return fail(usage, 1);
    return ok();
  },
});

function union(a: string, b: string): string {
  return [...new Set([...a, ...b])].sort().join('');
}

function setLevels(ctx: CommandContext, def: ServiceDef, levels: string): void {
  const map = (ctx.host.chkconfig ??= {});
  if (levels === def.levels) delete map[def.name];
  else map[def.name] = levels;
}

export const services: readonly CommandSpec[] = [service, chkconfig];
