// The 2.x Manager's host: SQL*Plus on the OVS schema (a too-wide `where` breaks what the Manager
// shows) and backup.sh's restore (statuses from the dump until the agents report, ~2 minutes).
import { describe, expect, it } from 'vitest';
import { mgrHarness } from './harness';

const vm = (h: Awaited<ReturnType<typeof mgrHarness>>, name: string) => h.m.vms.find((v) => v.name === name)!;

describe('the Manager host (2.x)', () => {
  it('an update without the right where sets every VM Powered Off, running or not', async () => {
    const h = await mgrHarness('ovm22');
    h.run('ssh ovmm');
    h.run('sqlplus /nolog');
    expect(h.run('select img_name, status from ovs_vm_img;')).toBe('SP2-0640: Not connected\nSQL> ');
    expect(h.run('connect ovs/wrong')).toBe('ERROR:\nORA-01017: invalid username/password; logon denied\n\nSQL> ');
    expect(h.run('connect ovs/oracle')).toBe('Connected.\nSQL> ');
    expect(h.run("update ovs_vm_img set status = 'Powered Off' where img_name like 'el5%';")).toBe('\n2 rows updated.\n\nSQL> ');
    expect(vm(h, 'el5_db1').status).toBe('Running');
    expect(h.run('commit;')).toBe('\nCommit complete.\n\nSQL> ');
    expect([vm(h, 'el5_db1').status, vm(h, 'el5_web1').status]).toEqual(['Powered Off', 'Powered Off']);
    expect(h.sim.world.domains[vm(h, 'el5_db1').id]!.domid).not.toBeNull();
  });

  it('a restore brings back the dump\'s statuses until the agents report again', async () => {
    const h = await mgrHarness('ovm22');
    h.run('ssh ovmm');
    h.run('/opt/ovs-manager-2.1/bin/backup.sh');
    h.run('1');
    expect(h.run('oracle')).toBe('\nExporting the OVS schema ...\nDump file: /OVS/backup/ovm.dmp\nLog file: /OVS/backup/ovm.dmp.log\nBackup completed successfully.\n');
    h.run('exit');
    h.run('ovmm stop vm el5_web1');
    h.tick(10);
    expect(vm(h, 'el5_web1').status).toBe('Powered Off');
    h.run('ssh ovmm');
    h.run('/opt/ovs-manager-2.1/bin/backup.sh');
    h.run('2');
    expect(h.run('oracle')).toBe("\nPlease enter the password for user 'OVS': ");
    expect(h.run('oracle')).toBe('\nThe OVS schema will be dropped and imported again from /OVS/backup/ovm.dmp.\nDump file: /OVS/backup/ovm.dmp\nLog file: /OVS/backup/ovm.dmp.imp.log\nRestore completed successfully.\n');
    expect(h.run('ls /OVS/backup')).toBe('ovm.dmp  ovm.dmp.imp.log  ovm.dmp.log\n');
    expect(vm(h, 'el5_web1').status).toBe('Running');
    h.tick(121);
    expect(vm(h, 'el5_web1').status).toBe('Powered Off');
  });
});
