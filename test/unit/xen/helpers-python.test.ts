// The Python pieces xm's texts depend on: getopt's messages, opts.py's wrap, SXP printing,
// xm's int_unit, cpu lists, and the memory arithmetic behind the balloon error.
import { describe, expect, it } from 'vitest';
import { getopt, gnuGetopt } from '../../../src/shell/commands/xm/getopt';
import { intUnitMiB } from '../../../src/shell/commands/xm/mem';
import { formatOpt, pyWrap } from '../../../src/shell/commands/xm/opts';
import { helpRow } from '../../../src/shell/commands/xm/help';
import { prettySxp, showSxp } from '../../../src/sim/render/xm-sxp';
import { formatCpumap, parseCpuList } from '../../../src/sim/xen/cpus';
import { neededKiB } from '../../../src/sim/memory';
import { pyFloat } from '../../../src/sim/xen/sxpr';

describe('getopt', () => {
  it('gnu_getopt permutes; getopt stops at the first operand', () => {
    expect(gnuGetopt(['a', '-l', '--state=running', 'b'], 'lv', ['long', 'state='])).toEqual({ ok: true, opts: [['-l', ''], ['--state', 'running']], args: ['a', 'b'] });
    expect(getopt(['-d', 'x', 'y', '-w', '5'], 'd:w:', ['domain='])).toEqual({ ok: true, opts: [['-d', 'x']], args: ['y', '-w', '5'] });
    expect(gnuGetopt(['--lo'], 'l', ['long', 'label'])).toEqual({ ok: true, opts: [['--long', '']], args: [] });
  });

  it('raises GetoptError with Python 2.6 wording', () => {
    expect(gnuGetopt(['-x'], 'l')).toEqual({ ok: false, error: 'option -x not recognized' });
    expect(gnuGetopt(['--x'], 'l', ['long'])).toEqual({ ok: false, error: 'option --x not recognized' });
    expect(gnuGetopt(['--l'], '', ['long', 'label'])).toEqual({ ok: false, error: 'option --l not a unique prefix' });
    expect(gnuGetopt(['--state'], '', ['state='])).toEqual({ ok: false, error: 'option --state requires argument' });
    expect(gnuGetopt(['--long=1'], '', ['long'])).toEqual({ ok: false, error: 'option --long must not have an argument' });
    expect(getopt(['-d'], 'd:')).toEqual({ ok: false, error: 'option -d requires argument' });
  });
});

describe('xm help layout', () => {
  it('wraps like opts.py (len < width) and pads only the first line', () => {
    expect(pyWrap('Set the number of active VCPUs allowed for the domain.', 50)).toEqual(['Set the number of active VCPUs allowed for the', 'domain.']);
    expect(pyWrap('short', 50)).toEqual(['short']);
    expect(helpRow('vcpu-set', 'Set the number of active VCPUs allowed for the domain.')).toBe(' vcpu-set             Set the number of active VCPUs allowed for the    \n                      domain.');
    expect(formatOpt({ name: 'port', short: 'p', val: 'portnum', use: 'Use specified port for migration.' })).toBe('-p=portnum, --port=portnum\n                     Use specified port for migration.');
    expect(formatOpt({ name: 'live', short: 'l', use: 'Use live migration.' })).toBe('-l, --live           Use live migration.');
  });
});

describe('SXP', () => {
  it('quotes atoms that need it (Python repr) and breaks lists that do not fit in 80 columns', () => {
    expect(showSxp(['a', '', 'b c', "it's", 7, ['x']])).toBe(`(a  'b c' "it's" 7 (x))`);
    expect(prettySxp(['domain', ['domid', 1], ['image', ['linux', ['kernel', '']]]])).toBe('(domain (domid 1) (image (linux (kernel ))))\n');
    expect(prettySxp(['device', ['vif', ['bridge', 'xenbr0'], ['mac', '00:16:3e:00:00:01'], ['script', '/etc/xen/scripts/vif-bridge']]])).toBe(
      '(device\n    (vif\n        (bridge xenbr0)\n        (mac 00:16:3e:00:00:01)\n        (script /etc/xen/scripts/vif-bridge)\n    )\n)\n',
    );
    expect([pyFloat(1843.71), pyFloat(367017), pyFloat(1370000000.12)]).toEqual(['1843.71', '367017.0', '1370000000.12']);
  });
});

describe('numbers', () => {
  it("int_unit: MiB by default, k/m/g with Python 2's integer division, unknown units warned", () => {
    expect(['512', '2g', '2G', '1048576k', '512k', '100x', 'abc', '1.5g'].map(intUnitMiB)).toEqual([
      { mib: 512, warning: '' },
      { mib: 2048, warning: '' },
      { mib: 2048, warning: '' },
      { mib: 1024, warning: '' },
      { mib: 0, warning: '' },
      { mib: 0, warning: 'ignoring unknown unit\n' },
      null,
      null,
    ]);
  });

  it('cpu lists: ranges, exclusions, affinity text', () => {
    expect(parseCpuList('0-3,5,^2')).toEqual([0, 1, 3, 5]);
    expect(parseCpuList('a')).toBe(null);
    expect([formatCpumap(null, 16), formatCpumap([0, 1, 2, 3, 8], 16), formatCpumap([], 16), formatCpumap([...Array(64).keys()], 16), formatCpumap([20], 16)]).toEqual(['any cpu', '0-3,8', 'no cpus', 'any cpu', 'no cpus']);
  });

  it('balloon.free asks for the pages plus 1 MiB per GiB of overhead (reference: 4 GiB -> 4198400 KiB)', () => {
    expect(neededKiB(4096, false)).toBe(4198400);
    expect(neededKiB(16348, true)).toBe(16744412 + 16 * 1024);
  });
});
