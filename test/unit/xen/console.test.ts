// xm console (reference §1.14): no banner on attach; Enter wakes the guest's getty; the login
// never succeeds (the guest OS is not simulated); Ctrl-] (0x1d) detaches; the console closes
// when the domain goes away.
import { describe, expect, it } from 'vitest';
import { plain } from '../../support/engine';
import { xenSession } from './helpers';

describe('xm console', () => {
  it('attaches silently, shows the login prompt on Enter, refuses logins, detaches with Ctrl-]', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    expect(s.run('xm console 1')).toBe('');
    expect(s.busy()).toBe(true);
    expect(plain(s.keys('\r'))).toBe('\n\nOracle Linux Server release 6.10\nKernel 4.1.12-124.24.3.el6uek.x86_64 on an x86_64\n\nsv102 login: ');
    expect(plain(s.keys('root\r'))).toBe('root\nPassword: ');
    expect(plain(s.keys('secret\r'))).toBe('\nLogin incorrect\n\nsv102 login: ');
    expect(s.keys('\x1d')).toBe('[root@ovs02 ~]# ');
    expect(s.busy()).toBe(false);
    expect(s.run('echo $?')).toBe('0\n');
  });

  it('ends when the domain is destroyed', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    s.run('xm console 2');
    s.sim.world.domains['0004fb000006000076a6527dd6f3f821']!.domid = null;
    s.sim.world.domains['0004fb000006000076a6527dd6f3f821']!.host = null;
    expect(s.tick(1)).toBe('[root@ovs02 ~]# ');
  });

  it('an HVM guest without a serial console has no tty to attach to', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    delete s.sim.world.domains['0004fb000006000076a6527dd6f3f821']!.xen!.serial;
    expect(s.run('xm console 2')).toBe('xenconsole: Could not read tty from store: No such file or directory\n');
    expect(s.run('echo $?')).toBe('2\n');
  });
});

describe('xm create -c / start -c', () => {
  it('attaches the console to the domain it just started', async () => {
    const s = await xenSession('sv091', 42, 'sv091');
    s.run('xm shutdown 15');
    s.tick(6);
    expect(s.run('xm create -c /OVS/Repositories/0004fb000003000024cd350d232b41fc/VirtualMachines/0004fb000006000063c616814464d177/vm.cfg')).toBe(
      'Using config file "/OVS/Repositories/0004fb000003000024cd350d232b41fc/VirtualMachines/0004fb000006000063c616814464d177/vm.cfg".\nStarted domain 0004fb000006000063c616814464d177 (id=19)\n',
    );
    expect(s.busy()).toBe(true);
    expect(plain(s.keys('\r'))).toBe('\n\nOracle Linux Server 7.6\nKernel 4.14.35-1818.3.3.el7uek.x86_64 on an x86_64\n\nsv104 login: ');
    s.keys('\x1d');
    expect(s.busy()).toBe(false);
  });
});

describe('Tab completion', () => {
  it('completes subcommands, then the host\'s domain names', async () => {
    const { xmCommand } = await import('../../../src/shell/commands/xm');
    const s = await xenSession('default', 42, 'ovs02');
    const c = { world: s.sim.world, host: s.sim.world.hosts.ovs02!, frame: { host: 'ovs02', cwd: '/root', env: {}, aliases: {}, lastExit: 0 } };
    expect(xmCommand.complete!(c, [], 'sh')).toEqual(['shell', 'shutdown']);
    expect(xmCommand.complete!(c, ['shutdown'], '0004')).toEqual(['0004fb000006000076a6527dd6f3f821', '0004fb0000060000cb4eb1190fe468a2']);
    expect(xmCommand.complete!(c, ['console'], 'Dom')).toEqual(['Domain-0']);
    expect(xmCommand.complete!(c, ['create'], 'x')).toEqual([]);
  });
});
