// Checks over the 3.x Manager's database backups (sim/manager/dbbackup.ts): what a backup under
// /u01/app/oracle/mysql/dbbackup holds, so a lab can ask for a backup taken after a change.
import { dbBackups, readDump } from '../../sim/manager/dbbackup';
import { bool, defineCheck, failWith, pass, str, strList } from '../check-kit';

const managerBackup = defineCheck<{ vms?: string[]; pool?: string; ha?: boolean; repository?: string; fresh?: boolean }>({
  summary: 'One backup of the 3.x Manager\'s database (under /u01/app/oracle/mysql/dbbackup) holds these VMs and/or this server pool, each with HA on (ha: true) or off when `ha` is given, and/or this repository not Orphaned; with fresh: true, one taken since the lab began.',
  args: { vms: strList, pool: str, ha: bool, repository: str, fresh: bool },
  required: [],
  run({ world }, a) {
    const m = world.manager;
    if (!m) return failWith('there is no Oracle VM Manager in this data centre');
    const backups = dbBackups(m);
    if (!backups.length) return failWith('there is no backup of the Manager\'s database');
    const fits = backups.some((b) => {
      if (a.fresh && b.atMs < 0) return false;
      const d = readDump(b);
      if (a.repository !== undefined && !d.repositories.some((r) => (r.name === a.repository || r.id === a.repository) && r.status !== 'Orphaned')) return false;
      const pool = a.pool === undefined ? undefined : d.pools.find((p) => p.name === a.pool || p.id === a.pool);
      if (a.pool !== undefined && (!pool || (a.ha !== undefined && pool.ha !== a.ha))) return false;
      return (a.vms ?? []).every((ref) => {
        const v = d.vms.find((x) => x.name === ref || x.id === ref);
        return !!v && (a.ha === undefined || v.ha === a.ha);
      });
    });
    const what = [...(a.vms ?? []), ...(a.pool ? [a.pool] : []), ...(a.repository ? [`${a.repository} (not orphaned)`] : [])].join(', ');
    return fits ? pass() : failWith(`none of the ${backups.length} backups${a.fresh ? ' taken since the lab began' : ''} holds ${what}${a.ha === undefined ? '' : ` with HA ${a.ha ? 'on' : 'off'}`}`);
  },
});

export const managerBackupChecks = {
  manager_backup: managerBackup,
};
