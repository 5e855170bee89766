// Builds the world a lab (or a sandbox scenario) starts from: a named builder, then the
// scenario base's overrides, then the lab's. Overrides are data: hosts, guests, files, release.
import { buildDefaultWorld } from '../sim/scenario/default';
import { defaultDom0MemMiB } from '../sim/memory';
import { mkdir, writeFile } from '../sim/vfs';
import { renderVmCfg } from '../sim/xen/vm-cfg';
import { setAgentPassword } from '../sim/agent-password';
import { applyDomainOverride, removeGuest } from './scenario-domains';
import { addRepository } from './scenario-storage';
import { unregisterRepositories } from './scenario-ovm22';
import { buildOvm22World } from '../sim/scenario/ovm22';
import { isPrototypeName, own } from './own';
import type { WorldState } from '../sim/types';
import type { HostOverride, Overrides, ScenarioBase } from './types';

export interface BuilderOptions {
  hostNames?: string[];
}

/** The world builders a scenario base may name. A storage-rich builder is added here when one lands. */
export const BUILDERS: Record<string, (seed: number, opts: BuilderOptions) => WorldState> = {
  default: (seed, o) => buildDefaultWorld(seed, o.hostNames ? { hostNames: [o.hostNames[0]!, o.hostNames[1] ?? 'ovs02'] } : {}),
  ovm22: (seed) => buildOvm22World(seed),
};

/** The world of a scenario base plus extra overrides (a lab's), all on one seed. */
export function buildScenarioWorld(base: ScenarioBase, seed: number, extra?: Overrides): WorldState {
  const build = own(BUILDERS, base.builder);
  if (!build) throw new Error(`labs/_scenarios/${base.name}.yaml: no world builder “${base.builder}”`);
  const hostNames = extra?.host_names ?? base.overrides?.host_names;
  const world = build(seed, hostNames ? { hostNames } : {});
  if (base.overrides) applyOverrides(world, base.overrides);
  if (extra) applyOverrides(world, extra);
  return world;
}

export function applyOverrides(world: WorldState, o: Overrides): void {
  if (o.release) for (const h of Object.values(world.hosts)) setRelease(world, h.name, o.release);
  if (o.unregister_repositories) unregisterRepositories(world);
  for (const h of o.hosts ?? []) applyHostOverride(world, h);
  for (const name of o.remove_domains ?? []) removeGuest(world, name);
  const repos: Record<string, string> = {};
  for (const r of o.repositories ?? []) repos[String(r.lun)] = addRepository(world, r);
  for (const d of o.domains ?? []) {
    const repo = d.repository === undefined ? undefined : own(repos, d.repository);
    if (d.repository !== undefined && !repo) throw new Error(`scenario override: ${d.simple}: no repository created on LUN ${d.repository}`);
    applyDomainOverride(world, d, repo);
  }
  // vm.cfg files follow the guests' final shape.
  for (const d of Object.values(world.domains)) {
    const owner = Object.values(world.hosts).find((h) => h.mounts.some((m) => d.cfgPath.startsWith(m.path + '/')));
    if (owner) writeFile(world, owner, d.cfgPath, renderVmCfg(d));
  }
}

function setRelease(world: WorldState, hostName: string, release: 'ovm34' | 'ovm22'): void {
  const h = world.hosts[hostName]!;
  h.release = release;
  writeFile(world, h, '/etc/ovs-release', release === 'ovm22' ? 'Oracle VM server release 2.2.2\n' : 'Oracle VM server release 3.4.6\n');
  writeFile(world, h, '/etc/redhat-release', release === 'ovm22' ? 'Enterprise Linux Enterprise Linux Server release 5.5 (Carthage)\n' : 'Oracle Linux Server release 6.10\n');
}

function applyHostOverride(world: WorldState, o: HostOverride): void {
  const h = own(world.hosts, o.name);
  if (!h) throw new Error(`scenario override: no host “${o.name}”`);
  if (o.memory !== undefined) {
    h.memoryMiB = o.memory;
    h.dom0MemMiB = defaultDom0MemMiB(o.memory);
  }
  if (o.dom0_mem !== undefined) h.dom0MemMiB = o.dom0_mem;
  if (o.cpu) {
    const c = o.cpu;
    h.cpu = {
      sockets: c.sockets ?? h.cpu.sockets,
      coresPerSocket: c.cores_per_socket ?? h.cpu.coresPerSocket,
      threadsPerCore: c.threads_per_core ?? h.cpu.threadsPerCore,
      mhz: c.mhz ?? h.cpu.mhz,
      model: c.model ?? h.cpu.model,
      virtFlag: c.virt_flag ?? h.cpu.virtFlag,
    };
    h.dom0Vcpus = h.cpu.sockets * h.cpu.coresPerSocket * h.cpu.threadsPerCore;
  }
  for (const [svc, state] of Object.entries(o.services ?? {})) if (!isPrototypeName(svc)) h.services[svc] = state;
  for (const [path, content] of Object.entries(o.files ?? {})) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    mkdir(world, h, dir, '/', true);
    writeFile(world, h, path, content);
  }
  if (o.agent_password !== undefined) setAgentPassword(world, h, o.agent_password);
}
