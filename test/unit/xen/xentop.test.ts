// Interactive xentop (reference §2) on a headless terminal: the summary, header and rows; a
// refresh every `delay` seconds of simulated time with CPU(%) from two samples; the keys
// (n v b r s d ↑ ↓ q); -i N stops by itself; batch mode with several iterations.
import { describe, expect, it } from 'vitest';
import { xentopProgram } from '../../../src/shell/commands/xentop';
import { drive } from '../programs/harness';
import { xenSession } from './helpers';

const HEAD = '      NAME  STATE   CPU(sec) CPU(%)     MEM(k) MEM(%)  MAXMEM(k) MAXMEM(%) VCPUS NETS NETTX(k) NETRX(k) VBDS   VBD_OO   VBD_RD   VBD_WR  VBD_RSECT  VBD_WSECT SSID';

describe('xentop (interactive)', () => {
  it('draws the summary, header, rows and key line on the alternate screen, and q leaves it', async () => {
    const d = await drive(xentopProgram({}), { cols: 200, rows: 12 });
    expect(d.buffer()).toBe('alternate');
    expect(d.screen()).toBe(
      [
        'xentop - 21:22:34   Xen 4.4.4OVM',
        '3 domains: 1 running, 2 blocked, 0 paused, 0 crashed, 0 dying, 0 shutdown',
        'Mem: 67095552k total, 12452792k used, 54642760k free    CPUs: 16 @ 2394MHz',
        '',
        HEAD,
        '0004fb0000 --b---     139110    0.0    8392668   12.5    8392704      12.5     2    1  4427714  7379523    1        0        0        0          0          0    0',
        '0004fb0000 --b---     365448    0.0    2101212    3.1    2101248       3.1     4    1  9044195 15073659    1        0        0        0          0          0    0',
        '  Domain-0 -----r     367017    0.0    1889280    2.8   no limit       n/a    16    0        0        0    0        0        0        0          0          0    0',
        '',
        '',
        '',
        '  Delay  Networks  vBds  Tmem  VCPUs  Repeat header  Sort order  Quit',
      ].join('\n'),
    );
    await d.keys('q');
    expect(d.exited()).toBe(0);
    expect(d.buffer()).toBe('normal');
  });

  it('refreshes every 3 s by default; CPU(%) comes from the two samples', async () => {
    const d = await drive(xentopProgram({}), { cols: 200, rows: 12 });
    const g = d.sim.world.domains['0004fb0000060000da180242fd96ddfe']!;
    const before = g.cpuTimeS;
    await d.tick(2);
    expect(d.screen().split('\n')[0]).toBe('xentop - 21:22:34   Xen 4.4.4OVM');
    await d.tick(1);
    // The guest used (after - before) CPU seconds in 3 s of simulated time.
    expect(((g.cpuTimeS - before) / 3) * 100).toBeCloseTo(109.1, 1);
    const rows = d.screen().split('\n');
    expect(rows[0]).toBe('xentop - 21:22:37   Xen 4.4.4OVM');
    expect(rows[6]).toBe('0004fb0000 --b---     365451  109.1    2101212    3.1    2101248       3.1     4    1  9044276 15073794    1        0      125       25       2000        400    0');
  });

  it('keys: v and n add detail lines, s sorts by the next column, d asks for the delay, Esc quits', async () => {
    const d = await drive(xentopProgram({}), { cols: 200, rows: 16 });
    await d.keys('v');
    expect(d.screen().split('\n')[6]).toBe('VCPUs(sec):   0:      69555s  1:      69555s');
    await d.keys('vn');
    expect(d.screen().split('\n')[6]).toBe('Net0 RX: 7556632334bytes  8890155pkts        0err        0drop  TX: 4533979400bytes  7312870pkts        0err        0drop');
    await d.keys('n');
    // Twice: STATE, then CPU(sec), descending: dom0 has used the most.
    await d.keys('ss');
    expect(d.screen().split('\n')[5]!.startsWith('  Domain-0')).toBe(true);
    await d.keys('d');
    expect(d.screen().split('\n')[15]).toBe('  Delay(sec):');
    await d.keys('1\r');
    expect(d.screen().split('\n')[15]).toBe('  Delay  Networks  vBds  Tmem  VCPUs  Repeat header  Sort order  Quit');
    await d.tick(1);
    expect(d.screen().split('\n')[0]).toBe('xentop - 21:22:35   Xen 4.4.4OVM');
    await d.keys('\x1b');
    expect(d.exited()).toBe(0);
  });

  it('-i N draws N screens and leaves on its own', async () => {
    const d = await drive(xentopProgram({ iterations: 2, delayS: 1 }), { cols: 200, rows: 12 });
    await d.tick(1);
    expect(d.exited()).toBe(null);
    await d.tick(1);
    expect(d.exited()).toBe(0);
    expect(d.buffer()).toBe('normal');
  });
});

describe('xentop -b -i N', () => {
  it('prints one block per delay, then returns to the prompt', async () => {
    const s = await xenSession();
    const first = s.run('xentop -b -i 2 -d 2');
    expect(first.split('\n')[0]).toBe(HEAD);
    expect(first.split('\n').length).toBe(5);
    expect(s.busy()).toBe(true);
    expect(s.tick(1)).toBe('');
    const second = s.tick(1);
    expect(second.split('\n')[0]).toBe(HEAD);
    expect(second.endsWith('[root@ovs01 ~]# ')).toBe(true);
    expect(s.busy()).toBe(false);
  });

  it('xm top runs xentop', async () => {
    const s = await xenSession();
    s.run('xm top');
    expect(s.busy()).toBe(true);
    s.keys('q');
    expect(s.busy()).toBe(false);
  });
});
