// ovs-agent-db (OVM 3): dump, read and change the agent's databases (sim/storage/agent/agent-db.ts),
// `-c` for the pool's cluster databases on the pool file system. Values are Python literals,
// parsed without eval. OVM 2.2 has no such tool.
import { defineCommand, type CommandOutcome, type CommandSpec } from '../types';
import { AGENT_DB_HELP, optparseError, renderPy } from '../../sim/render/agent-db';
import { dbPath, listDbs, readDb, writeDb } from '../../sim/storage/agent/agent-db';
import { remove } from '../../sim/vfs';
import { dictGet, isDict, parsePy, pyText, repr } from '../../sim/storage/agent/agent-pyvalue';
import type { CommandContext } from '../types';
import type { AgentDb, PyValue } from '../../sim/storage/agent/agent-types';

const usageErr = (msg: string): CommandOutcome => ({ stdout: '', stderr: optparseError(msg), exitCode: 2 });

/** The error the agent's library raises, as its last traceback line [INFERRED wording]. */
const agentErr = (msg: string): CommandOutcome => ({ stdout: '', stderr: `ovs-agent-db: error: ${msg}\n`, exitCode: 1 });

const ARITY: Record<string, number> = { list_db: 0, create_db: 1, delete_db: 1, dump_db: 1, read_item: 2, write_item: 3, update_item: 3, delete_item: 2 };

function open(ctx: CommandContext, name: string, cluster: boolean): { ok: true; db: AgentDb } | { ok: false; out: CommandOutcome } {
  const r = readDb(ctx.world, ctx.host, name, cluster);
  if (r.ok) return r;
  if (r.error === 'no-poolfs') return { ok: false, out: agentErr('the pool file system is not mounted') };
  if (r.error === 'corrupt') return { ok: false, out: agentErr(`db '${name}' is corrupt`) };
  return { ok: false, out: agentErr(`db '${name}' does not exist`) };
}

function keyIndex(db: AgentDb, key: string): number {
  return db.$dict.findIndex(([k]) => pyText(k) === key || repr(k) === key);
}

const agentDb = defineCommand({
  name: 'ovs-agent-db',
  release: 'ovm34',
  dir: '/usr/sbin',
  summary: 'read and change the Oracle VM agent databases',
  usage: 'ovs-agent-db [-c] <command> [args]',
  run(ctx) {
    if (ctx.host.release === 'ovm22') return { stdout: '', stderr: '-bash: ovs-agent-db: command not found\n', exitCode: 127 };
    let cluster = false;
    const args: string[] = [];
    for (const a of ctx.args) {
      if (a === '-h' || a === '--help') return { stdout: AGENT_DB_HELP, stderr: '', exitCode: 0 };
      if (a === '-c' || a === '--cluster') cluster = true;
      else if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a)) return usageErr(`no such option: ${a.startsWith('--') ? a : a.slice(0, 2)}`);
      else args.push(a);
    }
    const [cmd, ...rest] = args;
    if (!cmd) return usageErr('no command given');
    const arity = ARITY[cmd];
    if (arity === undefined) return usageErr(`invalid command: ${cmd}`);
    if (rest.length !== arity) return usageErr(`${cmd}: wrong number of arguments`);
    const [name, key, text] = rest as [string, string, string];
    switch (cmd) {
      case 'list_db':
        return { stdout: listDbs(ctx.world, ctx.host, cluster).map((n) => n + '\n').join(''), stderr: '', exitCode: 0 };
      case 'create_db': {
        if (readDb(ctx.world, ctx.host, name, cluster).ok) return agentErr(`db '${name}' already exists`);
        return writeDb(ctx.world, ctx.host, name, { $dict: [] }, cluster) ? { stdout: '', stderr: '', exitCode: 0 } : agentErr('the pool file system is not mounted');
      }
      case 'delete_db': {
        const o = open(ctx, name, cluster);
        if (!o.ok) return o.out;
        remove(ctx.world, ctx.host, dbPath(ctx.host, name, cluster)!);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      case 'dump_db': {
        const o = open(ctx, name, cluster);
        return o.ok ? { stdout: renderPy(o.db), stderr: '', exitCode: 0 } : o.out;
      }
      case 'read_item': {
        const o = open(ctx, name, cluster);
        if (!o.ok) return o.out;
        const v = dictGet(o.db, key);
        return v === undefined ? agentErr(`key '${key}' not found in db '${name}'`) : { stdout: renderPy(v), stderr: '', exitCode: 0 };
      }
      case 'delete_item': {
        const o = open(ctx, name, cluster);
        if (!o.ok) return o.out;
        const i = keyIndex(o.db, key);
        if (i < 0) return agentErr(`key '${key}' not found in db '${name}'`);
        o.db.$dict.splice(i, 1);
        writeDb(ctx.world, ctx.host, name, o.db, cluster);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      case 'write_item':
      case 'update_item': {
        const o = open(ctx, name, cluster);
        if (!o.ok) return o.out;
        const parsed = parsePy(text);
        if (!parsed.ok) return agentErr(`invalid value: ${text}`);
        let value: PyValue = parsed.value;
        const i = keyIndex(o.db, key);
        if (cmd === 'update_item') {
          const old = i >= 0 ? o.db.$dict[i]![1] : undefined;
          if (!isDict(value)) return agentErr('update_item needs a dict value');
          if (old && isDict(old)) {
            const merged = { $dict: [...old.$dict] };
            for (const [k, x] of value.$dict) {
              const j = merged.$dict.findIndex(([mk]) => repr(mk) === repr(k));
              if (j >= 0) merged.$dict[j] = [k, x];
              else merged.$dict.push([k, x]);
            }
            value = merged;
          }
        }
        if (i >= 0) o.db.$dict[i] = [o.db.$dict[i]![0], value];
        else o.db.$dict.push([key, value]);
        writeDb(ctx.world, ctx.host, name, o.db, cluster);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
    }
    return usageErr(`invalid command: ${cmd}`);
  },
});

export const agent: readonly CommandSpec[] = [agentDb];
