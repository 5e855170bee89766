// The Manager through the engine: a tab action is a journaled command (reload replays it, undo
// takes it back), the view is plain JSON from the Manager's database, and changes are pushed.
import { describe, expect, it } from 'vitest';
import { bootOn, freshStore, typeLines } from '../persist/helpers';
import type { EngineEvent } from '../../../src/engine/types';

describe('engine: the Manager tab', () => {
  it('an action runs as `ovmm …` in the hidden panel session and returns its output and the new view', async () => {
    const engine = await bootOn(freshStore());
    const view = engine.managerView()!;
    expect(view.vms.map((v) => [v.name, v.status])).toEqual([['sv101', 'Running'], ['sv102', 'Running'], ['sv103', 'Running'], ['sv104', 'Running'], ['sv105', 'Stopped']]);
    const r = await engine.managerAction(['stop', 'vm', 'sv101']);
    const id = r.view!.jobs[0]!.id;
    expect(r.output).toBe(`Job ${id} submitted: Stop VM: sv101`);
    expect(r.exitCode).toBe(0);
    expect(r.view!.jobs[0]).toMatchObject({ summary: 'Stop VM: sv101', status: 'In Progress', user: 'admin' });
    expect(r.view!.vms[0]).toMatchObject({ name: 'sv101', status: 'Stopping' });
  });

  it('pushes a manager event when the database changes as the clock runs', async () => {
    const events: EngineEvent[] = [];
    const engine = await bootOn(freshStore());
    engine.subscribe((e) => events.push(e));
    await engine.managerAction(['stop', 'vm', 'sv101']);
    for (let i = 0; i < 10; i++) engine.pump(1000);
    const pushed = events.filter((e): e is Extract<EngineEvent, { type: 'manager' }> => e.type === 'manager');
    expect(pushed.length).toBeGreaterThan(0);
    const last = pushed.at(-1)!.view;
    expect(last.jobs[0]!.status).toBe('Success');
    expect(last.vms[0]).toMatchObject({ name: 'sv101', status: 'Stopped', server: null });
    // Nothing changed since: no further push on a quiet tick.
    const n = pushed.length;
    engine.pump(1000);
    expect(events.filter((e) => e.type === 'manager').length).toBe(n);
  });

  it('is journaled: a reload replays the action to the same world, and undo takes it back', async () => {
    const store = freshStore();
    const engine = await bootOn(store);
    const start = engine.inspect().world;
    await engine.managerAction(['edit', 'pool', 'pool1', 'ha=true']);
    const after = engine.inspect();
    const reloaded = await bootOn(store);
    expect(reloaded.inspect().world).toBe(after.world);
    await typeLines(reloaded, ['undo']);
    expect(reloaded.inspect().world).toBe(start);
  });

  it('a bad action changes nothing and reports the Manager\'s error', async () => {
    const engine = await bootOn(freshStore());
    const before = engine.inspect().world;
    const r = await engine.managerAction(['stop', 'vm', 'nosuch']);
    expect(r).toMatchObject({ exitCode: 1, output: 'ovmm: No such object (Vm): nosuch' });
    expect(engine.inspect().world).toBe(before);
  });
});
