// Undo and redo: back one state-changing command at a time (read-only lines are stepped over),
// repeatable, durable across a reload, reaching past snapshots; the button path; bad usage.
import { describe, expect, it } from 'vitest';
import { bootOn, domainState, freshStore, guests, serviceState, typeLines } from './helpers';
import { plain } from '../../support/engine';

describe('undo', () => {
  it('takes back the last state-changing command, stepping over read-only ones', async () => {
    const engine = await bootOn(freshStore());
    await typeLines(engine, ['service ntpd stop', 'hostname', 'service ntpd status']);
    expect(plain(await engine.input('t1', 'undo\r'))).toBe('undo\nUndone: service ntpd stop\n[root@ovs01 ~]# ');
    expect(serviceState(engine, 'ovs01', 'ntpd')).toBe('running');
    expect(plain(await engine.input('t1', 'undo\r'))).toBe('undo\nundo: nothing to undo\n[root@ovs01 ~]# ');
    expect(plain(await engine.input('t1', 'echo $?\r'))).toBe('echo $?\n1\n[root@ovs01 ~]# ');
  });

  it('undo three times, then typing the commands again gives the same world as before', async () => {
    const engine = await bootOn(freshStore());
    const [g] = guests(engine);
    const lines = [`xm pause ${g}`, 'service crond stop', 'echo note > /root/n.txt'];
    const start = engine.inspect().world;
    await typeLines(engine, lines);
    const before = engine.inspect().world;
    const out = await typeLines(engine, ['undo', 'undo', 'undo']);
    expect(out.map(plain)).toEqual(lines.reverse().map((l) => `undo\nUndone: ${l}\n[root@ovs01 ~]# `));
    expect(domainState(engine, g!)).toBe('blocked');
    expect(engine.inspect().world).toBe(start);
    await typeLines(engine, lines.reverse());
    expect(engine.inspect().world).toBe(before);
  });

  it('redo brings back what undo took, until something else changes', async () => {
    const engine = await bootOn(freshStore());
    await typeLines(engine, ['service ntpd stop', 'service atd stop']);
    const before = engine.inspect().world;
    await typeLines(engine, ['undo', 'undo']);
    expect(plain(await engine.input('t1', 'redo\r'))).toBe('redo\nRedone: service ntpd stop\n[root@ovs01 ~]# ');
    expect(plain(await engine.input('t1', 'redo\r'))).toBe('redo\nRedone: service atd stop\n[root@ovs01 ~]# ');
    expect(engine.inspect().world).toBe(before);
    await typeLines(engine, ['undo', 'service crond stop']);
    expect(plain(await engine.input('t1', 'redo\r'))).toBe('redo\nredo: nothing to redo\n[root@ovs01 ~]# ');
  });

  it('is durable: a reload shows the undone world, and the undone line is still in the history', async () => {
    const store = freshStore();
    const engine = await bootOn(store);
    await typeLines(engine, ['service ntpd stop']);
    const afterFirst = engine.inspect().world;
    await typeLines(engine, ['service atd stop', 'undo']);
    const live = engine.inspect();
    expect(live.world).toBe(afterFirst);
    const reloaded = await bootOn(store);
    expect(reloaded.inspect()).toEqual(live);
    expect(plain((await typeLines(reloaded, ['history']))[0]!)).toBe('history\n    1  service ntpd stop\n    2  service atd stop\n    3  undo\n    4  history\n[root@ovs01 ~]# ');
    // And undo goes on from there after the reload.
    await typeLines(reloaded, ['undo']);
    expect(serviceState(reloaded, 'ovs01', 'ntpd')).toBe('running');
  });

  it('reaches back past snapshots to the start of the attempt', async () => {
    const store = freshStore();
    const engine = await bootOn(store, { snapshotEvery: 2 });
    const start = engine.inspect().world;
    const services = ['ntpd', 'atd', 'crond', 'acpid', 'sshd'];
    await typeLines(engine, services.map((s) => `service ${s} stop`));
    await new Promise((r) => setTimeout(r, 10));
    expect((await store.latestSnapshot('test'))!.seq).toBeGreaterThan(2);
    await typeLines(engine, services.map(() => 'undo'));
    expect(engine.inspect().world).toBe(start);
    const reloaded = await bootOn(store, { snapshotEvery: 2 });
    expect(reloaded.inspect().world).toBe(start);
  });

  it('the button types the command at the prompt, and does nothing while a program runs', async () => {
    const engine = await bootOn(freshStore());
    await typeLines(engine, ['service ntpd stop']);
    await engine.input('t1', 'half typed');
    expect(plain((await engine.command('t1', 'undo'))!)).toBe('\n[root@ovs01 ~]# undo\nUndone: service ntpd stop\n[root@ovs01 ~]# '.replace(/^\n/, ''));
    await engine.input('t1', 'sleep 30\r');
    expect(await engine.command('t1', 'undo')).toBeNull();
  });

  it('answers bad usage like a GNU tool and changes nothing', async () => {
    const engine = await bootOn(freshStore());
    await typeLines(engine, ['service ntpd stop']);
    const out = await typeLines(engine, ['undo -x', 'undo foo', 'undo --help']);
    expect(out.map(plain)).toEqual([
      "undo -x\nundo: invalid option -- 'x'\nTry `undo --help' for more information.\n[root@ovs01 ~]# ",
      "undo foo\nundo: too many arguments\nTry `undo --help' for more information.\n[root@ovs01 ~]# ",
      'undo --help\nUsage: undo\nTake back the last command that changed the data centre (repeatable).\nThe world returns to how it would be had that command never run; the clock does not go back.\n[root@ovs01 ~]# ',
    ]);
    expect(serviceState(engine, 'ovs01', 'ntpd')).toBe('stopped');
  });

  it('a line run in another terminal is undone too (the world is shared)', async () => {
    const engine = await bootOn(freshStore());
    await engine.open('t2', 'ovs02', 80, 24);
    await typeLines(engine, ['service ntpd stop'], 't2');
    expect(serviceState(engine, 'ovs02', 'ntpd')).toBe('stopped');
    expect(plain((await typeLines(engine, ['undo']))[0]!)).toBe('undo\nUndone: service ntpd stop\n[root@ovs01 ~]# ');
    expect(serviceState(engine, 'ovs02', 'ntpd')).toBe('running');
  });

  it('undoes a migration that finished on later clock ticks', async () => {
    const engine = await bootOn(freshStore());
    const before = { ovs01: guests(engine), ovs02: guests(engine, 'ovs02') };
    const [g] = before.ovs01;
    await engine.input('t1', `xm migrate ${g} ovs02\r`);
    engine.setSpeed(60);
    for (let i = 0; i < 20; i++) engine.pump(250);
    expect(guests(engine, 'ovs02')).toContain(g);
    expect(plain(await engine.input('t1', 'undo\r'))).toBe(`undo\nUndone: xm migrate ${g} ovs02\n[root@ovs01 ~]# `);
    expect({ ovs01: guests(engine), ovs02: guests(engine, 'ovs02') }).toEqual(before);
  });

  it('undoing a line whose program still runs in another terminal gives that terminal its prompt back', async () => {
    const engine = await bootOn(freshStore());
    await engine.open('t2', 'ovs01', 80, 24);
    const [g] = guests(engine);
    await engine.input('t2', `xm migrate ${g} ovs02\r`);
    const events: Array<{ session: string; data: string }> = [];
    engine.subscribe((e) => e.type === 'output' && events.push({ session: e.session, data: plain(e.data) }));
    expect(plain(await engine.input('t1', 'undo\r'))).toBe(`undo\nUndone: xm migrate ${g} ovs02\n[root@ovs01 ~]# `);
    expect(events).toEqual([{ session: 't2', data: '\n[root@ovs01 ~]# ' }]);
    expect(plain(await engine.input('t2', 'hostname\r'))).toBe('hostname\novs01.example.com\n[root@ovs01 ~]# ');
  });
});
