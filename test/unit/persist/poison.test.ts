// A line that raises an internal error, or a journal entry that cannot be replayed, must never
// poison the attempt: the line is rolled back and journaled as failed, a rebuild skips what it
// cannot replay and keeps everything else, and an undo/redo in a list is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootOn, freshStore, typeLines } from './helpers';
import { plain } from '../../support/engine';
import { TtySession } from '../../../src/tty/session';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import type { JournalEntry } from '../../../src/engine/store';

const PROMPT = '[root@ovs01 ~]# ';

/** Makes the session raise once for `line`, after running `partial` (a half-done effect). */
function throwOn(line: string, partial: string): void {
  const input = TtySession.prototype.input;
  const spy = vi.spyOn(TtySession.prototype, 'input').mockImplementation(function (this: TtySession, data: string) {
    if (data !== `${line}\r`) return input.call(this, data);
    spy.mockRestore();
    input.call(this, `${partial}\r`);
    throw new Error('boom in the shell');
  });
}

afterEach(() => vi.restoreAllMocks());

describe('a line that raises', () => {
  it('is rolled back live, journaled as failed, and a reload rebuilds the same world', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/a']);
    throwOn('cat <<E', 'touch /root/half-done');
    expect(plain(await live.input('t1', 'cat <<E\r'))).toBe(`\n-bash: internal error: boom in the shell (this line changed nothing)\n${PROMPT}`);
    // The line editor starts afresh: the next line is not glued to the failed one.
    expect(plain(await live.input('t1', 'echo after\r'))).toBe(`echo after\nafter\n${PROMPT}`);
    await typeLines(live, ['touch /root/b']);
    expect(plain(await live.input('t1', 'ls /root\r'))).toBe(`ls /root\na  b\n${PROMPT}`);
    const journal = await store.readJournal('test', -1);
    expect(journal.filter((e) => e.failed).map((e) => e.record)).toEqual([{ kind: 'exec', line: 'touch /root/half-done' }]);

    const reloaded = await bootOn(store, {}, 42, 'default', false);
    expect(reloaded.inspect()).toEqual(live.inspect());
  });
});

describe('a journal entry that cannot be replayed', () => {
  it('is skipped with a notice; the commands before and after it are kept and saving stays on', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/a', 'touch /root/poison', 'echo after', 'touch /root/b']);
    // As an older version wrote it: a line whose replay raises (here: made to raise).
    const replay = TtySession.prototype.replay;
    vi.spyOn(TtySession.prototype, 'replay').mockImplementation(function (this: TtySession, r) {
      replay.call(this, r);
      if (r.kind === 'exec' && r.line === 'touch /root/poison') throw new Error('replay diverged');
    });
    const engine = await bootOn(store, {}, 42, 'default', false);
    vi.restoreAllMocks();
    await engine.open('t1', 'ovs01', 80, 24);
    expect(plain(await engine.input('t1', 'ls /root\r'))).toBe(`ls /root\na  b\n${PROMPT}`);
    expect((await store.readJournal('test', -1)).find((e) => e.failed)?.record).toEqual({ kind: 'exec', line: 'touch /root/poison' });
    // Saving is still on: a later command is kept across another reload.
    await typeLines(engine, ['touch /root/c']);
    const again = await bootOn(store, {}, 42, 'default', false);
    expect(again.inspect().world).toBe(engine.inspect().world);
  });

  it('skips entries for an unknown server, a prototype name or a time far ahead, and says which', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/a']);
    const [first] = await store.readJournal('test', -1);
    const bad = (seq: number, over: Partial<JournalEntry>): JournalEntry => ({ ...first!, seq, ...over });
    await store.appendJournal([
      bad(10, { host: '__proto__', record: { kind: 'exec', line: 'touch /root/proto' } }),
      bad(11, { atMs: 1e15, record: { kind: 'exec', line: 'touch /root/far' } }),
      bad(12, { record: { kind: 'bogus' } as unknown as JournalEntry['record'] }),
      bad(13, { record: { kind: 'exec', line: 'touch /root/b' } }),
    ]);
    const engine = createEngine({ loadCore, store });
    const info = await engine.boot({ attemptId: 'test' });
    expect(info.refusal).toBeNull();
    expect(info.notice).toBe('3 saved commands could not be replayed and were skipped (`touch /root/proto`, `touch /root/far`, a bogus record); everything else is restored.');
    await engine.open('t1', 'ovs01', 80, 24);
    expect(plain(await engine.input('t1', 'ls /root\r'))).toBe(`ls /root\na  b\n${PROMPT}`);
  });
});

describe('undo and redo', () => {
  it('are refused in a list, which then runs as typed', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/x']);
    expect(plain(await live.input('t1', 'ls /root; undo; ls /root\r'))).toBe(`ls /root; undo; ls /root\nx\nundo: must be the only command on the line\nx\n${PROMPT}`);
    expect(plain(await live.input('t1', 'undo\r'))).toBe(`undo\nUndone: touch /root/x\n${PROMPT}`);
    const reloaded = await bootOn(store, {}, 42, 'default', false);
    expect(reloaded.inspect()).toEqual(live.inspect());
  });
});

describe('redo after a reload', () => {
  it('brings back what was undone before the page went away', async () => {
    const store = freshStore();
    const live = await bootOn(store);
    await typeLines(live, ['touch /root/one', 'touch /root/two', 'undo', 'undo']);
    const reloaded = await bootOn(store);
    expect(plain(await reloaded.input('t1', 'redo\r'))).toBe(`redo\nRedone: touch /root/one\n${PROMPT}`);
    expect(plain(await reloaded.input('t1', 'ls /root\r'))).toBe(`ls /root\none\n${PROMPT}`);
    expect(plain(await reloaded.input('t1', 'redo\r'))).toBe(`redo\nRedone: touch /root/two\n${PROMPT}`);
  });
});
