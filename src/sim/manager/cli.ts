// The Oracle VM 3.x Manager CLI (`ssh admin@<manager> -p 10000`): parses a line (`stop Vm
// name=sv101`, `add Server name=ovs02 to ServerPool name=pool2` …) and prints the CLI's block
// (Command / Status / Time / JobId / Data / Error Msg, see CLI-FORMAT.md). Jobs are the Manager's
// jobs: the CLI waits for the job's end before it prints Status.
import { hash32 } from '../processes';
import type { WorldState } from '../types';
import type { ManagerState, MgrJob } from './types';
import { submitJob } from './jobs';
import { cliList, cliShow, CLI_TYPES, type CliType } from './cli-objects';
import { managerTime } from './view';

export const CLI_PORT = 10000;
/** The admin password the sandbox's Manager was installed with (briefings tell the learner). */
export const MANAGER_ADMIN_PASSWORD = 'Welcome1';
export const CLI_PROMPT = 'OVM> ';

export type CliResult =
  | { kind: 'text'; text: string }
  | { kind: 'wait'; command: string; jobId: string }
  | { kind: 'exit' };

/** `Time: 2026-03-02 08:01:02,458 UTC`: the milliseconds vary per command, as on the real CLI. */
function cliTime(world: WorldState, command: string): string {
  const ms = String(hash32(`${command}@${world.clockMs}`) % 1000).padStart(3, '0');
  return `${managerTime(world, world.clockMs)},${ms} UTC`;
}

export function successBlock(world: WorldState, command: string, extra: string[] = []): string {
  return [`Command: ${command}`, 'Status: Success', `Time: ${cliTime(world, command)}`, ...extra].join('\n') + '\n';
}

export function failureBlock(world: WorldState, command: string, msg: string, jobId?: string): string {
  return [`Command: ${command}`, 'Status: Failure', `Time: ${cliTime(world, command)}`, ...(jobId ? [`JobId: ${jobId}`] : []), `Error Msg: ${msg}`].join('\n') + '\n';
}

/** The block printed when a job the CLI waited for has ended. */
export function jobBlock(world: WorldState, command: string, job: MgrJob): string {
  if (job.status === 'Success') return successBlock(world, command, [`JobId: ${job.id}`]);
  return failureBlock(world, command, `Job failed on Core: ${job.message}`, job.id);
}

/** `name=value` pairs (case-insensitive keys); the value may be quoted. */
function attrs(words: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const w of words) {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(w);
    if (!m) return `Invalid attribute: ${w}`;
    out[m[1]!.toLowerCase()] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** Splits a CLI line into words, honouring "quoted values". */
function words(line: string): string[] {
  return line.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
}

/** `edit Vm`: id= (or name=) picks the VM; with id=, name= renames it; the other attributes as the CLI names them. */
function vmEditArgs(a: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { vm: (a.id ?? a.name)! };
  if (a.id !== undefined && a.name !== undefined) out.name = a.name;
  const keys: Array<[string, string]> = [['description', 'description'], ['memory', 'memory'], ['memorylimit', 'memoryLimit'], ['cpucount', 'cpuCount'], ['cpucountlimit', 'cpuCountLimit'], ['cpupriority', 'cpuPriority'], ['highavailability', 'ha']];
  for (const [cli, arg] of keys) if (a[cli] !== undefined) out[arg] = a[cli]!;
  return out;
}

const typeOf = (w: string | undefined): CliType | undefined => CLI_TYPES.find((t) => t.toLowerCase() === (w ?? '').toLowerCase());
const ref = (a: Record<string, string>) => a.name ?? a.id;

/** A CLI verb + type → a Manager job action and how its arguments map. */
function jobFor(verb: string, type: CliType, a: Record<string, string>, to?: { type: CliType; attrs: Record<string, string> }): { action: string; args: Record<string, string> } | string {
  const name = ref(a);
  if (!name && !(verb === 'refresh' && type === 'StorageArray')) return 'Missing attribute: name or id';
  const key = `${verb} ${type}${to ? ` ${to.type}` : ''}`;
  switch (key) {
    case 'start Vm': return { action: 'start_vm', args: { vm: name! } };
    case 'stop Vm': return { action: 'stop_vm', args: { vm: name! } };
    case 'kill Vm': return { action: 'kill_vm', args: { vm: name! } };
    case 'restart Vm': return { action: 'restart_vm', args: { vm: name! } };
    case 'migrate Vm': {
      const dst = a.destserver;
      return dst ? { action: 'migrate_vm', args: { vm: name!, server: dst } } : 'Missing attribute: destServer';
    }
    case 'edit Vm': return { action: 'edit_vm', args: vmEditArgs(a) };
    case 'edit ServerPool': return { action: 'edit_pool', args: { pool: name!, ...(a.highavailability !== undefined && { ha: a.highavailability }) } };
    case 'rediscover Server': return { action: 'rediscover_server', args: { server: name! } };
    case 'refresh Repository': return { action: 'refresh_repository', args: { repository: name! } };
    case 'refresh StorageArray': case 'refresh PhysicalDisk': return { action: 'refresh_storage', args: {} };
    case 'create ServerPool': return { action: 'create_pool', args: { name: name!, ...(a.physicaldisk && { poolfs: a.physicaldisk }), ...(a.virtualip && { ip: a.virtualip }) } };
    case 'delete ServerPool': return { action: 'delete_pool', args: { pool: name! } };
    case 'add Server ServerPool': return { action: 'add_server', args: { server: name!, pool: ref(to!.attrs) ?? '' } };
    case 'remove Server ServerPool': return { action: 'remove_server', args: { server: name! } };
    case 'add Vm ServerPool': return { action: 'assign_vm', args: { vm: name!, pool: ref(to!.attrs) ?? '' } };
    case 'remove Vm ServerPool': return { action: 'unassign_vm', args: { vm: name! } };
    case 'add Server Repository': return { action: 'present_repository', args: { server: name!, repository: ref(to!.attrs) ?? '' } };
    case 'remove Server Repository': return { action: 'unpresent_repository', args: { server: name!, repository: ref(to!.attrs) ?? '' } };
    default: return `Invalid command: ${key.toLowerCase().startsWith(verb) ? `${verb} ${type}` : key}`;
  }
}

const HELP = `For Most Object Types:
    create <Object Type> [(attribute1)="value1"] ... [on <Object Type> <instance>]
    delete <Object Type> <instance>
    edit <Object Type> <instance> (attribute1)="value1" ...
    list <Object Type>
    show <Object Type> <instance>

For Most Object Types with Children:
    add <Object Type> <instance> to <Object Type> <instance>
    remove <Object Type> <instance> from <Object Type> <instance>

Client Session Commands:
    exit
    help
    showversion

Other Commands:
    kill Vm <instance>
    migrate Vm <instance> destServer=<server>
    rediscover Server <instance>
    refresh { Repository <instance> | StorageArray <instance> }
    restart Vm <instance>
    start Vm <instance>
    stop Vm <instance>

Where <instance> is name=<name> or id=<id>; object types: ${CLI_TYPES.join(', ')}
`;

/** Runs one CLI line against the Manager. */
export function runCli(world: WorldState, m: ManagerState, line: string): CliResult {
  const command = line.trim().replace(/\s+/g, ' ');
  if (!command) return { kind: 'text', text: '' };
  const w = words(command);
  const verb = w[0]!.toLowerCase();
  if (verb === 'exit' || verb === 'quit') return { kind: 'exit' };
  if (verb === 'help') return { kind: 'text', text: HELP };
  if (verb === 'showversion') return { kind: 'text', text: '3.4.6.1708\n' };
  if (!m.up) return { kind: 'text', text: failureBlock(world, command, 'Oracle VM Manager is not running') };
  const type = typeOf(w[1]);
  if (!type) return { kind: 'text', text: failureBlock(world, command, w[1] ? `Invalid object type: ${w[1]}` : 'Missing object type') };
  const sep = w.findIndex((x, i) => i > 1 && (x.toLowerCase() === 'to' || x.toLowerCase() === 'from'));
  const a = attrs(w.slice(2, sep > 0 ? sep : undefined));
  if (typeof a === 'string') return { kind: 'text', text: failureBlock(world, command, a) };
  if (verb === 'list') return { kind: 'text', text: successBlock(world, command, ['Data: ', ...cliList(m, type)]) };
  if (verb === 'show') {
    const r = cliShow(m, type, ref(a) ?? '');
    return { kind: 'text', text: typeof r === 'string' ? failureBlock(world, command, r) : successBlock(world, command, ['Data: ', ...r]) };
  }
  let to: { type: CliType; attrs: Record<string, string> } | undefined;
  if (sep > 0) {
    const t = typeOf(w[sep + 1]);
    const ta = attrs(w.slice(sep + 2));
    if (!t) return { kind: 'text', text: failureBlock(world, command, `Invalid object type: ${w[sep + 1] ?? ''}`) };
    if (typeof ta === 'string') return { kind: 'text', text: failureBlock(world, command, ta) };
    to = { type: t, attrs: ta };
  }
  const j = jobFor(verb, type, a, to);
  if (typeof j === 'string') return { kind: 'text', text: failureBlock(world, command, j) };
  const r = submitJob(world, m, j.action, j.args);
  if (!r.ok) return { kind: 'text', text: failureBlock(world, command, r.error) };
  return { kind: 'wait', command, jobId: r.job.id };
}
