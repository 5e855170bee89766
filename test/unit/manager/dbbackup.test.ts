// The 3.x Manager's MySQL backups on its server (`ssh ovmm`): the daily AutoFullBackup
// directories, a backup on demand, a reinstall that empties the database, and RestoreDatabase.sh —
// after which the Manager believes what it believed at the backup's time until the agents report.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { autoBackupTick, reinstallManager, AUTO_BACKUPS_KEPT } from '../../../src/sim/manager/dbbackup';
import { realStatus } from '../../../src/sim/manager/discover';

const DIR = '/u01/app/oracle/mysql/dbbackup';
const BACKUP = '/u01/app/oracle/ovm-manager-3/ovm_tools/bin/BackupDatabase -w';
const RESTORE = '/u01/app/oracle/ovm-manager-3/bin/RestoreDatabase.sh';

async function onManager() {
  const h = await mgrHarness();
  h.run('ssh ovmm');
  return h;
}

const outOfSync = (h: Awaited<ReturnType<typeof mgrHarness>>) =>
  h.m.vms.filter((v) => {
    const d = h.sim.world.domains[v.id]!;
    return v.status !== realStatus(h.m, d) || v.server !== (d.domid !== null ? d.host : null);
  }).map((v) => `${v.name} ${v.status}`);

describe('the 3.x Manager keeps daily backups of its database', () => {
  it('has the last three daily backups, the newest some hours old', async () => {
    const h = await onManager();
    expect(h.run(`ls ${DIR}`)).toBe('AutoFullBackup-03182026_020035  AutoFullBackup-03202026_020035\nAutoFullBackup-03192026_020035\n');
    expect(h.run(`ls -l ${DIR}`)).toBe(
      'total 12\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 18 02:00 AutoFullBackup-03182026_020035\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 19 02:00 AutoFullBackup-03192026_020035\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 20 02:00 AutoFullBackup-03202026_020035\n',
    );
    expect(h.run(`ls ${DIR}/AutoFullBackup-03202026_020035`)).toBe('AutoBackup.log  backup-my.cnf  datadir  meta\n');
    expect(h.run(`ls ${DIR}/nosuch`)).toBe(`ls: cannot access ${DIR}/nosuch: No such file or directory\n`);
  });

  it('takes the next one when it is due, and keeps only the newest 21 automatic ones', async () => {
    const h = await mgrHarness();
    const w = h.sim.world;
    h.m.nextAutoBackupMs = w.clockMs + 3000;
    h.tick(4);
    expect(h.m.dbBackups!.map((b) => b.name).at(-1)).toBe('AutoFullBackup-03202026_212237');
    expect(h.m.nextAutoBackupMs).toBe(w.clockMs - 1000 + 24 * 3600_000);
    expect(h.m.events.at(-1)!.summary).toBe('Database backup AutoFullBackup-03202026_212237 completed');
    h.run('ssh ovmm');
    h.run(BACKUP);
    for (let i = 0; i < 30; i++) {
      h.m.nextAutoBackupMs = w.clockMs - (40 - i) * 1000;
      autoBackupTick(w, h.m);
    }
    const names = h.m.dbBackups!.map((b) => b.name);
    expect(names.filter((n) => n.startsWith('AutoFullBackup-')).length).toBe(AUTO_BACKUPS_KEPT);
    expect(names.filter((n) => n.startsWith('ManualBackup-'))).toEqual(['ManualBackup-03202026_212238']);
  });
});

describe('a backup on demand', () => {
  it('BackupDatabase -w writes a ManualBackup directory with the database as it is now', async () => {
    const h = await onManager();
    h.m.vms.find((v) => v.name === 'sv101')!.ha = true;
    expect(h.run(BACKUP)).toBe(
      'INFO: Expanding the backup CLI tool...\nINFO: Backup CLI tool expanded.\n'
      + 'INFO: Starting a full backup of the Oracle VM Manager database...\n'
      + `INFO: Backup directory: ${DIR}/ManualBackup-03202026_212234\n`
      + 'INFO: Success - Backup completed.\n',
    );
    h.run(`cd ${DIR}`);
    expect(h.run('pwd')).toBe(`${DIR}\n`);
    expect(h.run('ls -lt')).toBe(
      'total 16\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 20 21:22 ManualBackup-03202026_212234\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 20 02:00 AutoFullBackup-03202026_020035\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 19 02:00 AutoFullBackup-03192026_020035\n'
      + 'drwxr-xr-x 4 oracle dba 4096 Mar 18 02:00 AutoFullBackup-03182026_020035\n',
    );
    const dump = JSON.parse(h.m.dbBackups!.at(-1)!.dump) as { vms: { name: string; ha: boolean }[] };
    expect(dump.vms.find((v) => v.name === 'sv101')!.ha).toBe(true);
  });

  it('needs a running Manager', async () => {
    const h = await onManager();
    expect(h.run('service ovmm stop')).toBe('Stopping Oracle VM Manager                                  [  OK  ]\n');
    expect(h.run(BACKUP)).toBe('INFO: Expanding the backup CLI tool...\nINFO: Backup CLI tool expanded.\nERROR: Unable to connect to Oracle VM Manager: is it running? (service ovmm status)\n');
    expect(h.m.dbBackups!.length).toBe(3);
  });
});

describe('reinstall and restore', () => {
  it('a reinstalled Manager has an empty database but keeps the backup directory', async () => {
    const h = await onManager();
    expect(reinstallManager(h.sim.world, h.m)).toBeNull();
    expect([h.m.pools, h.m.servers, h.m.vms, h.m.repositories, h.m.jobs]).toEqual([[], [], [], [], []]);
    expect(h.m.up).toBe(true);
    expect(h.run(`ls ${DIR}`)).toBe('AutoFullBackup-03182026_020035  AutoFullBackup-03202026_020035\nAutoFullBackup-03192026_020035\n');
  });

  it('RestoreDatabase.sh stops the Manager, restores, starts it; statuses catch up with the agents within about two minutes', async () => {
    const h = await mgrHarness();
    h.run('ovmm edit vm sv101 ha=true');
    h.tick(5);
    h.run('ssh ovmm');
    h.run(BACKUP);
    reinstallManager(h.sim.world, h.m);
    const sv102 = Object.values(h.sim.world.domains).find((d) => d.simpleName === 'sv102')!;
    expect(sv102.host).toBe('ovs02');
    h.run(`xm shutdown ${sv102.name}`, 'ovs02');
    h.tick(30);
    h.run(`cd ${DIR}`);
    expect(h.run(`${RESTORE} ManualBackup-*`)).toBe(
      'INFO: Stopping Oracle VM Manager...\n'
      + 'INFO: Expanding the backup image...\nINFO: Applying logs to the backup snapshot...\nINFO: Restoring the backup...\n'
      + 'INFO: Success - Done restore of the database.\nINFO: Starting Oracle VM Manager...\n',
    );
    expect(h.run('service ovmm status')).toBe('Oracle VM Manager is starting...\n');
    expect(h.m.vms.find((v) => v.name === 'sv101')!.ha).toBe(true);
    expect(h.m.servers.map((s) => `${s.name}:${s.pool}`)).toEqual(['ovs01:' + h.m.pools[0]!.id, 'ovs02:' + h.m.pools[0]!.id]);
    expect(outOfSync(h)).toEqual(['sv102 Running']);
    h.tick(60);
    expect(h.m.up).toBe(true);
    expect(h.m.events.at(-1)!.summary).toBe('Oracle VM Manager started');
    h.tick(120);
    expect(outOfSync(h)).toEqual([]);
    expect(h.m.vms.find((v) => v.name === 'sv102')).toMatchObject({ status: 'Stopped', server: null });
  });

  it('names what it cannot restore', async () => {
    const h = await onManager();
    expect(h.run(RESTORE)).toBe('Usage: RestoreDatabase.sh <backup directory>\n');
    expect(h.run(`${RESTORE} ManualBackup-*`)).toBe(`ERROR: Backup directory ${DIR}/ManualBackup-* does not exist.\n`);
    expect(h.run(`${RESTORE} ${DIR}/nosuch/`)).toBe(`ERROR: Backup directory ${DIR}/nosuch/ does not exist.\n`);
    expect(h.m.up).toBe(true);
  });

  it('a daily backup restored brings back the database of its night, not later changes', async () => {
    const h = await mgrHarness();
    h.run('ovmm edit vm sv101 ha=true');
    h.tick(5);
    h.run('ssh ovmm');
    expect(h.run(`${RESTORE} ${DIR}/AutoFullBackup-03202026_020035`)).toContain('INFO: Success - Done restore of the database.\n');
    expect(h.m.vms.find((v) => v.name === 'sv101')!.ha).toBe(false);
  });
});
