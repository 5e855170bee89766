// /proc/sysrq-trigger: `c` crashes the host (its guests die, logins close, back after the
// watchdog reboot), `b` resets it; other letters only log; nothing else in /proc is writable.
import { describe, expect, it } from 'vitest';
import { makeSim, terminal } from '../../support/harness';
import { wireSim } from '../../../src/sim/wiring';
import { readFile } from '../../../src/sim/vfs';

wireSim();

const running = (t: ReturnType<typeof terminal>, host: string) =>
  Object.values(t.world.domains).filter((d) => d.host === host && d.domid !== null).map((d) => d.simpleName).sort();

describe('/proc/sysrq-trigger', () => {
  it('c crashes the host: guests die, the login closes, the host is back after 180 s', async () => {
    const sim = await makeSim({ core: 'reference' });
    const t = terminal(sim, { host: 'ovs02' });
    expect(running(t, 'ovs02')).toEqual(['sv102', 'sv104']);
    expect(t.run('ls -l /proc/sysrq-trigger')).toBe('--w------- 1 root root 0 Mar 20 21:22 /proc/sysrq-trigger\n');
    expect(t.run('echo c > /proc/sysrq-trigger')).toBe('');
    expect(t.world.hosts.ovs02!.down).toMatchObject({ reason: 'crash', upAtMs: t.world.clockMs + 180_000 });
    expect(running(t, 'ovs02')).toEqual([]);
    expect(t.tick(1)).toBe('Connection to ovs02 closed by remote host.\nConnection to ovs02 closed.\n[ovs02 is rebooting: a new login opens when it is up again]\n');
    t.tick(180);
    expect(t.world.hosts.ovs02!.down).toBeUndefined();
    const log = readFile(t.world, t.world.hosts.ovs02!, '/var/log/messages');
    expect(log.ok && log.value.split('\n').filter((l) => / kernel: (SysRq|Kernel panic)/.test(l)).map((l) => l.replace(/^.*? kernel: /, ''))).toEqual([
      'SysRq : Trigger a crash',
      'Kernel panic - not syncing: Fatal exception',
    ]);
  });

  it('b resets the host (back after 120 s); h only logs the help line; other /proc files refuse writes', async () => {
    const sim = await makeSim({ core: 'reference' });
    const t = terminal(sim, { host: 'ovs01' });
    expect(t.run('echo h > /proc/sysrq-trigger')).toBe('');
    expect(t.world.hosts.ovs01!.down).toBeUndefined();
    expect(t.run('echo 1 > /proc/uptime')).toBe('-bash: /proc/uptime: Permission denied\n');
    expect(t.run('echo b > /proc/sysrq-trigger')).toBe('');
    expect(t.world.hosts.ovs01!.down).toMatchObject({ reason: 'crash', upAtMs: t.world.clockMs + 120_000 });
    const log = readFile(t.world, t.world.hosts.ovs01!, '/var/log/messages');
    expect(log.ok && log.value.split('\n').filter((l) => / kernel: SysRq/.test(l)).map((l) => l.replace(/^.*? kernel: /, ''))).toEqual([
      'SysRq : HELP : loglevel(0-9) reBoot Crash terminate-all-tasks(e) memory-full-oom-kill(f) kill-all-tasks(i) thaw-filesystems(j) sak(k) show-backtrace-all-active-cpus(l) show-memory-usage(m) nice-all-RT-tasks(n) poweroff(o) show-registers(p) show-all-timers(q) unraw(r) sync(s) show-task-states(t) unmount(u) show-blocked-tasks(w)',
      'SysRq : Resetting',
    ]);
  });
});
