// The 3.2.9 live-migration alert (sim/xen/migration-alert.ts): a guest live-migrated to a server
// whose /etc/ovs-release says 3.2.9 arrives with a corrupt file system, which its console shows;
// a live migration to another release and a cold migration leave it intact.
import { describe, expect, it } from 'vitest';
import { plain } from '../../support/engine';
import { ovsRelease } from '../../../src/sim/xen/migration-alert';
import { terminal } from '../../support/harness';
import { xenSession } from './helpers';

const SV104 = '0004fb000006000076a6527dd6f3f821';

async function onOvs02(release: string) {
  const s = await xenSession('default', 42, 'ovs02');
  s.run(`echo "Oracle VM server release ${release}" > /etc/ovs-release`);
  return s;
}

describe('live migration to Oracle VM 3.2.9', () => {
  it('reads the release from /etc/ovs-release', async () => {
    const s = await onOvs02('3.2.9');
    expect(ovsRelease(s.world, s.world.hosts.ovs02!)).toBe('3.2.9');
    expect(ovsRelease(s.world, s.world.hosts.ovs01!)).toBe('3.4.6');
  });

  it('corrupts the guest file system; its console shows the kernel errors', async () => {
    const s = await onOvs02('3.2.9');
    s.run('echo "Oracle VM server release 3.2.8" > /etc/ovs-release');
    s.run('ssh ovs01 \'echo "Oracle VM server release 3.2.9" > /etc/ovs-release\'');
    s.run(`xm migrate -l ${SV104} ovs01`);
    s.tick(60);
    const d = s.world.domains[SV104]!;
    expect(d.host).toBe('ovs01');
    expect(s.world.events.filter((e) => e.kind === 'guest.fs-error').map((e) => `${e.host} ${e.text}`)).toEqual([
      `ovs01 ${SV104}: file system error on xvda2 after live migration to ovs01`,
    ]);
    const t = terminal(s.sim, { host: 'ovs01' });
    expect(t.run(`xm console ${SV104}`)).toBe('');
    expect(plain(t.keys('\r'))).toBe(
      [
        '',
        'EXT3-fs error (device xvda2): ext3_lookup: deleted inode referenced: 1296652',
        'Aborting journal on device xvda2.',
        'ext3_abort called.',
        'EXT3-fs error (device xvda2): ext3_journal_start_sb: Detected aborted journal',
        'Remounting filesystem read-only',
        '',
        'Oracle Linux Server release 5.11',
        'Kernel 2.6.39-400.294.1.el5uek on an x86_64',
        '',
        'sv104 login: ',
      ].join('\n'),
    );
    // Only the first wake shows them: they scrolled by once.
    expect(plain(t.keys('\r'))).toBe('\n\nOracle Linux Server release 5.11\nKernel 2.6.39-400.294.1.el5uek on an x86_64\n\nsv104 login: ');
  });

  it('leaves the disk intact after a live migration to another release, or a cold migration', async () => {
    const s = await onOvs02('3.4.6');
    s.run(`xm migrate -l ${SV104} ovs01`);
    s.tick(60);
    expect(s.world.domains[SV104]!.host).toBe('ovs01');
    const t = terminal(s.sim, { host: 'ovs01' });
    t.run('echo "Oracle VM server release 3.2.9" > /etc/ovs-release');
    const cfg = s.world.domains[SV104]!.cfgPath;
    t.run(`xm shutdown -w ${SV104}`);
    t.tick(10);
    s.run(`xm create ${cfg}`);
    expect(s.world.domains[SV104]!.host).toBe('ovs02');
    t.run('echo "Oracle VM server release 3.4.6" > /etc/ovs-release');
    expect(s.world.domains[SV104]!.diskCorrupt).toBeUndefined();
    expect(s.world.events.filter((e) => e.kind === 'guest.fs-error')).toEqual([]);
  });
});
