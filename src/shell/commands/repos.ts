// OVM 2.2's /opt/ovs-agent-2.3/utils/repos.py (reference §8.5, seed 003): --new, --list, --root,
// --init (mount every repository on every server of the pool, create the pool directories,
// link /OVS), --delete. Option letters from the 2.2 docs; output formats [INFERRED].
import { STRERROR } from '../../sim/errno';
import { nextHex } from '../../lib/rng';
import { defineCommand, type CommandOutcome, type CommandSpec } from '../types';
import { initRepoLayout, linkRoot, mountRepo, readRepos, writeReposEverywhere, mountDir } from '../../sim/storage/agent/repository-ovm22';
import { volumeAtPath } from '../../sim/storage/ocfs2/ocfs2-volumes';
import { umountTarget } from '../../sim/storage/ocfs2/mounts';
import type { CommandContext } from '../types';
import type { HostState } from '../../sim/types';

const USAGE = [
  'Usage: repos.py [options]',
  '',
  'Options:',
  '  -h, --help            show this help message and exit',
  '  -n NEW, --new=NEW     add a new repository (a block device or host:/path)',
  '  -d DELETE, --delete=DELETE',
  '                        delete a repository',
  '  -r ROOT, --root=ROOT  set the cluster root repository',
  '  -l, --list            list the repositories',
  '  -i, --init            mount the repositories on all servers of the pool',
  '',
].join('\n');

const PROG = 'repos.py';
const optErr = (msg: string): CommandOutcome => ({ stdout: '', stderr: `Usage: repos.py [options]\n\n${PROG}: error: ${msg}\n`, exitCode: 2 });
const err = (msg: string): CommandOutcome => ({ stdout: '', stderr: `Error: ${msg}\n`, exitCode: 1 });

type Action = { kind: 'new' | 'delete' | 'root'; arg: string } | { kind: 'list' | 'init' | 'help' };

function parse(args: readonly string[]): Action[] | CommandOutcome {
  const out: Action[] = [];
  const withArg: Record<string, 'new' | 'delete' | 'root'> = { '-n': 'new', '--new': 'new', '-d': 'delete', '--delete': 'delete', '-r': 'root', '--root': 'root' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a.startsWith('-') && !a.startsWith('--') && a.length > 2 ? a.slice(0, 2) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : name !== a ? a.slice(2) : undefined;
    if (withArg[name]) {
      const v = inline ?? args[++i];
      if (v === undefined) return optErr(`${name} option requires an argument`);
      out.push({ kind: withArg[name]!, arg: v });
    } else if (name === '-l' || name === '--list') out.push({ kind: 'list' });
    else if (name === '-i' || name === '--init') out.push({ kind: 'init' });
    else if (name === '-h' || name === '--help') out.push({ kind: 'help' });
    else if (a.startsWith('-')) return optErr(`no such option: ${name}`);
    else return optErr(`unexpected argument: ${a}`);
  }
  return out;
}

function poolHosts(ctx: CommandContext): HostState[] {
  const pool = ctx.world.pools.find((p) => p.hosts.includes(ctx.host.name));
  return (pool?.hosts ?? [ctx.host.name]).map((n) => ctx.world.hosts[n]!).filter((h) => h && !h.down);
}

function run(ctx: CommandContext): CommandOutcome {
  if (ctx.host.release !== 'ovm22') return { stdout: '', stderr: `-bash: ${ctx.name}: ${STRERROR.ENOENT}\n`, exitCode: 127 };
  const actions = parse(ctx.args);
  if (!Array.isArray(actions)) return actions;
  if (!actions.length || actions.some((a) => a.kind === 'help')) return { stdout: USAGE, stderr: '', exitCode: 0 };
  const hosts = poolHosts(ctx);
  let stdout = '';
  let stderr = '';
  for (const act of actions) {
    const state = readRepos(ctx.world, ctx.host);
    switch (act.kind) {
      case 'list':
        for (const r of state.repos) stdout += `[ ${r.uuid === state.root ? 'R' : ' '} ] ${r.uuid} => ${r.source}\n`;
        break;
      case 'new': {
        if (state.repos.some((r) => r.source === act.arg)) return err(`repository ${act.arg} already exists`);
        if (!act.arg.includes(':')) {
          const { dev, vol } = volumeAtPath(ctx.world, ctx.host.name, act.arg, ctx.frame.cwd);
          if (!dev) return err(`${act.arg} does not exist`);
          if (!vol) return err(`${act.arg} is not an OCFS2 file system`);
        }
        state.repos.push({ uuid: nextHex(ctx.world.rng, 32).toUpperCase(), source: act.arg });
        writeReposEverywhere(ctx.world, hosts, state);
        break;
      }
      case 'root': {
        const id = act.arg.toUpperCase();
        if (!state.repos.some((r) => r.uuid === id)) return err(`repository ${act.arg} not found`);
        state.root = id;
        writeReposEverywhere(ctx.world, hosts, state);
        break;
      }
      case 'delete': {
        const id = act.arg.toUpperCase();
        if (!state.repos.some((r) => r.uuid === id)) return err(`repository ${act.arg} not found`);
        if (state.root === id) return err(`repository ${act.arg} is the cluster root`);
        for (const h of hosts) {
          const r = umountTarget(ctx.world, h, mountDir(id), '/', () => false);
          if (!r.ok && !r.stderr.includes('not mounted') && !r.stderr.includes('not found')) stderr += `${h.name}: ${r.stderr}`;
        }
        state.repos = state.repos.filter((r) => r.uuid !== id);
        writeReposEverywhere(ctx.world, hosts, state);
        break;
      }
      case 'init': {
        for (const h of hosts) {
          for (const r of state.repos) {
            const e = mountRepo(ctx.world, h, r);
            if (e) stderr += `${h.name}: ${e}`;
            else initRepoLayout(ctx.world, h, r.uuid);
          }
          if (state.root && h.mounts.some((m) => m.path === mountDir(state.root!))) linkRoot(ctx.world, h, state.root);
        }
        break;
      }
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

const reposPy = defineCommand({
  name: 'repos.py',
  release: 'ovm22',
  dir: '/opt/ovs-agent-2.3/utils',
  summary: 'manage Oracle VM 2.2 storage repositories (/opt/ovs-agent-2.3/utils/repos.py)',
  usage: '/opt/ovs-agent-2.3/utils/repos.py [-n DEV] [-r UUID] [-d UUID] [-l] [-i]',
  run,
});

export const repos: readonly CommandSpec[] = [reposPy];
