// tunefs.ocfs2: -Q query formats, the cluster trylock that refuses offline operations while any
// node mounts the volume, -S online only on a node that mounts it, and its usage errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './fixture';
import { TUNEFS_USAGE } from '../../../src/sim/render/tunefs';
import { volumeAtPath } from '../../../src/sim/storage/ocfs2/ocfs2-volumes';

let f: Fixture;
beforeEach(() => {
  f = fixture();
});

/** A fresh volume on the spare LUN, mounted on the given hosts at /mnt/s. */
function spareVolume(label: string, ...mountOn: string[]): void {
  f.sh.run('ovs01', `mkfs.ocfs2 -q -N 4 -L ${label} ${f.spare}`);
  for (const h of mountOn) f.sh.run(h, `mkdir -p /mnt/s && mount -t ocfs2 ${f.spare} /mnt/s`);
}

describe('tunefs.ocfs2 -Q', () => {
  it('prints superblock fields with its own specifiers, escapes and widths', () => {
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -Q "UUID = %U\\nNumSlots = %N\\n" ${f.repoDev}`)).toEqual({ out: `UUID = ${f.repoFsUuid}\nNumSlots = 32\n`, exit: 0 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -Q "%B %T %N %R %Y %P [%V] %M|%H|%O\\n" ${f.repoDev}`)).toEqual({
      out: '4096 1048576 32 513 514 256 [pool1-repository] backup-super strict-journal-super|sparse extended-slotmap inline-data xattr indexed-dirs refcount discontig-bg clusterinfo append-dio|unwritten\n',
      exit: 0,
    });
    spareVolume('small');
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -Q "[%-8V][%8N]%%\\t%R %Y %P\\n" ${f.spare}`)).toEqual({ out: '[small   ][       4]%\t5 6 3\n', exit: 0 });
  });

  it('works while the volume is mounted and with the cluster offline (read-only open)', () => {
    f.world.ocfs2!.nodes.ovs01!.running = null;
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -Q "%V\\n" ${f.poolDev}`)).toEqual({ out: 'OVS_Pool_Filesystem\n', exit: 0 });
  });

  it('rejects standard printf conversions', () => {
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -Q "%d\\n" ${f.repoDev}`)).toEqual({ out: 'tunefs.ocfs2: Unknown type specifier in the query format: "%d\\n"\n' + TUNEFS_USAGE, exit: 1 });
  });
});

describe('tunefs.ocfs2 changes', () => {
  it('refuses offline operations while any node has the volume mounted', () => {
    const msg = `tunefs.ocfs2: Trylock failed while opening device "${f.repoDev}"\n`;
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -L new ${f.repoDev}`)).toEqual({ out: msg, exit: 1 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -N 16 ${f.repoDev}`)).toEqual({ out: msg, exit: 1 });
    spareVolume('elsewhere', 'ovs02');
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -U ${f.spare}`)).toEqual({ out: `tunefs.ocfs2: Trylock failed while opening device "${f.spare}"\n`, exit: 1 });
  });

  it('relabels, changes slots and resets the uuid of an unmounted volume, silently', () => {
    spareVolume('before');
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -L after ${f.spare}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -N 8 ${f.spare}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 --uuid-reset=0004FB0000050000AAAABBBBCCCCDDDD ${f.spare}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -Q "%V %N %U\\n" ${f.spare}`)).toEqual({ out: 'after 8 0004FB0000050000AAAABBBBCCCCDDDD\n', exit: 0 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -N 40000 ${f.spare}`)).toEqual({ out: `tunefs.ocfs2: Filesystem cannot support more than 32767 slots - unable to update the number of slots on device "${f.spare}"\n`, exit: 1 });
  });

  it('-S runs online only on a node that mounts the volume', () => {
    spareVolume('grow', 'ovs02');
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: `tunefs.ocfs2: Mountpoint not found for online operation while opening device "${f.spare}"\n`, exit: 1 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -S ${f.spare}`)).toEqual({ out: '', exit: 0 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -v -S ${f.spare}`)).toEqual({ out: `Filesystem on device "${f.spare}" is already 13107200 clusters; nothing to do\n`, exit: 0 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -S ${f.spare} 1000`)).toEqual({ out: 'tunefs.ocfs2: Shrinking ocfs2 filesystems is not supported\n', exit: 1 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -S ${f.spare} 20000000`)).toEqual({ out: `tunefs.ocfs2: The device "${f.spare}" cannot hold more than 13107200 clusters (53687091200 bytes)\n`, exit: 1 });
    expect(f.sh.run('ovs02', `tunefs.ocfs2 -S ${f.spare} 1x`)).toEqual({ out: 'tunefs.ocfs2: Invalid number - new size is invalid: 1x\n' + TUNEFS_USAGE, exit: 1 });
  });

  it('needs the cluster for changes', () => {
    spareVolume('offline');
    f.world.ocfs2!.nodes.ovs01!.running = null;
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -L x ${f.spare}`)).toEqual({ out: `tunefs.ocfs2: Unable to access cluster service while opening device "${f.spare}"\n`, exit: 1 });
  });

  it('--update-cluster-stack records the running cluster on a volume from another pool', () => {
    spareVolume('moved');
    volumeAtPath(f.world, 'ovs01', f.spare).vol!.clusterInfo!.name = '0123456789abcdef';
    f.sh.run('ovs01', 'mkdir -p /mnt/s');
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: 'mount.ocfs2: Invalid name for a cluster while trying to join the group\n', exit: 1 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 -L x ${f.spare}`)).toEqual({ out: `tunefs.ocfs2: Invalid name for a cluster while opening device "${f.spare}"\n`, exit: 1 });
    const q = 'Updating on-disk cluster information to match the running cluster.\nDANGER: YOU MUST BE ABSOLUTELY SURE THAT NO OTHER NODE IS USING THIS FILESYSTEM BEFORE MODIFYING ITS CLUSTER CONFIGURATION.\nUpdate the on-disk cluster information? ';
    expect(f.sh.run('ovs01', `tunefs.ocfs2 --update-cluster-stack ${f.spare}`, 'n')).toEqual({ out: q + 'n\n', exit: 0 });
    expect(f.sh.run('ovs01', `tunefs.ocfs2 --update-cluster-stack ${f.spare}`, 'y')).toEqual({ out: q + 'y\n', exit: 0 });
    expect(f.sh.run('ovs01', `mount -t ocfs2 ${f.spare} /mnt/s`)).toEqual({ out: '', exit: 0 });
  });

  it('usage errors in ocfs2ne wording', () => {
    const u = (args: string, msg: string) => expect(f.sh.run('ovs01', `tunefs.ocfs2 ${args}`)).toEqual({ out: `tunefs.ocfs2: ${msg}\n` + TUNEFS_USAGE, exit: 1 });
    u(`-z ${f.repoDev}`, "Invalid option: '-z'");
    u(`--bogus ${f.repoDev}`, "Invalid option: '--bogus'");
    u('-L', "Option '-L' requires an argument");
    u('', 'No device specified');
    u(`-L a -L b ${f.repoDev}`, "Option '-L' specified more than once");
    u(`-N x ${f.repoDev}`, 'Invalid number: "x"');
    u(`-N 0 ${f.repoDev}`, 'At least one slot required');
    u(`${f.repoDev} 10G`, 'Too many arguments');
    expect(f.sh.run('ovs01', 'tunefs.ocfs2 -h')).toEqual({ out: TUNEFS_USAGE, exit: 0 });
    expect(f.sh.run('ovs01', 'tunefs.ocfs2 -V')).toEqual({ out: 'tunefs.ocfs2 1.8.6\n', exit: 0 });
    expect(f.sh.run('ovs01', 'tunefs.ocfs2 -Q %U /dev/sdzz')).toEqual({ out: 'tunefs.ocfs2: Device name specified was not found while opening device "/dev/sdzz"\n', exit: 1 });
    expect(f.sh.run('ovs01', 'tunefs.ocfs2 -Q %U /dev/sda1')).toEqual({ out: 'tunefs.ocfs2: Bad magic number in superblock while opening device "/dev/sda1"\n', exit: 1 });
  });
});
