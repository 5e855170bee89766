// Programs that run on the simulation clock: sleep, tail -f, ping. Ctrl-C stops them like SIGINT.
import { describe, expect, it } from 'vitest';
import { appendLog } from '../../../src/sim/logs';
import { pingProgram } from '../../../src/programs/ping';
import { parseSleepArg, sleepProgram } from '../../../src/programs/sleep';
import { tailFollow } from '../../../src/programs/tail-follow';
import { drive } from './harness';

describe('sleep', () => {
  it('parses GNU suffixes', () => {
    expect([parseSleepArg('5'), parseSleepArg('0.5'), parseSleepArg('2m'), parseSleepArg('1h'), parseSleepArg('1d'), parseSleepArg('x'), parseSleepArg('-1')]).toEqual([5000, 500, 120000, 3600000, 86400000, null, null]);
  });

  it('ends when the clock has advanced by the duration, not before', async () => {
    const d = await drive(sleepProgram(3000));
    await d.tick(2);
    expect(d.exited()).toBe(null);
    await d.tick(1);
    expect(d.exited()).toBe(0);
    expect(d.output()).toBe('');
  });

  it('Ctrl-C interrupts with ^C and status 130', async () => {
    const d = await drive(sleepProgram(60_000));
    await d.tick(1);
    await d.keys('\x03');
    expect(d.exited()).toBe(130);
    expect(d.output()).toBe('^C\r\n');
  });
});

describe('tail -f', () => {
  it('prints lines appended to the log as the clock runs, until Ctrl-C', async () => {
    const d = await drive(tailFollow([{ path: '/var/log/messages', display: '/var/log/messages' }]));
    const { world } = d.sim;
    const host = world.hosts.ovs01!;
    await d.tick(1);
    expect(d.output()).toBe('');
    appendLog(world, host, '/var/log/messages', 'Mar  2 08:00:01 ovs01 kernel: first', 'Mar  2 08:00:01 ovs01 kernel: second');
    await d.tick(1);
    appendLog(world, host, '/var/log/messages', 'Mar  2 08:00:02 ovs01 multipathd: third');
    await d.tick(1);
    await d.keys('\x03');
    expect(d.exited()).toBe(130);
    expect(d.screen()).toBe(['Mar  2 08:00:01 ovs01 kernel: first', 'Mar  2 08:00:01 ovs01 kernel: second', 'Mar  2 08:00:02 ovs01 multipathd: third', '^C'].join('\n'));
  });

  it('labels output by file when following several', async () => {
    const d = await drive(tailFollow([{ path: '/var/log/messages', display: '/var/log/messages' }, { path: '/var/log/xen/xend.log', display: '/var/log/xen/xend.log' }]));
    const { world } = d.sim;
    appendLog(world, world.hosts.ovs01!, '/var/log/messages', 'm1');
    await d.tick(1);
    expect(d.screen()).toBe(['', '==> /var/log/messages <==', 'm1'].join('\n'));
  });
});

describe('ping', () => {
  it('sends one request per second and prints statistics after -c', async () => {
    const { sim } = await drive(() => ({ onInput() {} }));
    const target = { display: 'ovs02.example.com', ip: '10.10.10.12', from: 'ovs02.example.com (10.10.10.12)', up: () => true, localIp: '10.10.10.11', local: false };
    const d = await drive(pingProgram(target, 3, 1), { sim });
    expect(d.screen().split('\n').length).toBe(2);
    await d.tick(2);
    expect(d.exited()).toBe(0);
    const lines = d.screen().split('\n');
    expect(lines[0]).toBe('PING ovs02.example.com (10.10.10.12) 56(84) bytes of data.');
    expect(lines.slice(1, 4).map((l) => l.replace(/time=\S+/, 'time=T'))).toEqual([1, 2, 3].map((n) => `64 bytes from ovs02.example.com (10.10.10.12): icmp_seq=${n} ttl=64 time=T ms`));
    expect(lines.slice(4, 7)).toEqual(['', '--- ovs02.example.com ping statistics ---', '3 packets transmitted, 3 received, 0% packet loss, time 2002ms']);
    expect(lines[7]).toMatch(/^rtt min\/avg\/max\/mdev = \d\.\d{3}\/\d\.\d{3}\/\d\.\d{3}\/\d\.\d{3} ms$/);
  });

  it('a host that is down is unreachable: errors in threes, 100% loss, exit 1', async () => {
    const target = { display: '10.10.10.12', ip: '10.10.10.12', from: '10.10.10.12', up: () => false, localIp: '10.10.10.11', local: false };
    const d = await drive(pingProgram(target, 3, 1));
    await d.tick(3);
    expect(d.exited()).toBe(1);
    expect(d.screen()).toBe(['PING 10.10.10.12 (10.10.10.12) 56(84) bytes of data.', 'From 10.10.10.11 icmp_seq=1 Destination Host Unreachable', 'From 10.10.10.11 icmp_seq=2 Destination Host Unreachable', 'From 10.10.10.11 icmp_seq=3 Destination Host Unreachable', '', '--- 10.10.10.12 ping statistics ---', '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2002ms'].join('\n'));
  });

  it('without -c runs until Ctrl-C, then prints ^C and the statistics', async () => {
    const target = { display: 'localhost', ip: '127.0.0.1', from: 'localhost (127.0.0.1)', up: () => true, localIp: '10.10.10.11', local: true };
    const d = await drive(pingProgram(target, null, 1));
    await d.tick(1);
    await d.keys('\x03');
    expect(d.exited()).toBe(0);
    expect(d.screen().split('\n').slice(3, 6)).toEqual(['^C', '', '--- localhost ping statistics ---']);
    expect(d.screen().split('\n')[6]).toBe('2 packets transmitted, 2 received, 0% packet loss, time 1002ms');
  });
});
