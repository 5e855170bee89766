// SQL*Plus against the 2.x Manager's database (Oracle XE, schema OVS): the few statements the
// seed uses on OVS_VM_IMG — `update ovs_vm_img set status='Powered Off' where img_name like '…'`,
// `commit`, `rollback`, `select` — over the Manager's VMs. A `where` that matches more than the
// stuck VM changes every matching VM, and the Manager then shows running VMs as Powered Off.
import type { WorldState } from '../types';
import type { ManagerState, MgrVmStatus } from './types';
import { managerEvent, touch } from './state';
import { wallTime } from '../clock';
import { DAYS, hms, MONTHS } from '../../lib/calendar';

export const OVS_SCHEMA_PASSWORD = 'oracle';

export interface SqlSession {
  user: string | null;
  /** Uncommitted updates: VM id → new status. */
  pending: Record<string, MgrVmStatus>;
}

export function sqlplusBanner(world: WorldState): string {
  const d = wallTime(world);
  return `\nSQL*Plus: Release 10.2.0.1.0 - Production on ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${hms(d)} ${d.getUTCFullYear()}\n\nCopyright (c) 1982, 2005, Oracle.  All rights reserved.\n\n`;
}

export const CONNECTED = 'Connected to:\nOracle Database 10g Express Edition Release 10.2.0.1.0 - Production\n\n';
export const DISCONNECTED = 'Disconnected from Oracle Database 10g Express Edition Release 10.2.0.1.0 - Production\n';

/** `connect user/password`: the OVS schema's password is `oracle` (seed 001). */
export function sqlConnect(s: SqlSession, cred: string): string {
  const [user, pass] = cred.split('/');
  if ((user ?? '').toLowerCase() === 'ovs' && pass === OVS_SCHEMA_PASSWORD) {
    s.user = 'OVS';
    return 'Connected.\n';
  }
  s.user = null;
  return 'ERROR:\nORA-01017: invalid username/password; logon denied\n\n';
}

/** SQL LIKE with % and _ (case-sensitive, as Oracle compares VARCHAR2). */
function like(value: string, pattern: string): boolean {
  const re = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

const VALID: MgrVmStatus[] = ['Running', 'Powered Off', 'Shutting Down', 'Initializing', 'Paused', 'Error'];

/** Runs one statement (without its `;`); returns SQL*Plus's output. */
export function sqlStatement(world: WorldState, m: ManagerState, s: SqlSession, stmt: string): string {
  const sql = stmt.trim().replace(/;$/, '').trim();
  const low = sql.toLowerCase();
  if (!sql) return '';
  if (low.startsWith('connect') || low.startsWith('conn ')) return sqlConnect(s, sql.split(/\s+/)[1] ?? '');
  if (!s.user) return 'SP2-0640: Not connected\n';
  if (low === 'commit') {
    for (const [id, status] of Object.entries(s.pending)) {
      const vm = m.vms.find((v) => v.id === id);
      if (!vm) continue;
      vm.status = status;
      if (status === 'Powered Off') vm.server = null;
      delete vm.stuck;
      managerEvent(world, m, 'WARNING', vm.name, 'vm.status', `Virtual machine ${vm.name} set to ${status} in the database`);
    }
    s.pending = {};
    touch(m);
    return '\nCommit complete.\n\n';
  }
  if (low === 'rollback') {
    s.pending = {};
    return '\nRollback complete.\n\n';
  }
  const upd = /^update\s+ovs_vm_img\s+set\s+status\s*=\s*'([^']*)'\s*(?:where\s+img_name\s*(like|=)\s*'([^']*)')?$/i.exec(sql);
  if (upd) {
    const [, status, op, pattern] = upd;
    if (!VALID.includes(status as MgrVmStatus)) return `update ovs_vm_img set status = '${status}'\n*\nERROR at line 1:\nORA-02290: check constraint (OVS.OVS_VM_IMG_STATUS_CK) violated\n\n`;
    const hit = m.vms.filter((v) => pattern === undefined || (op!.toLowerCase() === 'like' ? like(v.name, pattern) : v.name === pattern));
    for (const v of hit) s.pending[v.id] = status as MgrVmStatus;
    return `\n${hit.length} row${hit.length === 1 ? '' : 's'} updated.\n\n`;
  }
  if (/^select\s+img_name\s*,\s*status\s+from\s+ovs_vm_img$/i.test(sql)) {
    const rows = m.vms.map((v) => [v.name, s.pending[v.id] ?? v.status] as const);
    const w = Math.max(8, ...rows.map(([n]) => n.length));
    const head = `\n${'IMG_NAME'.padEnd(w)} STATUS\n${'-'.repeat(w)} ${'-'.repeat(20)}\n`;
    return head + rows.map(([n, st]) => `${n.padEnd(w)} ${st}`).join('\n') + `\n\n${rows.length} rows selected.\n\n`;
  }
  const word = sql.split(/\s+/)[0]!;
  return `SP2-0734: unknown command beginning "${word.slice(0, 10)}..." - rest of line ignored.\n`;
}
