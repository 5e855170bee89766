// df (coreutils 8.4): layout of §6.6 (20-column device field that wraps, -T, -P, -k, -h/-H rounded
// up), and the truth of OCFS2 sizes on every node (the shared bitmap, journals already used).
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './fixture';
import { humanCeil, renderDf, type DfRow } from '../../../src/sim/render/df';

describe('human sizes (gnulib human_readable, ceiling)', () => {
  it('rounds up, one decimal below 10', () => {
    const h = (n: number) => humanCeil(n, 1024);
    expect([h(0), h(1000), h(1024), h(1025), h(1536), h(10 * 1024), h(10 * 1024 + 1), h(1.4 * 1024 ** 3), h(214748364800), h(199.2 * 1024 ** 3), h(1023.9 * 1024 ** 2)]).toEqual(['0', '1000', '1.0K', '1.1K', '1.5K', '10K', '11K', '1.4G', '200G', '200G', '1.0G']);
    expect([humanCeil(1000, 1000), humanCeil(214748364800, 1000)]).toEqual(['1.0k', '215G']);
  });
});

describe('renderDf', () => {
  const rows: DfRow[] = [
    { device: '/dev/sda2', type: 'ext4', mountpoint: '/', bsize: 4096, blocks: 13107200, bfree: 12500000, bavail: 11844640 },
    { device: '/dev/mapper/3600144f0ae3f2b4e00005141b9b90001', type: 'ocfs2', mountpoint: '/OVS/Repositories/0004fb00000300003e4a1d3c8b2f5e71', bsize: 1048576, blocks: 204800, bfree: 203366, bavail: 203366 },
  ];
  it('-h: the long device name alone on its line, 20 spaces before the numbers', () => {
    expect(renderDf(rows, { units: 'h', printType: false, posix: false })).toBe(
      'Filesystem            Size  Used Avail Use% Mounted on\n' +
        '/dev/sda2              50G  2.4G   46G   5% /\n' +
        '/dev/mapper/3600144f0ae3f2b4e00005141b9b90001\n' +
        '                      200G  1.5G  199G   1% /OVS/Repositories/0004fb00000300003e4a1d3c8b2f5e71\n',
    );
  });
  it('-hT, -k and -P', () => {
    expect(renderDf(rows, { units: 'h', printType: true, posix: false })).toBe(
      'Filesystem    Type    Size  Used Avail Use% Mounted on\n/dev/sda2     ext4     50G  2.4G   46G   5% /\n/dev/mapper/3600144f0ae3f2b4e00005141b9b90001\n             ocfs2    200G  1.5G  199G   1% /OVS/Repositories/0004fb00000300003e4a1d3c8b2f5e71\n',
    );
    expect(renderDf(rows, { units: 1024, printType: false, posix: false })).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\n/dev/sda2             52428800   2428800  47378560   5% /\n/dev/mapper/3600144f0ae3f2b4e00005141b9b90001\n                     209715200   1468416 208246784   1% /OVS/Repositories/0004fb00000300003e4a1d3c8b2f5e71\n',
    );
    expect(renderDf(rows.slice(1), { units: 1024, printType: false, posix: true })).toBe(
      'Filesystem         1024-blocks      Used Available Capacity Mounted on\n/dev/mapper/3600144f0ae3f2b4e00005141b9b90001 209715200   1468416 208246784       1% /OVS/Repositories/0004fb00000300003e4a1d3c8b2f5e71\n',
    );
  });
});

describe('df on OCFS2', () => {
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
    f.sh.run('ovs01', `mkfs.ocfs2 -q -T datafiles -N 8 -L df ${f.spare}`);
    for (const h of ['ovs01', 'ovs02']) f.sh.run(h, `mkdir -p /mnt/s && mount ${f.spare} /mnt/s`);
  });

  it('a fresh volume shows journals and allocators as used, the same on both nodes', () => {
    const out = `Filesystem            Size  Used Avail Use% Mounted on\n${f.spare}\n                       50G  420M   50G   1% /mnt/s\n`;
    expect(f.sh.run('ovs01', 'df -h /mnt/s')).toEqual({ out, exit: 0 });
    expect(f.sh.run('ovs02', 'df -h /mnt/s/lost+found')).toEqual({ out, exit: 0 });
    expect(f.sh.run('ovs02', 'df -k -t ocfs2 /mnt/s')).toEqual({ out: `Filesystem           1K-blocks      Used Available Use% Mounted on\n${f.spare}\n                      52428800    429696  51999104   1% /mnt/s\n`, exit: 0 });
  });

  it('files written on one node are used space on the other', () => {
    f.sh.run('ovs01', 'truncate -s 10G /mnt/s/disk.img');
    const vol = Object.values(f.world.ocfs2!.volumes).find((v) => v.label === 'df')!;
    const root = f.world.filesystems[vol.fsId]!;
    if (root.type === 'dir') root.children['disk.img'] = { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 10 * 1024 ** 3 };
    expect(f.sh.run('ovs02', 'df -h /mnt/s').out).toBe(`Filesystem            Size  Used Avail Use% Mounted on\n${f.spare}\n                       50G   11G   40G  21% /mnt/s\n`);
  });

  it('errors', () => {
    expect(f.sh.run('ovs01', 'df /nonexistent')).toEqual({ out: "df: `/nonexistent': No such file or directory\n", exit: 1 });
    expect(f.sh.run('ovs01', 'df -t nfs')).toEqual({ out: 'df: no file systems processed\n', exit: 1 });
    expect(f.sh.run('ovs01', 'df -B x')).toEqual({ out: "df: invalid block size `x'\nTry `df --help' for more information.\n", exit: 1 });
  });
});
