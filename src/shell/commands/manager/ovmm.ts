// `ovmm VERB TYPE [NAME] [key=value …]`: one Manager action as a command line. The Manager tab
// runs its buttons through this command (in the engine's hidden panel session), so every click
// is journaled, undone and replayed like anything typed.
import { submitJob } from '../../../sim/manager/jobs';
import { defineCommand, fail, ok, type CommandSpec } from '../../types';

/** VERB TYPE → the job's action and the argument NAME fills. */
export const OVMM_VERBS: Record<string, { action: string; nameArg: string | null }> = {
  'start vm': { action: 'start_vm', nameArg: 'vm' },
  'stop vm': { action: 'stop_vm', nameArg: 'vm' },
  'kill vm': { action: 'kill_vm', nameArg: 'vm' },
  'restart vm': { action: 'restart_vm', nameArg: 'vm' },
  'migrate vm': { action: 'migrate_vm', nameArg: 'vm' },
  'edit vm': { action: 'edit_vm', nameArg: 'vm' },
  'assign vm': { action: 'assign_vm', nameArg: 'vm' },
  'unassign vm': { action: 'unassign_vm', nameArg: 'vm' },
  'rediscover server': { action: 'rediscover_server', nameArg: 'server' },
  'discover server': { action: 'discover_server', nameArg: 'server' },
  'add server': { action: 'add_server', nameArg: 'server' },
  'remove server': { action: 'remove_server', nameArg: 'server' },
  'refresh repository': { action: 'refresh_repository', nameArg: 'repository' },
  'present repository': { action: 'present_repository', nameArg: 'repository' },
  'unpresent repository': { action: 'unpresent_repository', nameArg: 'repository' },
  'refresh storage': { action: 'refresh_storage', nameArg: null },
  'create pool': { action: 'create_pool', nameArg: 'name' },
  'delete pool': { action: 'delete_pool', nameArg: 'pool' },
  'edit pool': { action: 'edit_pool', nameArg: 'pool' },
};

const USAGE = 'ovmm VERB TYPE [NAME] [key=value ...]';

export const ovmm = defineCommand({
  name: 'ovmm',
  summary: 'Oracle VM Manager: run one Manager action as a job (what the Manager tab does)',
  usage: USAGE,
  complete: (c, words, cur) => {
    if (words.length === 0) return [...new Set(Object.keys(OVMM_VERBS).map((k) => k.split(' ')[0]!))].filter((v) => v.startsWith(cur));
    if (words.length === 1) return Object.keys(OVMM_VERBS).filter((k) => k.startsWith(words[0] + ' ')).map((k) => k.split(' ')[1]!).filter((t) => t.startsWith(cur));
    const m = c.world.manager;
    if (!m || words.length !== 2) return [];
    const names = words[1] === 'vm' ? m.vms.map((v) => v.name) : words[1] === 'server' ? m.servers.map((s) => s.name) : words[1] === 'repository' ? m.repositories.map((r) => r.name) : words[1] === 'pool' ? m.pools.map((p) => p.name) : [];
    return names.filter((n) => n.startsWith(cur));
  },
  run(ctx) {
    const m = ctx.world.manager;
    if (!m) return fail('ovmm: there is no Oracle VM Manager in this data centre\n');
    const [verb, type, ...rest] = ctx.args;
    const def = verb && type ? OVMM_VERBS[`${verb} ${type}`] : undefined;
    if (!def) return fail(`usage: ${USAGE}\n`, 2);
    const args: Record<string, string> = {};
    for (const word of rest) {
      const eq = word.indexOf('=');
      if (eq > 0) args[word.slice(0, eq)] = word.slice(eq + 1);
      else if (def.nameArg && args[def.nameArg] === undefined) args[def.nameArg] = word;
      else return fail(`ovmm: unexpected argument: ${word}\n`, 2);
    }
    const r = submitJob(ctx.world, m, def.action, args);
    if (!r.ok) return fail(`ovmm: ${r.error}\n`);
    return ok(`Job ${r.job.id} submitted: ${r.job.summary}\n`);
  },
});

export const manager: readonly CommandSpec[] = [ovmm];
