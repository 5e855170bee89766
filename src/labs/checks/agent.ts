// Checks over the Oracle VM agent: the alias of a repository in each server's agent database and
// in its own .ovsrepo (seed 002: "update repo & .ovsrepo together"), and the agent's password.
import { checkAgentPassword, AGENT_USER } from '../../sim/agent-password';
import { readDb } from '../../sim/storage/agent/agent-db';
import { dictGet, pyText } from '../../sim/storage/agent/agent-pyvalue';
import { resolveBlockDevice } from '../../sim/storage/san/block-devices';
import { readOvsrepo } from '../../sim/storage/agent/repository';
import { resolveLun } from './storage';
import { defineCheck, failWith, findHost, pass, str, type JsonSchema } from '../check-kit';
import { own } from '../own';
import type { WorldState } from '../../sim/types';

const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };

/** Where each host mounts the file system on a LUN (whole or partition). */
export function repositoryMounts(world: WorldState, lun: string | number): Array<{ host: string; path: string }> {
  const ref = resolveLun(world, lun);
  if (!ref) return [];
  const out: Array<{ host: string; path: string }> = [];
  for (const h of Object.values(world.hosts)) {
    for (const m of h.mounts) {
      const dev = resolveBlockDevice(world, h.name, m.device);
      if (dev?.lun?.array === ref.array && dev.lun.alu === ref.alu) out.push({ host: h.name, path: m.path });
    }
  }
  return out;
}

/** The alias a host's agent database gives a repository id, or null. */
export function dbAlias(world: WorldState, host: string, repoId: string): string | null {
  const h = own(world.hosts, host);
  const db = h ? readDb(world, h, 'repository') : null;
  if (!db?.ok) return null;
  return pyText(dictGet(dictGet(db.db, repoId), 'alias')) ?? null;
}

const repoAlias = defineCheck<{ lun: string | number; alias: string; host?: string; where?: 'ovsrepo' | 'db' | 'both' }>({
  summary: 'The repository on the LUN carries this alias in its .ovsrepo and/or in the agent database of the host (of every host mounting it when none is named).',
  args: { lun: lunArg, alias: str, host: str, where: { type: 'string', enum: ['ovsrepo', 'db', 'both'] } },
  required: ['lun', 'alias'],
  run({ world }, a) {
    const where = a.where ?? 'both';
    const only = a.host === undefined ? undefined : findHost(world, a.host)?.name;
    const mounts = repositoryMounts(world, a.lun).filter((m) => only === undefined || m.host === only);
    if (!mounts.length) return failWith(`the repository on LUN ${a.lun} is not mounted${only ? ` on ${only}` : ''}`);
    for (const m of mounts) {
      const repo = readOvsrepo(world, world.hosts[m.host]!, m.path);
      if (!repo?.uuid) return failWith(`${m.path} has no readable .ovsrepo`);
      if (where !== 'db' && repo.alias !== a.alias) return failWith(`.ovsrepo says ${repo.alias ?? 'nothing'}`);
      if (where !== 'ovsrepo') {
        const db = dbAlias(world, m.host, repo.uuid);
        if (db !== a.alias) return failWith(`${m.host}'s agent database says ${db ?? 'nothing'}`);
      }
    }
    return pass();
  },
});

const agentPassword = defineCheck<{ host: string; password: string }>({
  summary: 'The Oracle VM agent of a host accepts this password (the one `service ovs-agent configure` set).',
  args: { host: str, password: str },
  required: ['host', 'password'],
  run({ world }, a) {
    const h = findHost(world, a.host);
    if (!h) return failWith(`no host ${a.host}`);
    return checkAgentPassword(world, h, AGENT_USER, a.password) ? pass() : failWith(`${h.name}'s agent has another password`);
  },
});

export const agentChecks = {
  repo_alias: repoAlias,
  agent_password: agentPassword,
};
