// OVM 2.2 repositories (reference §8.5): the pool's list kept by repos.py in /etc/ovs/repositories
// on every server [INFERRED file format], each repository mounted at /var/ovs/mount/<UUID>, the
// root one linked as /OVS, with running_pool, seed_pool, iso_pool, sharedDisk and publish_pool.
import { STRERROR } from '../../errno';
import { lookup, mkdir, putNode, readFile, remove, writeFile } from '../../vfs';
import { mountOcfs2 } from '../ocfs2/mounts';
import type { HostState, WorldState } from '../../types';

export const REPOS_FILE = '/etc/ovs/repositories';
export const MOUNT_BASE = '/var/ovs/mount';
export const POOL_DIRS = ['iso_pool', 'publish_pool', 'running_pool', 'seed_pool', 'sharedDisk'] as const;

export interface Ovm22Repos {
  repos: Array<{ uuid: string; source: string }>;
  root: string | null;
}

export function parseRepos(text: string): Ovm22Repos {
  const out: Ovm22Repos = { repos: [], root: null };
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const sec = /^\[(\w+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    if (section === 'repositories') {
      const m = /^([0-9A-Fa-f]{32})\s*=\s*(\S+)$/.exec(line);
      if (m) out.repos.push({ uuid: m[1]!.toUpperCase(), source: m[2]! });
    } else if (section === 'root' && /^[0-9A-Fa-f]{32}$/.test(line)) out.root = line.toUpperCase();
  }
  return out;
}

export function renderRepos(r: Ovm22Repos): string {
  const lines = ['# Oracle VM Server repositories, maintained by /opt/ovs-agent-2.3/utils/repos.py', '# DO NOT EDIT', '[repositories]'];
  for (const x of r.repos) lines.push(`${x.uuid} = ${x.source}`);
  lines.push('[root]');
  if (r.root) lines.push(r.root);
  return lines.join('\n') + '\n';
}

export function readRepos(world: WorldState, host: HostState): Ovm22Repos {
  const t = readFile(world, host, REPOS_FILE);
  return t.ok ? parseRepos(t.value) : { repos: [], root: null };
}

/** repos.py writes the list on every server of the pool. */
export function writeReposEverywhere(world: WorldState, hosts: readonly HostState[], r: Ovm22Repos): void {
  for (const h of hosts) {
    mkdir(world, h, '/etc/ovs', '/', true);
    writeFile(world, h, REPOS_FILE, renderRepos(r));
  }
}

export const mountDir = (uuid: string): string => `${MOUNT_BASE}/${uuid}`;

/** Mounts one repository on one server; the OCFS2 rules apply. Returns an error text or ''. */
export function mountRepo(world: WorldState, host: HostState, repo: { uuid: string; source: string }): string {
  const dir = mountDir(repo.uuid);
  if (host.mounts.some((m) => m.path === dir)) return '';
  if (repo.source.includes(':')) return `mount: mount to NFS server '${repo.source.split(':')[0]}' failed: System Error: ${STRERROR.EHOSTUNREACH}.\n`;
  mkdir(world, host, dir, '/', true);
  const r = mountOcfs2(world, host, { device: repo.source, dir, options: ['_netdev'], cwd: '/' });
  return r.ok ? '' : r.stderr;
}

/** The pool directories and marker files inside a mounted repository. */
export function initRepoLayout(world: WorldState, host: HostState, uuid: string): void {
  const dir = mountDir(uuid);
  for (const d of POOL_DIRS) mkdir(world, host, `${dir}/${d}`, '/', true);
  mkdir(world, host, `${dir}/.ovs-agent/db`, '/', true);
  if (!lookup(world, host, `${dir}/.ovsrepo`).ok) writeFile(world, host, `${dir}/.ovsrepo`, `OVS_REPO_UUID=${uuid}\nOVS_REPO_VERSION=2.2\n`);
}

/** /OVS → /var/ovs/mount/<root uuid> (replaces an older link, leaves a real directory alone). */
export function linkRoot(world: WorldState, host: HostState, uuid: string): void {
  const cur = lookup(world, host, '/OVS', '/', true);
  if (cur.ok && cur.value.type === 'dir') {
    if (Object.keys(cur.value.children).length) return;
    remove(world, host, '/OVS');
  } else if (cur.ok) remove(world, host, '/OVS');
  putNode(world, host, '/OVS', { type: 'link', mode: 0o777, mtimeMs: world.clockMs, target: mountDir(uuid) });
}
