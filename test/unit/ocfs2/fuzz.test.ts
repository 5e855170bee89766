// The storage commands never throw, whatever they are given: random argument vectors from their
// own options, devices and junk, on both releases; no internal error (exit 70) ever.
import { describe, expect, it } from 'vitest';
import { runs } from '../../support/tier';
import fc from 'fast-check';
import { fixture } from './fixture';
import { buildOvm22World } from '../../../src/sim/scenario/ovm22';
import { Shells } from './shell';

const COMMANDS = ['mkfs.ocfs2', 'tunefs.ocfs2', 'mounted.ocfs2', 'fsck.ocfs2', 'mount', 'umount', 'mount.ocfs2', 'df', 'ovs-agent-db', '/opt/ovs-agent-2.3/utils/repos.py', 'service o2cb', 'service ocfs2', 'service ovs-agent'];
const WORDS = [
  '-T', 'datafiles', 'vmstore', 'mail', '-N', '8', '0', '300', '-L', 'lbl', '-C', '1M', '-b', '4k', '-S', '-Q', '%U %N %V\\n', '%d', '-U', '--uuid-reset=0004FB0000050000AAAABBBBCCCCDDDD',
  '-x', '-q', '-n', '-F', '-v', '-d', '-f', '-h', '-hT', '-k', '-P', '-t', 'ocfs2', '-o', 'rw,noatime', '-l', '--fs-feature-level=max-compat', '--fs-features=nosparse', '--update-cluster-stack',
  '/dev/sdb', '/dev/sdc1', '/dev/sdd', '/dev/dm-0', '/dev/dm-3', '/dev/mapper/nosuch', '/dev/mpath/mpath0p1', '/dev/mpath/mpath1', '/mnt', '/OVS', '/', '/poolfsmnt', 'x', '', '"', "'a b'",
  'dump_db', 'read_item', 'write_item', 'update_item', 'delete_item', 'server', 'repository', "{'a': 1}", 'None', '-c', '--new', '--list', '--init', '--root', '--delete', '-i',
  'status', 'start', 'stop', 'online', 'offline', 'load', 'unload', 'configure', 'restart', '100G', '12345',
];

function fuzz(sh: Shells, seed: number): void {
  fc.assert(
    fc.property(fc.constantFrom(...COMMANDS), fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), fc.constantFrom('ovs01', 'ovs02'), (cmd, words, host) => {
      const line = `${cmd} ${words.map((w) => (w === '' ? "''" : w)).join(' ')} < /dev/null`;
      let r;
      try {
        r = sh.run(host, line, 'n');
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('program still running')) return;
        throw e;
      }
      expect(r.exit, line).not.toBe(70);
      expect(r.out, line).not.toContain('internal error');
    }),
    { seed, numRuns: runs(60, 300) },
  );
}

describe('storage commands under random arguments', () => {
  it('OVM 3.4 world', () => fuzz(fixture().sh, 1));
  it('OVM 2.2 world', () => fuzz(new Shells(buildOvm22World(7)), 2));
});
