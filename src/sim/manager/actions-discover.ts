// The Discover Servers job: the Manager logs in to a server's agent with its password and adds
// the server — to the pool its agent names when the Manager knows that pool, else unassigned — with
// the physical disks it sees. Same shape as the other jobs (action-types.ts).
import { STRERROR } from '../errno';
import { sha1Hex } from '../../lib/sha1';
import type { ActionDef } from './action-types';
import { agentAlive, agentCallDone, agentCallFailed, agentCallStart, agentPasswordOf } from './agent';
import { describeServer, discoverDisks } from './discover';
import { agentPoolUuid } from './rebuild';
import { findServer, managerEvent, touch } from './state';

export const DISCOVER_ACTIONS: Record<string, ActionDef> = {
  discover_server: {
    check(world, m, a) {
      const host = Object.values(world.hosts).find((h) => h.name === a.server || h.ip === a.server);
      if (!host) return `Unable to connect to ${a.server ?? ''}: no route to host`;
      if (findServer(m, host.name)) return `Server ${host.name} is already discovered`;
      a.server = host.name;
      return { summary: `Discover Server: ${host.name}`, objectKey: `server:${host.name}` };
    },
    start(world, _m, job) {
      const host = world.hosts[job.args.server!];
      if (!agentAlive(host)) return `Unable to connect to server ${job.args.server}: ${STRERROR.ECONNREFUSED}`;
      agentCallStart(world, host, 'discover_server', []);
      job.dueMs = world.clockMs + 6000;
      return null;
    },
    step(world, m, job) {
      const host = world.hosts[job.args.server!];
      if (!agentAlive(host)) return `Unable to connect to server ${job.args.server}: ${STRERROR.ECONNREFUSED}`;
      if (sha1Hex(job.args.password ?? '') !== agentPasswordOf(world, host)) {
        agentCallFailed(world, host, 'discover_server', 'authentication failed');
        return `Unable to log in to the Oracle VM Agent on ${host.name}: invalid password`;
      }
      if (findServer(m, host.name)) return `Server ${host.name} is already discovered`;
      const member = agentPoolUuid(world, host);
      const pool = member ? m.pools.find((p) => p.id === member) : undefined;
      const s = describeServer(world, m, host, pool?.id ?? null, false);
      m.servers.push(s);
      discoverDisks(world, m, [host]);
      agentCallDone(world, host, 'discover_server');
      managerEvent(world, m, 'INFORMATIONAL', host.name, 'server.discovered', `Server ${host.name} discovered${pool ? ` in server pool ${pool.name}` : ''}`);
      if (member && !pool) managerEvent(world, m, 'WARNING', host.name, 'server.pool', `Server ${host.name} reports membership of server pool ${member}, which this Manager does not know`);
      touch(m);
      return null;
    },
  },
};
