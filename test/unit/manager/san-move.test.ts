// A repository's LUN copied to another array (seed 000, "SAN 2 SAN migration"): the copy has a new
// page83 id. A storage refresh orphans a repository still presented; one presented to no server
// follows its file system to the new disk (repointRepository); a backup from before the refresh
// is the way back from the orphan. The lab checks and the page83 fault's fixed WWID.
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';
import { checkRegistry } from '../../../src/labs/checks';
import { runFault } from '../../../src/labs/faults';
import { repointRepository } from '../../../src/sim/manager/rebuild';

type H = Awaited<ReturnType<typeof mgrHarness>>;
const NEW = '3600601607a3b2c00000000000000d3d3';
const check = (h: H, name: string, args: Record<string, unknown>) =>
  checkRegistry[name]!.run({ sim: h.sim, world: h.sim.world, lab: undefined }, args as never);

/** The storage team switches the repository LUN to its copy; both servers build the new map. */
function switchLun(h: H): void {
  expect(runFault(h.sim, { page83: { lun: 'repository', wwid: NEW } })).toBeNull();
  h.run('multipath', 'ovs01');
  h.run('multipath', 'ovs02');
}

function refresh(h: H): void {
  h.run('ovmm refresh storage');
  h.tick(4);
}

describe('a repository whose LUN comes back with a new page83 id', () => {
  it('is orphaned by a refresh while presented, and stays orphaned once unpresented', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!;
    const old = repo.disk;
    switchLun(h);
    expect(repointRepository(h.sim.world, h.m, repo)).toBe(false);
    refresh(h);
    expect([repo.status, repo.disk]).toEqual(['Orphaned', old]);
    expect(h.m.disks.find((d) => d.page83 === NEW)?.status).toBe('Online');
    repo.presentedTo = [];
    refresh(h);
    expect([repo.status, repo.disk]).toEqual(['Orphaned', old]);
    expect(h.m.repositories.length).toBe(1);
  });

  it('presented to no server, follows its file system to the new disk on a refresh', async () => {
    const h = await mgrHarness();
    const repo = h.m.repositories[0]!;
    repo.presentedTo = [];
    refresh(h);
    expect(repo.disk).not.toBe(NEW);
    switchLun(h);
    refresh(h);
    expect([repo.status, repo.disk, h.m.repositories.length]).toEqual(['OK', NEW, 1]);
    expect(h.m.events.at(-1)!.summary).toMatch(new RegExp(`^Repository ${repo.name} found on physical disk \\S+ \\(page83 ${NEW}; was 3[0-9a-f]{32}\\)$`));
    expect(repointRepository(h.sim.world, h.m, repo)).toBe(false);
  });

  it('comes back from the orphan through a backup taken before the refresh', async () => {
    const h = await mgrHarness();
    const name = h.m.repositories[0]!.name;
    expect(check(h, 'manager_backup', { repository: name, fresh: true })).toEqual({ ok: false, detail: `none of the 3 backups taken since the lab began holds ${name} (not orphaned)` });
    h.run('ssh ovmm');
    h.run('/u01/app/oracle/ovm-manager-3/ovm_tools/bin/BackupDatabase -w');
    h.run('exit');
    expect(check(h, 'manager_backup', { repository: name, fresh: true })).toEqual({ ok: true });
    switchLun(h);
    refresh(h);
    expect(check(h, 'manager_repo_status', { repository: name, status: 'Orphaned' })).toEqual({ ok: true });
    h.run('ssh ovmm');
    h.run('cd /u01/app/oracle/mysql/dbbackup');
    h.run('/u01/app/oracle/ovm-manager-3/bin/RestoreDatabase.sh ManualBackup-*');
    h.run('exit');
    h.tick(61);
    const repo = h.m.repositories.find((r) => r.name === name)!;
    expect(repo.status).toBe('OK');
    expect(check(h, 'manager_repo_status', { repository: name, status: 'OK', lun: 'repository' })).toEqual({ ok: false, detail: `the Manager has ${name} on another physical disk than LUN repository` });
    repo.presentedTo = [];
    refresh(h);
    expect(check(h, 'manager_repo_status', { repository: name, status: 'OK', lun: 'repository' })).toEqual({ ok: true });
  });

  it('the page83 fault gives the LUN the WWID it is told', async () => {
    const h = await mgrHarness();
    expect(runFault(h.sim, { page83: { lun: 'spare', wwid: NEW } })).toBeNull();
    expect(h.sim.world.san!.arrays[0]!.luns.some((l) => l.wwid === NEW)).toBe(true);
  });
});
