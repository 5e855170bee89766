// OCFS2 and O2CB across a host's reboot (hooks in sim/power.ts): going down, the shutdown scripts
// unmount its OCFS2 volumes and stop O2CB, and the other nodes see it leave; booting, o2cb starts
// from /etc/sysconfig/o2cb and the agent mounts the pool file system and its repositories again
// (OVM 3 from its databases, OVM 2.2 from repos.py's list), as far as this node can see them.
import { appendLog, isoStamp, syslog } from '../../logs';
import { servicePid } from '../../processes';
import { readDb } from '../agent/agent-db';
import { dictGet, isDict, pyText } from '../agent/agent-pyvalue';
import { mountOcfs2, volumeOfMount } from './mounts';
import { localNodeNumber, o2cbNode, readClusterConfig, setOnline, startHeartbeat, O2CB_SYSCONFIG } from './o2cb';
import { parseSysconfig } from './o2cb-config';
import { releaseSlot } from './ocfs2-volumes';
import { linkRoot, mountRepo, readRepos } from '../agent/repository-ovm22';
import { mkdir, readFile } from '../../vfs';
import type { HostState, WorldState } from '../../types';

const AGENT_LOG = '/var/log/ovs-agent.log';

/** The host went down: its mounts and cluster membership end; the others log the departure. */
export function ocfs2OnDown(world: WorldState, host: HostState): void {
  const node = localNodeNumber(world, host.name);
  const running = o2cbNode(world, host.name).running;
  for (const m of host.mounts.filter((x) => x.fsType === 'ocfs2')) {
    const vol = volumeOfMount(world, m);
    if (!vol) continue;
    releaseSlot(vol, host.name);
    for (const other of Object.values(world.hosts)) {
      if (other === host || other.down || !other.mounts.some((x) => x.fsId === vol.fsId)) continue;
      const left = Object.values(world.hosts).filter((h) => h !== host && !h.down && h.mounts.some((x) => x.fsId === vol.fsId)).map((h) => localNodeNumber(world, h.name) ?? 0).sort((a, b) => a - b);
      syslog(world, other, 'kernel', `o2dlm: Node ${node ?? 0} leaves domain ${vol.uuid} ( ${left.join(' ')} ) ${left.length} node${left.length === 1 ? '' : 's'}`);
    }
  }
  host.mounts = host.mounts.filter((m) => m.fsType !== 'ocfs2');
  if (running && world.ocfs2?.nodes[host.name]) {
    for (const n of running.nodes) {
      const other = world.hosts[n.name];
      if (!other || other === host || other.down || !o2cbNode(world, n.name).running) continue;
      syslog(world, other, 'kernel', `o2net: No longer connected to node ${host.name} (num ${node ?? 0}) at ${host.ip}:7777`);
    }
  }
  if (world.ocfs2?.nodes[host.name]) world.ocfs2.nodes[host.name] = { loaded: false, running: null, activeRegions: [] };
}

/** The host booted: o2cb as configured, then what the agent mounts. */
export function ocfs2OnBoot(world: WorldState, host: HostState): void {
  if (host.services.o2cb === 'stopped') return;
  const sys = readFile(world, host, O2CB_SYSCONFIG);
  if (!sys.ok || !parseSysconfig(sys.value, host.release).enabled) return;
  const cfg = readClusterConfig(world, host);
  if (!cfg.ok) return;
  setOnline(world, host.name, cfg.running);
  host.services.o2cb = 'running';
  if (cfg.running.heartbeatMode === 'global') startHeartbeat(world, host.name);
  if (host.services['ovs-agent'] === 'stopped') return;
  if (host.release === 'ovm22') {
    const repos = readRepos(world, host);
    for (const r of repos.repos) mountRepo(world, host, r);
    if (repos.root && host.mounts.some((m) => m.path.endsWith(repos.root!))) linkRoot(world, host, repos.root);
    return;
  }
  const server = readDb(world, host, 'server');
  if (server.ok) {
    const target = pyText(dictGet(server.db, 'poolfs_target'));
    const uuid = pyText(dictGet(server.db, 'poolfs_uuid'));
    if (target && uuid) agentMount(world, host, target, `/poolfsmnt/${uuid}`);
  }
  // A server in no pool has no cluster to mount its repositories in.
  if (!server.ok || !pyText(dictGet(server.db, 'pool_uuid'))) return;
  const repos = readDb(world, host, 'repository');
  if (repos.ok) {
    for (const [, rec] of repos.db.$dict) {
      if (!isDict(rec)) continue;
      const loc = pyText(dictGet(rec, 'fs_location'));
      const mnt = pyText(dictGet(rec, 'mount_point'));
      if (loc && mnt && pyText(dictGet(rec, 'filesystem')) === 'ocfs2') agentMount(world, host, loc, mnt);
    }
  }
}

/** The agent mounts a file system and logs it in /var/log/ovs-agent.log (reference §8.2 format). */
function agentMount(world: WorldState, host: HostState, device: string, dir: string): void {
  if (host.mounts.some((m) => m.path === dir)) return;
  mkdir(world, host, dir, '/', true);
  const r = mountOcfs2(world, host, { device, dir, options: [], cwd: '/' });
  const head = `[${isoStamp(world)} ${servicePid(host, 'ovs-agent')}]`;
  appendLog(world, host, AGENT_LOG, r.ok ? `${head} INFO (storage_plugin:312) mounted ${device} on ${dir}` : `${head} ERROR (service:97) catch_error: ${r.stderr.trim()}`);
}
