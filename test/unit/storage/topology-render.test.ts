// The topology formats against real output: seed 000's `multipath -ll` (tree, 0.4.9) and the
// RHEL5 bracket sample of reference §4.2, rebuilt from view rows; plus multipath's size format.
import { describe, expect, test } from 'vitest';
import { mpSize, pathWidths, renderTopology, type TopoMap, type TopoPath } from '../../../src/sim/render/multipath-topology';
import { fdiskList } from '../../../src/sim/render/fdisk';

const path = (hcil: string, dev: string, devT: string, dm = 'active', chk = 'ready', devState = 'running'): TopoPath => ({ hcil, dev, devT, dm, chk, devState });

describe('multipath topology', () => {
  test('seed 000: SCST_BIO ClusterRepo1 through two paths, failover groups', () => {
    const m: TopoMap = {
      action: '',
      name: '23537666234362232',
      wwid: '23537666234362232',
      dm: 'dm-4',
      vendor: 'SCST_BIO',
      product: 'ClusterRepo1',
      sizeBytes: 200 * 1024 ** 3,
      features: '0',
      hwhandler: '0',
      wp: 'rw',
      groups: [
        { selector: 'round-robin 0', prio: 1, status: 'active', paths: [path('5:0:0:6', 'sdh', '8:112')] },
        { selector: 'round-robin 0', prio: 1, status: 'enabled', paths: [path('6:0:0:13', 'sdv', '65:80')] },
      ],
    };
    const paths = m.groups.flatMap((g) => g.paths);
    expect(renderTopology([m], pathWidths(paths, 'tree'), 'tree')).toBe(
      `23537666234362232 dm-4 SCST_BIO,ClusterRepo1
size=200G features='0' hwhandler='0' wp=rw
|-+- policy='round-robin 0' prio=1 status=active
| \`- 5:0:0:6  sdh 8:112 active ready running
\`-+- policy='round-robin 0' prio=1 status=enabled
  \`- 6:0:0:13 sdv 65:80 active ready running
`,
    );
  });

  test('reference 4.2: RHEL5 bracket style counts the column headers in the widths', () => {
    const m: TopoMap = {
      action: '',
      name: 'mpath19',
      wwid: '360001ff0721160000000002688e10002',
      dm: 'dm-2',
      vendor: 'DDN',
      product: 'S2A 6620',
      sizeBytes: 21 * 1024 ** 4,
      features: '1 queue_if_no_path',
      hwhandler: '0',
      wp: 'rw',
      groups: [
        { selector: 'round-robin 0', prio: 50, status: 'active', paths: [path('1:0:0:2', 'sdg', '8:96')] },
        { selector: 'round-robin 0', prio: 10, status: 'enabled', paths: [path('2:0:0:2', 'sdf', '8:80')] },
      ],
    };
    expect(renderTopology([m], pathWidths(m.groups.flatMap((g) => g.paths), 'bracket'), 'bracket')).toBe(
      `mpath19 (360001ff0721160000000002688e10002) dm-2 DDN,S2A 6620
[size=21T][features=1 queue_if_no_path][hwhandler=0][rw]
\\_ round-robin 0 [prio=50][active]
 \\_ 1:0:0:2 sdg 8:96  [active][ready]
\\_ round-robin 0 [prio=10][enabled]
 \\_ 2:0:0:2 sdf 8:80  [active][ready]
`,
    );
  });

  test('a faulty path widens the checker column for every path (reference 4.1)', () => {
    const paths = [path('3:0:0:1', 'sdb', '8:16'), path('4:0:0:1', 'sdd', '8:48', 'failed', 'faulty')];
    const m: TopoMap = { action: '', name: 'mpatha', wwid: '360a98000486e2f34576f2f51715a4d54', dm: 'dm-2', vendor: 'NETAPP', product: 'LUN', sizeBytes: 200 * 1024 ** 3, features: '3 queue_if_no_path pg_init_retries 50', hwhandler: '0', wp: 'rw', groups: [{ selector: 'round-robin 0', prio: 4, status: 'active', paths }] };
    expect(renderTopology([m], pathWidths(paths, 'tree'), 'tree')).toBe(
      `mpatha (360a98000486e2f34576f2f51715a4d54) dm-2 NETAPP,LUN
size=200G features='3 queue_if_no_path pg_init_retries 50' hwhandler='0' wp=rw
\`-+- policy='round-robin 0' prio=4 status=active
  |- 3:0:0:1 sdb 8:16 active ready  running
  \`- 4:0:0:1 sdd 8:48 failed faulty running
`,
    );
  });

  test('sizes', () => {
    expect([mpSize(200 * 1024 ** 3), mpSize(1.5 * 1024 ** 4), mpSize(2 * 1024 ** 4), mpSize(512 * 1024 ** 2), mpSize(20 * 1024 ** 3), mpSize(1073741824000)]).toEqual(['200G', '1.5T', '2.0T', '512M', '20G', '1000G']);
  });
});

describe('fdisk -l against seed 000 (sizes and geometry)', () => {
  test('a 200 GiB and a 1000 GiB LUN without labels', () => {
    expect(fdiskList({ device: '/dev/sdh', sizeBytes: 214748364800, label: null, version: '2.17', sectorUnits: false }).stdout.split('\n').slice(1, 3).join('\n')).toBe('Disk /dev/sdh: 214.7 GB, 214748364800 bytes\n255 heads, 63 sectors/track, 26108 cylinders');
    expect(fdiskList({ device: '/dev/sdv', sizeBytes: 1073741824000, label: null, version: '2.17', sectorUnits: false }).stdout.split('\n').slice(1, 3).join('\n')).toBe('Disk /dev/sdv: 1073.7 GB, 1073741824000 bytes\n255 heads, 63 sectors/track, 130541 cylinders');
  });
  test('util-linux 2.13 (reference 5.1 sample): truncated GB, no sector/identifier lines', () => {
    const r = fdiskList({ device: '/dev/sdb', sizeBytes: 214748364800, label: { kind: 'dos', diskId: 0x3c2a1, parts: [{ num: 1, boot: false, type: 0x83, startSector: 63, sectors: 26108 * 16065 - 63 }] }, version: '2.13', sectorUnits: false });
    expect(r.stdout).toBe('\nDisk /dev/sdb: 214.7 GB, 214748364800 bytes\n255 heads, 63 sectors/track, 26108 cylinders\nUnits = cylinders of 16065 * 512 = 8225280 bytes\n\n   Device Boot      Start         End      Blocks   Id  System\n/dev/sdb1               1       26108   209712478+  83  Linux\n');
    expect(r.stderr).toBe('');
  });
});
