// The undo index and the change tracker alone (no engine): grouping a line with the input to its
// program, which groups count as state-changing, planning, redo, and the JSON kept in snapshots.
import { describe, expect, it } from 'vitest';
import { UndoIndex } from '../../../src/engine/undo';
import { ChangeTracker } from '../../../src/engine/persistence';
import type { JournalEntry } from '../../../src/engine/store';
import type { SessionRecord } from '../../../src/tty/session';

let seq = 0;
const e = (record: SessionRecord, session = 't1', changed = false): JournalEntry => ({ attemptId: 'a', seq: seq++, atMs: 0, session, host: 'ovs01', record, changed });
const exec = (line: string, changed = false, session = 't1') => e({ kind: 'exec', line }, session, changed);
const lineOf = (g: { exec: JournalEntry } | null) => (g && g.exec.record.kind === 'exec' ? g.exec.record.line : null);

describe('undo index', () => {
  it('groups a line with the input to its program; the group changes if any part did', () => {
    const idx = new UndoIndex();
    idx.add(exec('touch a', true));
    idx.add(exec('vi f'));
    idx.add(e({ kind: 'input', data: 'ihello' }));
    idx.add(e({ kind: 'input', data: ':wq\r' }, 't1', true));
    idx.add(exec('ls'));
    idx.add(e({ kind: 'resize', cols: 100, rows: 30 }));
    idx.settle(true);
    const planned = [idx.plan('undo'), idx.plan('undo'), idx.plan('undo')];
    expect(planned.map(lineOf)).toEqual(['vi f', 'touch a', null]);
    expect(planned[0]!.seqs.length).toBe(3);
  });

  it('a program that changes the world on a tick makes its line undoable (once), and ends redo', () => {
    const idx = new UndoIndex();
    idx.add(exec('service ntpd stop', true));
    idx.settle(true);
    idx.plan('undo');
    idx.takePlanned();
    idx.add(exec('xm migrate g ovs02'));
    idx.settle(true);
    expect(idx.watching('t1')).toBe(true);
    const entry = idx.programChanged('t1');
    expect(entry?.changed).toBe(true);
    expect(idx.programChanged('t1')).toBeNull();
    expect(idx.watching('t1')).toBe(false);
    expect(idx.plan('redo')).toBeNull();
    expect(lineOf(idx.plan('undo'))).toBe('xm migrate g ovs02');
  });

  it('redo brings back the last undone group; a new change clears redo', () => {
    const idx = new UndoIndex();
    idx.add(exec('a', true));
    idx.add(exec('b', true));
    idx.settle(true);
    idx.plan('undo');
    idx.plan('undo');
    idx.takePlanned();
    expect(lineOf(idx.plan('redo'))).toBe('a');
    idx.takePlanned();
    idx.add(exec('c', true));
    idx.settle(true);
    expect(idx.plan('redo')).toBeNull();
  });

  it('survives a snapshot round trip (JSON), keeping the open group of each session', () => {
    const idx = new UndoIndex();
    idx.add(exec('a', true));
    idx.add(exec('sleep 9', false, 't2'));
    idx.settle(true);
    const copy = new UndoIndex();
    copy.load(JSON.stringify(idx.toJSON()));
    expect(copy.watching('t2')).toBe(true);
    expect(lineOf(copy.plan('undo'))).toBe('a');
  });
});

describe('change tracker', () => {
  it('sets changed from the fingerprint before a record and at the next record or the end', () => {
    let world = 'w0';
    const t = new ChangeTracker(() => world);
    const a = exec('touch x');
    const b = exec('ls');
    t.open(a);
    world = 'w1';
    t.open(b);
    t.close();
    expect([a.changed, b.changed]).toEqual([true, false]);
  });
});
