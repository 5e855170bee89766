// Where a command is installed comes from its spec (dir, release, builtin): `type`, `which`, `env`
// and the binary directories agree with it, as on a real dom0 (bash 4.1, which 2.19).
import { describe, expect, it } from 'vitest';
import { makeSim, terminal } from '../../support/harness';

const NOT_IN_PATH = (n: string) => `/usr/bin/which: no ${n} in (/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin:/root/bin)\n`;

describe('install paths from the command specs', () => {
  it('a builtin that is also a program, one that is not, a tool in /sbin', async () => {
    const t = terminal(await makeSim());
    expect(t.run('type -a echo')).toBe('echo is a shell builtin\necho is /bin/echo\n');
    expect(t.run('type -a :; which :; echo "rc=$?"')).toBe(`: is a shell builtin\n${NOT_IN_PATH(':')}rc=1\n`);
    expect(t.run('type cd; which cd; echo "rc=$?"')).toBe(`cd is a shell builtin\n${NOT_IN_PATH('cd')}rc=1\n`);
    expect(t.run('which multipath xm grep')).toBe('/sbin/multipath\n/usr/sbin/xm\n/bin/grep\n');
    expect(t.run('env : ; echo "rc=$?"')).toBe('env: :: No such file or directory\nrc=127\n');
  });

  it('a tool of one release exists only on that release', async () => {
    const ovm3 = terminal(await makeSim());
    const ovm2 = terminal(await makeSim({ scenario: 'ovm22' }));
    expect(ovm2.run('which repos.py virt-install')).toBe('/opt/ovs-agent-2.3/utils/repos.py\n/usr/sbin/virt-install\n');
    expect(ovm3.run('which repos.py; echo "rc=$?"')).toBe(`${NOT_IN_PATH('repos.py')}rc=1\n`);
    expect(ovm3.run('which ovs-agent-db')).toBe('/usr/sbin/ovs-agent-db\n');
    // One name a line (ls to a pipe), so the listing is the directories' whole content.
    expect(ovm2.run('ls /usr/sbin | cat')).toBe('brctl\novs-agent\nvirt-install\nxentop\nxm\n');
    expect(ovm3.run('ls /usr/sbin | cat')).toBe('brctl\novs-agent\novs-agent-db\nxentop\nxm\n');
  });

  it('which --all after an alias also looks the name up as a program (GNU which 2.19)', async () => {
    const t = terminal(await makeSim());
    t.run("alias ls='ls --color=auto'; alias ll='ls -l'");
    expect(t.run('alias | /usr/bin/which --read-alias ls')).toBe("alias ls='ls --color=auto'\n\t/bin/ls\n");
    expect(t.run('alias | /usr/bin/which --read-alias -a ls')).toBe("alias ls='ls --color=auto'\n\t/bin/ls\n/bin/ls\n");
    expect(t.run('alias | /usr/bin/which --read-alias -a ll; echo "rc=$?"')).toBe("alias ll='ls -l'\n\t/bin/ls\nrc=0\n");
  });
});
