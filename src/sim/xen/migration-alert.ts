// Oracle's alert of 5 October 2015, "Live Migrating a Guest to Oracle VM 3.2.9 Server Corrupts
// Guest Virtual Disk Filesystem": a guest live-migrated to a server of that release lands with a
// corrupt file system; stopping it, moving it and starting it again (a cold migration) is safe.
import { nextInt } from '../../lib/rng';
import { recordEvent } from '../events';
import { lookup } from '../vfs';
import type { DomainState, HostState, WorldState } from '../types';

export const AFFECTED_RELEASE = '3.2.9';

/** The Oracle VM Server release a host runs, as /etc/ovs-release names it (`3.4.6`), or null. */
export function ovsRelease(world: WorldState, host: HostState): string | null {
  const f = lookup(world, host, '/etc/ovs-release');
  if (!f.ok || f.value.type !== 'file') return null;
  return /release\s+(\d+(?:\.\d+)*)/.exec(f.value.content)?.[1] ?? null;
}

/** The kernel's lines for a corrupt root file system: ext3 on EL5-era guests, ext4 on later ones. */
function fsErrorLines(d: DomainState, dev: string, inode: number): string[] {
  if (/Linux 5|Enterprise Linux/.test(d.osType)) {
    return [
      `EXT3-fs error (device ${dev}): ext3_lookup: deleted inode referenced: ${inode}`,
      `Aborting journal on device ${dev}.`,
      'ext3_abort called.',
      `EXT3-fs error (device ${dev}): ext3_journal_start_sb: Detected aborted journal`,
      'Remounting filesystem read-only',
    ];
  }
  return [
    `EXT4-fs error (device ${dev}): ext4_lookup:1594: inode #${inode - 73}: comm bash: deleted inode referenced: ${inode}`,
    `Aborting journal on device ${dev}-8.`,
    `EXT4-fs (${dev}): Remounting filesystem read-only`,
  ];
}

/**
 * A live migration has just brought `d` to `target`: on an affected release the guest's disk
 * file system arrives corrupt (the guest notices at once and logs it; the world records it).
 */
export function afterLiveMigration(world: WorldState, target: HostState, d: DomainState): void {
  if (ovsRelease(world, target) !== AFFECTED_RELEASE || d.diskCorrupt || !d.disks.length) return;
  const dev = `${d.disks[0]!.vdev}2`;
  const inode = 1_000_000 + nextInt(world.rng, 900_000);
  d.diskCorrupt = { device: dev, atMs: world.clockMs, lines: fsErrorLines(d, dev, inode) };
  recordEvent(world, target.name, 'guest.fs-error', `${d.name}: file system error on ${dev} after live migration to ${target.name}`);
}
