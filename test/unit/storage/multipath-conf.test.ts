// multipath.conf parsing and what a config means for a map (policy merge, blacklist, names).
import { describe, expect, test } from 'vitest';
import { parseMultipathConf } from '../../../src/sim/storage/multipath/multipath-conf';
import { blacklistReason, mapName, mapPolicy, pathPrio } from '../../../src/sim/storage/multipath/multipath-policy';
import { friendlyName, partName, sdIndex, sdMajorMinor, sdName } from '../../../src/sim/storage/multipath/naming';
import { defaultMultipathConf } from '../../../src/sim/storage/multipath/conf-templates';

describe('parser', () => {
  test('sections, quoted values, comments', () => {
    const r = parseMultipathConf(`# comment
defaults {
        user_friendly_names yes   # trailing
        path_selector "round-robin 0"
}
blacklist {
        wwid 3600a
        devnode "^sd[a]$"
        device {
                vendor "ATA"
                product ".*"
        }
}
blacklist_exceptions {
        wwid 3600b
}
devices {
        device {
                vendor "DGC"
                product ".*"
                path_checker tur
        }
}
multipaths {
        multipath {
                wwid 3600c
                alias repo
        }
}
`);
    expect(r).toEqual({
      ok: true,
      warnings: [],
      config: {
        defaults: { user_friendly_names: 'yes', path_selector: 'round-robin 0' },
        blacklist: { wwid: ['3600a'], devnode: ['^sd[a]$'], device: [{ vendor: 'ATA', product: '.*' }] },
        blacklistExceptions: { wwid: ['3600b'], devnode: [], device: [] },
        devices: [{ vendor: 'DGC', product: '.*', path_checker: 'tur' }],
        multipaths: [{ wwid: '3600c', alias: 'repo' }],
      },
    });
  });

  test('an unknown keyword is warned about and skipped', () => {
    const r = parseMultipathConf('defaults {\n  polling_intervall 10\n  polling_interval 7\n}\n');
    expect(r.ok && r.config.defaults).toEqual({ polling_interval: '7' });
    expect(r.warnings).toEqual(['multipath.conf line 2, invalid keyword: polling_intervall']);
  });

  test('unbalanced braces reject the file', () => {
    expect(parseMultipathConf('defaults {\n  user_friendly_names no\n')).toEqual({ ok: false, error: "missing '}' at end of multipath.conf", warnings: [] });
    expect(parseMultipathConf('}\n')).toEqual({ ok: false, error: "multipath.conf line 1, unmatched '}'", warnings: [] });
    expect(parseMultipathConf('defaults {\n  foo {\n  }\n}\n')).toEqual({ ok: false, error: 'multipath.conf line 2, invalid keyword: foo', warnings: [] });
  });

  test('the shipped configurations parse cleanly', () => {
    for (const rel of ['ovm34', 'ovm22'] as const) {
      const r = parseMultipathConf(defaultMultipathConf(rel, ['35000c500aaaaaaaa']));
      expect(r.ok).toBe(true);
      expect(r.warnings).toEqual([]);
    }
  });
});

describe('policy', () => {
  const ovm34 = parseMultipathConf(defaultMultipathConf('ovm34', ['35000c500aaaaaaaa']));
  const cfg = ovm34.ok ? ovm34.config : null!;
  const dgc = { wwid: '3600601602b102800aaaa', vendor: 'DGC', product: 'RAID 5' };

  test('CX4 in ALUA mode on OVM 3.4', () => {
    expect(mapPolicy(cfg, dgc)).toEqual({ pgPolicy: 'group_by_prio', selector: 'round-robin 0', features: '1 queue_if_no_path', hwhandler: '1 alua', checker: 'tur', prio: 'alua', failback: 'immediate', noPathRetry: 12, rrMinIo: 1000, flushOnLastDel: false });
    expect([pathPrio('alua', true), pathPrio('alua', false), pathPrio('emc', true), pathPrio('emc', false), pathPrio('const', false)]).toEqual([50, 10, 1, 0, 1]);
  });

  test('multipaths overrides devices; no_path_retry fail drops queue_if_no_path', () => {
    const r = parseMultipathConf(defaultMultipathConf('ovm34', []) + `multipaths {\n multipath {\n  wwid ${dgc.wwid}\n  alias spare\n  failback manual\n  no_path_retry fail\n  path_grouping_policy multibus\n }\n}\n`);
    const c = r.ok ? r.config : null!;
    const p = mapPolicy(c, dgc);
    expect([p.pgPolicy, p.failback, p.noPathRetry, p.features]).toEqual(['multibus', 'manual', 'fail', '0']);
    expect(mapName(c, 'ovm34', dgc.wwid, {}, (n) => friendlyName('ovm34', n))).toBe('spare');
  });

  test('compiled-in defaults for an unknown array', () => {
    expect(mapPolicy(cfg, { wwid: '3', vendor: 'ACME', product: 'X' })).toEqual({ pgPolicy: 'failover', selector: 'round-robin 0', features: '0', hwhandler: '0', checker: 'directio', prio: 'const', failback: 'manual', noPathRetry: 'fail', rrMinIo: 1000, flushOnLastDel: false });
  });

  test('blacklist: devnode, wwid, product_blacklist, exceptions', () => {
    expect(blacklistReason(cfg, { dev: 'sda', wwid: '35000c500aaaaaaaa', vendor: 'SEAGATE', product: 'ST9300605SS' })).toBe('35000c500aaaaaaaa: (wwid blacklisted)');
    expect(blacklistReason(cfg, { dev: 'sdb', wwid: dgc.wwid, vendor: 'DGC', product: 'LUNZ' })).toBe('sdb: (DGC:LUNZ) vendor/product blacklisted');
    expect(blacklistReason(cfg, { dev: 'hda', wwid: '', vendor: '', product: '' })).toBe('hda: (devnode blacklisted)');
    expect(blacklistReason(cfg, { dev: 'sdb', wwid: dgc.wwid, vendor: 'DGC', product: 'RAID 5' })).toBeNull();
  });

  test('names: WWIDs, mpathN (OL5), mpathX (OL6), bindings kept', () => {
    const ufn = parseMultipathConf('defaults {\n user_friendly_names yes\n}\n');
    const c = ufn.ok ? ufn.config : null!;
    const b: Record<string, string> = {};
    expect([mapName(c, 'ovm22', 'w1', b, (n) => friendlyName('ovm22', n)), mapName(c, 'ovm22', 'w2', b, (n) => friendlyName('ovm22', n)), mapName(c, 'ovm22', 'w1', b, (n) => friendlyName('ovm22', n))]).toEqual(['mpath0', 'mpath1', 'mpath0']);
    expect([friendlyName('ovm34', 0), friendlyName('ovm34', 25), friendlyName('ovm34', 26)]).toEqual(['mpatha', 'mpathz', 'mpathaa']);
    expect(mapName(cfg, 'ovm34', 'w9', {}, (n) => friendlyName('ovm34', n))).toBe('w9');
  });
});

describe('kernel names', () => {
  test('sd names and numbers', () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(sdName)).toEqual(['sda', 'sdh', 'sdz', 'sdaa', 'sdab', 'sdzz', 'sdaaa']);
    expect([sdIndex('sdh'), sdIndex('sdaa'), sdIndex('dm-1')]).toEqual([7, 26, -1]);
    // seed 000: sdh is 8:112, sdv is 65:80
    expect([sdMajorMinor(7), sdMajorMinor(21), sdMajorMinor(16 * 8)]).toEqual([[8, 112], [65, 80], [128, 0]]);
  });
  test('kpartx partition names', () => {
    expect([partName('mpath0', 1), partName('mpatha', 1), partName('mpatha', 1, 'p'), partName('3600a1', 2)]).toEqual(['mpath0p1', 'mpatha1', 'mpathap1', '3600a1p2']);
  });
});
