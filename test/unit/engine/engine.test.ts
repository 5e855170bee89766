import { describe, expect, it } from 'vitest';
import { bootEngine, plain } from '../../support/engine';

describe('engine', () => {
  it('boots the default world and logs in on the first host: last login, the OVM 3 warning, a root prompt', async () => {
    const { engine, info } = await bootEngine(7);
    expect(info.hosts).toEqual(['ovs01', 'ovs02']);
    expect(plain(await engine.open('t1', 'ovs01', 80, 24))).toBe(
      'Last login: Mon Mar 23 18:44:29 2026 from 10.10.10.1\nWarning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.\n[root@ovs01 ~]# ',
    );
    // The same terminal opened again (a reload) is the same login: no second banner.
    expect(plain(await engine.open('t1', 'ovs01', 80, 24))).toBe('[root@ovs01 ~]# ');
  });

  it('logs in without the warning on an OVM 2.2 server, whose motd is empty', async () => {
    const { engine } = await bootEngine(7, {}, 'pool-22');
    expect(plain(await engine.open('t1', 'ovs01', 80, 24))).toMatch(/^Last login: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} from 10\.10\.10\.1\n\[root@ovs01 ~\]# $/);
  });

  it('runs a command and answers an unknown one like bash, with $? = 127', async () => {
    const { engine } = await bootEngine(7);
    await engine.open('t1', 'ovs01', 80, 24);
    expect(plain(await engine.input('t1', 'hostname\r'))).toBe('hostname\novs01.example.com\n[root@ovs01 ~]# ');
    expect(plain(await engine.input('t1', 'foo\r'))).toBe('foo\n-bash: foo: command not found\n[root@ovs01 ~]# ');
    expect(plain(await engine.input('t1', 'echo $?\r'))).toBe('echo $?\n127\n[root@ovs01 ~]# ');
  });

  it('nests a shell with ssh and returns with exit', async () => {
    const { engine } = await bootEngine(7);
    await engine.open('t1', 'ovs01', 80, 24);
    const out = plain(await engine.input('t1', 'ssh ovs02\r'));
    expect(out).toMatch(/^ssh ovs02\nLast login: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} from 10\.10\.10\.11\nWarning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server\.\n\[root@ovs02 ~\]# $/);
    expect(plain(await engine.input('t1', 'exit\r'))).toBe('exit\nlogout\nConnection to ovs02 closed.\n[root@ovs01 ~]# ');
  });
});
