// Editing a VM's vm.cfg in place, as Oracle VM Manager's Edit Virtual Machine does through the
// agent: the keys it owns are rewritten (others, hand-edited or not, are kept), and a halted
// domain's record follows its file (what the next start builds from).
import { readFile, writeFile } from '../vfs';
import type { DomainState, HostState, WorldState } from '../types';

/** What Edit Virtual Machine can change; an absent field is left alone. */
export interface VmCfgChange {
  simpleName?: string;
  description?: string;
  memoryMiB?: number;
  maxMemMiB?: number;
  vcpus?: number;
  maxVcpus?: number;
  weight?: number;
  ha?: boolean;
}

/** Python 2 repr of a str, as the Manager writes vm.cfg values. */
const pyQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The vm.cfg lines a change sets, in the order they are applied. */
function assignments(c: VmCfgChange): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (c.simpleName !== undefined) out.push(['OVM_simple_name', pyQuote(c.simpleName)]);
  if (c.description !== undefined) out.push(['OVM_description', pyQuote(c.description)]);
  if (c.memoryMiB !== undefined) out.push(['memory', String(c.memoryMiB)]);
  if (c.maxMemMiB !== undefined) out.push(['maxmem', String(c.maxMemMiB)]);
  if (c.vcpus !== undefined) out.push(['vcpus', String(c.vcpus)]);
  if (c.maxVcpus !== undefined) out.push(['maxvcpus', String(c.maxVcpus)]);
  if (c.weight !== undefined) out.push(['cpu_weight', String(c.weight)]);
  if (c.ha !== undefined) out.push(['OVM_high_availability', c.ha ? 'True' : 'False']);
  return out;
}

/** Sets `key = value` in a vm.cfg text: the key's line replaced, else added after `memory` (maxmem) or at the end. */
function setKey(text: string, key: string, value: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l));
  if (at >= 0) lines[at] = `${key} = ${value}`;
  else {
    const mem = key === 'maxmem' ? lines.findIndex((l) => /^\s*memory\s*=/.test(l)) : -1;
    lines.splice(mem >= 0 ? mem + 1 : lines.length, 0, `${key} = ${value}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Writes `change` into the domain's vm.cfg (read and written on `host`, which has the repository
 * mounted). A halted domain's record takes the new values; a running one keeps what xend runs
 * (the caller changes that through domain-settings.ts). Returns an error text or null.
 */
export function editVmCfg(world: WorldState, host: HostState, d: DomainState, change: VmCfgChange): string | null {
  const cur = readFile(world, host, d.cfgPath);
  if (!cur.ok) return `Cannot find vm.cfg for ${d.name}: ${d.cfgPath}`;
  let text = cur.value;
  for (const [k, v] of assignments(change)) text = setKey(text, k, v);
  const w = writeFile(world, host, d.cfgPath, text);
  if (!w.ok) return `Cannot write ${d.cfgPath}`;
  if (change.simpleName !== undefined) d.simpleName = change.simpleName;
  if (d.domid === null) {
    if (change.maxMemMiB !== undefined) d.maxMemMiB = change.maxMemMiB;
    if (change.memoryMiB !== undefined) d.memoryMiB = change.memoryMiB;
    if (change.maxVcpus !== undefined) d.maxVcpus = change.maxVcpus;
    if (change.vcpus !== undefined) d.vcpus = change.vcpus;
    if (change.weight !== undefined) d.weight = change.weight;
  }
  return null;
}
