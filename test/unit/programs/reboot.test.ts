// reboot through the engine: the nested login is closed by the remote host on the next tick,
// the first login waits for its host and logs in again when it is up.
import { describe, expect, it } from 'vitest';
import { bootEngine, plain } from '../../support/engine';

async function session(host = 'ovs01') {
  const { engine } = await bootEngine(42);
  let pushed = '';
  engine.subscribe((e) => {
    if (e.type === 'output') pushed += e.data;
  });
  await engine.open('t', host, 80, 24);
  engine.setSpeed(1);
  return {
    engine,
    type: async (line: string) => plain(await engine.input('t', line + '\r')),
    /** Advances the clock and returns what running programs and the session pushed meanwhile. */
    advance: (s: number) => {
      pushed = '';
      engine.pump(s * 1000);
      return plain(pushed);
    },
  };
}

describe('reboot', () => {
  it('closes a nested ssh login: "Connection to ovs02 closed by remote host." back on ovs01', async () => {
    const t = await session();
    await t.type('ssh ovs02');
    expect(await t.type('reboot')).toBe('reboot\n\nBroadcast message from root@ovs02.example.com\n\t(/dev/pts/0) at 21:22 ...\n\nThe system is going down for reboot NOW!\n[root@ovs02 ~]# ');
    expect(t.advance(1)).toBe('Connection to ovs02 closed by remote host.\nConnection to ovs02 closed.\n[root@ovs01 ~]# ');
    expect(await t.type('echo $?')).toBe('echo $?\n255\n[root@ovs01 ~]# ');
    expect(t.engine.sessionInfo('t')).toMatchObject({ host: 'ovs01', depth: 1 });
  });

  it('the first login waits for the host, ignores typing, and logs in again when it is up', async () => {
    const t = await session();
    await t.type('reboot');
    expect(t.advance(1)).toBe('Connection to ovs01 closed by remote host.\nConnection to ovs01 closed.\n[ovs01 is rebooting: a new login opens when it is up again]\n');
    expect(await t.type('hostname')).toBe('');
    expect(t.advance(60)).toBe('');
    expect(t.advance(60)).toBe('Last login: Fri Mar 20 21:22:35 2026 from 10.10.10.1\nWarning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.\n[root@ovs01 ~]# ');
    expect(await t.type('uptime')).toMatch(/^uptime\n \d\d:\d\d:\d\d up 0 min, {2}1 user, {2}load average: [\d., ]+\n\[root@ovs01 ~\]# $/);
    expect(await t.type('xm list | wc -l')).toBe('xm list | wc -l\n2\n[root@ovs01 ~]# ');
  });

  it('a full-screen program on the rebooting host is closed with the login', async () => {
    const t = await session();
    await t.type('ssh ovs02');
    await t.type('less /etc/hosts');
    await t.engine.input('t', ':');
    // Another terminal reboots ovs02 underneath the pager.
    await t.engine.open('u', 'ovs02', 80, 24);
    await t.engine.input('u', 'reboot\r');
    expect(t.advance(1)).toContain('Connection to ovs02 closed by remote host.\nConnection to ovs02 closed.\n[root@ovs01 ~]# ');
  });
});
