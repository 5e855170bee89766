// The 2.x Manager's /opt/ovs-manager-2.1/bin/backup.sh (seed 001): a Backup exports the OVS
// schema to /OVS/backup/ovm.dmp (log ovm.dmp.log); a Restore drops the schema and imports the
// dump (log ovm.dmp.imp.log). After a restore the VM statuses are those of the dump until the
// agents' next reports (~2 minutes) bring them up to date.
import type { WorldState } from '../types';
import type { ManagerState } from './types';
import { managerEvent, touch } from './state';

export const BACKUP_SCRIPT = '/opt/ovs-manager-2.1/bin/backup.sh';
export const DUMP_FILE = '/OVS/backup/ovm.dmp';

/** The parts of the database a dump holds (not the jobs, events or the backup itself). */
export function backupManager(world: WorldState, m: ManagerState): void {
  const { pools, servers, repositories, disks, vms, networks } = m;
  m.backup = { atMs: world.clockMs, dump: JSON.stringify({ pools, servers, repositories, disks, vms, networks }) };
  managerEvent(world, m, 'INFORMATIONAL', m.hostname, 'manager.backup', `Backup of the OVS schema written to ${DUMP_FILE}`);
}

/** Restores the last dump; false when there is none. */
export function restoreManager(world: WorldState, m: ManagerState): boolean {
  if (!m.backup) return false;
  const d = JSON.parse(m.backup.dump) as Pick<ManagerState, 'pools' | 'servers' | 'repositories' | 'disks' | 'vms' | 'networks'>;
  Object.assign(m, d);
  m.backup.restored = true;
  touch(m);
  managerEvent(world, m, 'WARNING', m.hostname, 'manager.restore', `OVS schema restored from ${DUMP_FILE}`);
  return true;
}
