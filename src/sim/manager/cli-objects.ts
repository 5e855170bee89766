// The CLI's `list` and `show` for each object type: `  id:<id>  name:<name>` lines, and
// `  Key = value` attribute lines with `[name]` after an object reference (CLI-FORMAT.md).
import type { ManagerState } from './types';
import { vmEditFields } from './view';

export const CLI_TYPES = ['Vm', 'Server', 'ServerPool', 'Repository', 'PhysicalDisk', 'Network', 'Job', 'StorageArray'] as const;
export type CliType = (typeof CLI_TYPES)[number];

function rows(m: ManagerState, type: CliType): Array<{ id: string; name: string }> {
  switch (type) {
    case 'Vm': return m.vms.map((v) => ({ id: v.id, name: v.name }));
    case 'Server': return m.servers.map((s) => ({ id: s.id, name: s.name }));
    case 'ServerPool': return m.pools.map((p) => ({ id: p.id, name: p.name }));
    case 'Repository': return m.repositories.map((r) => ({ id: r.id, name: r.name }));
    case 'PhysicalDisk': return m.disks.map((d) => ({ id: d.id, name: d.name }));
    case 'Network': return m.networks.map((n) => ({ id: n.id, name: n.name }));
    case 'Job': return m.jobs.map((j) => ({ id: j.id, name: j.summary }));
    case 'StorageArray': return [{ id: 'SAN', name: 'SAN' }];
  }
}

export function cliList(m: ManagerState, type: CliType): string[] {
  return rows(m, type).map((r) => `  id:${r.id}  name:${r.name}`);
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export function cliShow(m: ManagerState, type: CliType, ref: string): string[] | string {
  const hit = rows(m, type).find((r) => r.name === ref || r.id === ref);
  if (!hit) return `No such object (${type}): ${ref}`;
  const kv = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `  ${k} = ${v}`);
  const srv = (name: string | null) => {
    const s = m.servers.find((x) => x.name === name);
    return s ? `${s.id}  [${s.name}]` : '';
  };
  switch (type) {
    case 'Vm': {
      const v = m.vms.find((x) => x.id === hit.id)!;
      const e = vmEditFields(v);
      const repo = m.repositories.find((r) => r.id === v.repository);
      const pool = m.pools.find((p) => p.id === v.pool);
      return kv([['Name', v.name], ['Id', v.id], ['Status', v.status], ['Memory (MB)', String(v.memoryMiB)], ['Max. Memory (MB)', String(e.maxMemoryMiB)], ['Processors', String(v.vcpus)], ['Max. Processors', String(e.maxVcpus)], ['High Availability', yesNo(v.ha)], ['Operating System', v.os], ...(pool ? [['Server Pool', `${pool.id}  [${pool.name}]`] as [string, string]] : []), ...(v.server ? [['Server', srv(v.server)] as [string, string]] : []), ...(repo ? [['Repository', `${repo.id}  [${repo.name}]`] as [string, string]] : [])]);
    }
    case 'Server': {
      const s = m.servers.find((x) => x.id === hit.id)!;
      const pool = m.pools.find((p) => p.id === s.pool);
      const vms = m.vms.filter((v) => v.server === s.name);
      return kv([['Name', s.name], ['Id', s.id], ['Status', s.status], ['Ip Address', s.ip], ['Memory (MiB)', String(s.memoryMiB)], ['Processors', String(s.cpus)], ['Roles', s.roles.join(',')], ['Master', yesNo(!!pool && pool.master === s.name)], ...(pool ? [['Server Pool', `${pool.id}  [${pool.name}]`] as [string, string]] : []), ...vms.map((v, i) => [`Vm ${i + 1}`, `${v.id}  [${v.name}]`] as [string, string])]);
    }
    case 'ServerPool': {
      const p = m.pools.find((x) => x.id === hit.id)!;
      const servers = m.servers.filter((s) => s.pool === p.id);
      return kv([['Name', p.name], ['Id', p.id], ['Virtual IP', p.virtualIp], ['Master Server', p.master ? srv(p.master) : ''], ['High Availability', yesNo(p.ha)], ['Cluster Id', p.clusterId ?? ''], ...servers.map((s, i) => [`Server ${i + 1}`, `${s.id}  [${s.name}]`] as [string, string])]);
    }
    case 'Repository': {
      const r = m.repositories.find((x) => x.id === hit.id)!;
      return kv([['Name', r.name], ['Id', r.id], ['Status', r.status], ['File System', r.disk ? `/dev/mapper/${r.disk}` : r.mountPath], ...r.presentedTo.map((n, i) => [`Presented Server ${i + 1}`, srv(n)] as [string, string])]);
    }
    case 'PhysicalDisk': {
      const d = m.disks.find((x) => x.id === hit.id)!;
      return kv([['Name', d.name], ['Id', d.id], ['Page83 ID', d.page83], ['Size (GiB)', String(Math.round(d.sizeBytes / 1024 ** 3))], ['Status', d.status]]);
    }
    case 'Job': {
      const j = m.jobs.find((x) => x.id === hit.id)!;
      return kv([['Id', j.id], ['Name', j.summary], ['Summary Done', yesNo(j.status === 'Success' || j.status === 'Failure')], ['Job Run State', j.status === 'In Progress' ? 'Running' : j.status === 'Pending' ? 'Pending' : 'Done'], ['Job Summary State', j.status], ...(j.message ? [['Error Msg', j.message] as [string, string]] : [])]);
    }
    default:
      return kv([['Name', hit.name], ['Id', hit.id]]);
  }
}
