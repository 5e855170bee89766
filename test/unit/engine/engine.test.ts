import { describe, expect, it } from 'vitest';
import { bootEngine, plain } from '../../support/engine';

describe('engine', () => {
  it('boots the default world and shows a root prompt on the first host', async () => {
    const { engine, info } = await bootEngine(7);
    expect(info.hosts).toEqual(['ovs01', 'ovs02']);
    expect(plain(await engine.open('t1', 'ovs01', 80, 24))).toBe('[root@ovs01 ~]# ');
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
