// The 3.x Manager's MySQL repository and its backups (Oracle VM Administrator's Guide, "Backing up
// the MySQL Database Repository"): a full backup every 24 hours into
// /u01/app/oracle/mysql/dbbackup/AutoFullBackup-MMDDYYYY_hhmmss (the 21 newest kept), a backup on
// demand (BackupDatabase -w, a ManualBackup-… directory the rotation ignores), a reinstall that
// leaves the database empty, and RestoreDatabase.sh: it stops the Manager (`service ovmm`,
// rebuild.ts), puts the backup's database in place and starts it again. A restored Manager believes what it
// believed at the backup's time; the agents' next reports (about two minutes) correct the statuses.
// Every change to the Manager goes through a function here; all time is the simulation clock.
import { two } from '../../lib/calendar';
import { wallTime } from '../clock';
import { hash32 } from '../processes';
import type { WorldState } from '../types';
import type { ManagerState, MgrDbBackup } from './types';
import { managerEvent, touch } from './state';
import { deleteManagerDb, startManagerService, stopManagerService } from './rebuild';

export const DBBACKUP_DIR = '/u01/app/oracle/mysql/dbbackup';
export const RESTORE_SCRIPT = '/u01/app/oracle/ovm-manager-3/bin/RestoreDatabase.sh';
export const BACKUP_TOOL = '/u01/app/oracle/ovm-manager-3/ovm_tools/bin/BackupDatabase';
export const AUTO_BACKUP_INTERVAL_MS = 24 * 3600_000;
/** The rotation keeps this many AutoFullBackup directories; manual ones are never rotated. */
export const AUTO_BACKUPS_KEPT = 21;
/** How many nightly backups a Manager installed with the world already has. */
const INITIAL_AUTO_BACKUPS = 3;

/** `MMDDYYYY_hhmmss` of a moment of the simulation clock (UTC wall time). */
function stamp(world: WorldState, ms: number): string {
  const d = wallTime(world, ms);
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${d.getUTCFullYear()}_${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/** The database a backup holds: the Manager's objects (not its jobs, events or backups). */
function dumpOf(m: ManagerState): string {
  const { pools, servers, repositories, disks, vms, networks } = m;
  return JSON.stringify({ pools, servers, repositories, disks, vms, networks });
}

export type DbDump = Pick<ManagerState, 'pools' | 'servers' | 'repositories' | 'disks' | 'vms' | 'networks'>;

export const readDump = (b: MgrDbBackup): DbDump => JSON.parse(b.dump) as DbDump;

export const dbBackups = (m: ManagerState): MgrDbBackup[] => m.dbBackups ?? [];

/** A backup by directory name, or by a path under DBBACKUP_DIR (a trailing `/` allowed). */
export function findDbBackup(m: ManagerState, ref: string): MgrDbBackup | undefined {
  const name = ref.replace(/\/+$/, '').replace(new RegExp(`^${DBBACKUP_DIR}/`), '');
  return dbBackups(m).find((b) => b.name === name);
}

function addBackup(world: WorldState, m: ManagerState, kind: MgrDbBackup['kind'], atMs: number): MgrDbBackup {
  const b: MgrDbBackup = { name: `${kind === 'auto' ? 'AutoFullBackup' : 'ManualBackup'}-${stamp(world, atMs)}`, kind, atMs, dump: dumpOf(m) };
  const list = (m.dbBackups ??= []);
  const same = list.findIndex((x) => x.name === b.name);
  if (same >= 0) list.splice(same, 1);
  list.push(b);
  list.sort((x, y) => x.atMs - y.atMs);
  const autos = list.filter((x) => x.kind === 'auto');
  for (const old of autos.slice(0, Math.max(0, autos.length - AUTO_BACKUPS_KEPT))) list.splice(list.indexOf(old), 1);
  touch(m);
  return b;
}

/**
 * A Manager installed with the world has run for days: its last daily backups exist (of the
 * database as it is now: nothing changed since). The last one was taken 4 to 20 hours ago (per
 * world, so directory names differ between learners), the next is due 24 hours after it.
 */
export function seedDbBackups(world: WorldState, m: ManagerState): void {
  if (m.release !== '3.4') return;
  const ageS = 4 * 3600 + (hash32(`dbbackup:${world.seed}`) % (16 * 3600));
  const last = -ageS * 1000;
  for (let i = INITIAL_AUTO_BACKUPS - 1; i >= 0; i--) addBackup(world, m, 'auto', last - i * AUTO_BACKUP_INTERVAL_MS);
  m.nextAutoBackupMs = last + AUTO_BACKUP_INTERVAL_MS;
}

/** The daily backup, when due and the Manager runs (its core starts the backup). */
export function autoBackupTick(world: WorldState, m: ManagerState): void {
  if (m.nextAutoBackupMs === undefined || !m.up || world.clockMs < m.nextAutoBackupMs) return;
  const b = addBackup(world, m, 'auto', m.nextAutoBackupMs);
  while (m.nextAutoBackupMs <= world.clockMs) m.nextAutoBackupMs += AUTO_BACKUP_INTERVAL_MS;
  managerEvent(world, m, 'INFORMATIONAL', m.hostname, 'manager.backup', `Database backup ${b.name} completed`);
}

/** `BackupDatabase -w`: a full backup now. Null while the Manager does not run (it starts backups). */
export function takeManualBackup(world: WorldState, m: ManagerState): MgrDbBackup | null {
  if (!m.up) return null;
  const b = addBackup(world, m, 'manual', world.clockMs);
  managerEvent(world, m, 'INFORMATIONAL', m.hostname, 'manager.backup', `Database backup ${b.name} completed`);
  return b;
}

/** Whether the `ovmm` service runs (the Manager may still be starting). */
export const managerServiceRunning = (m: ManagerState): boolean => m.up || m.upAtMs !== null;

/**
 * Oracle VM Manager installed again (a new disk, a new server): the same UUID and address, an empty
 * database — no pools, servers, repositories, disks, VMs or networks, no jobs or events — running.
 * The backup directory survives (it was copied back). Refused on a 2.x Manager.
 */
export function reinstallManager(world: WorldState, m: ManagerState): string | null {
  if (m.release !== '3.4') return 'the 2.x Manager is restored with backup.sh, not reinstalled here';
  stopManagerService(world, m);
  const err = deleteManagerDb(world, m);
  if (err) return err;
  m.up = true;
  touch(m);
  managerEvent(world, m, 'INFORMATIONAL', m.hostname, 'manager.installed', 'Oracle VM Manager installed: the database is empty');
  return null;
}

/**
 * RestoreDatabase.sh: stops the Manager (if it runs), replaces its database with the backup's and
 * starts it. What it believed then it believes now, until the agents report. Returns what the
 * script did, or an error text.
 */
export function restoreDbBackup(world: WorldState, m: ManagerState, ref: string): { stopped: boolean; backup: MgrDbBackup } | string {
  const b = findDbBackup(m, ref);
  if (!b) return `no backup ${ref}`;
  const stopped = managerServiceRunning(m);
  stopManagerService(world, m);
  Object.assign(m, readDump(b));
  m.loseEventFor = [];
  for (const s of m.servers) s.lastReportMs = world.clockMs;
  managerEvent(world, m, 'WARNING', m.hostname, 'manager.restore', `Database restored from ${b.name}`);
  startManagerService(world, m);
  return { stopped, backup: b };
}
