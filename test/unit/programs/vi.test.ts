// vi driven by keystrokes on a headless terminal: the screen a user sees and the file the
// system reads afterwards.
import { describe, expect, it } from 'vitest';
import { lookup, readFile, writeFile } from '../../../src/sim/vfs';
import { viProgram } from '../../../src/programs/vi/vi';
import { drive } from './harness';
import type { Sim } from '../../../src/sim/sim';

const ESC = '\x1b';
const small = { cols: 40, rows: 8 };

async function open(path: string, content: string | null, opts = small) {
  const d0 = await drive(() => ({ onInput() {} }), opts);
  const { world } = d0.sim;
  if (content !== null) writeFile(world, world.hosts.ovs01!, path, content);
  const d = await drive(viProgram({ path, display: path }, '/root'), { ...opts, sim: d0.sim });
  return d;
}

const file = (sim: Sim, path: string) => {
  const r = readFile(sim.world, sim.world.hosts.ovs01!, path);
  return r.ok ? r.value : `<${r.error}>`;
};

describe('vi', () => {
  it('opens a file on the alternate screen with the vim file message and ~ rows', async () => {
    const d = await open('/root/a.txt', 'one\ntwo\nthree\n');
    expect(d.buffer()).toBe('alternate');
    expect(d.screen()).toBe(['one', 'two', 'three', '~', '~', '~', '~', '"/root/a.txt" 3L, 14C'].join('\n'));
    expect(d.cursor()).toEqual({ row: 0, col: 0 });
  });

  it('inserts, writes with :wq and returns to the normal screen; the VFS has the new bytes', async () => {
    const d = await open('/root/a.txt', 'one\ntwo\n');
    await d.keys('jA and more' + ESC);
    expect(d.screen().split('\n')[1]).toBe('two and more');
    await d.keys('Ozero' + ESC + ':wq\r');
    expect(d.exited()).toBe(0);
    expect(d.buffer()).toBe('normal');
    expect(file(d.sim, '/root/a.txt')).toBe('one\nzero\ntwo and more\n');
  });

  it('shows -- INSERT -- while inserting and the written message after :w', async () => {
    const d = await open('/root/a.txt', 'x\n');
    await d.keys('o');
    expect(d.screen().split('\n').pop()).toBe('-- INSERT --');
    await d.keys('y' + ESC + ':w\r');
    expect(d.screen()).toBe(['x', 'y', '~', '~', '~', '~', '~', '"/root/a.txt" 2L, 4C written'].join('\n'));
    expect(d.exited()).toBe(null);
  });

  it('refuses :q with unsaved changes (E37) and quits with :q! leaving the file untouched', async () => {
    const d = await open('/root/a.txt', 'keep\n');
    await d.keys('dd:q\r');
    // Wider than this 40-column screen: vim scrolls and waits for Enter.
    expect(d.screen()).toBe(['~', '~', '~', '~', '~', 'E37: No write since last change (add ! t', 'o override)', 'Press ENTER or type command to continue'].join('\n'));
    await d.keys('\r');
    expect(d.screen()).toBe(['', '~', '~', '~', '~', '~', '~'].join('\n'));
    expect(d.exited()).toBe(null);
    await d.keys(':q!\r');
    expect(d.exited()).toBe(0);
    expect(file(d.sim, '/root/a.txt')).toBe('keep\n');
  });

  it('x, dd, yy and p edit like vi; counts work; "3 fewer lines" is reported', async () => {
    const d = await open('/root/b.txt', 'a1\nb2\nc3\nd4\ne5\nf6\n');
    await d.keys('x');
    await d.keys('jyyp');
    await d.keys('3dd');
    expect(d.screen()).toBe(['1', 'b2', 'e5', 'f6', '~', '~', '~', '3 fewer lines'].join('\n'));
    await d.keys('G99dd');
    await d.keys('ZZ');
    expect(d.exited()).toBe(0);
    expect(file(d.sim, '/root/b.txt')).toBe('1\nb2\ne5\n');
  });

  it('u undoes the last change with vim\'s message and Ctrl-R redoes it', async () => {
    const d = await open('/root/c.txt', 'a\nb\n');
    await d.keys('dd');
    await d.keys('u');
    expect(d.screen()).toBe(['a', 'b', '~', '~', '~', '~', '~', '1 more line; before #1  0 seconds ago'].join('\n'));
    await d.keys('\x12');
    expect(d.screen().split('\n')[0]).toBe('b');
    await d.keys('uu');
    expect(d.screen().split('\n').pop()).toBe('Already at oldest change');
  });

  it('searches with /pattern, repeats with n, wraps around, and reports a missing pattern', async () => {
    const d = await open('/root/d.txt', 'alpha\nbeta\ngamma beta\ndelta\n');
    await d.keys('/beta\r');
    expect(d.cursor()).toEqual({ row: 1, col: 0 });
    expect(d.screen().split('\n').pop()).toBe('/beta');
    await d.keys('n');
    expect(d.cursor()).toEqual({ row: 2, col: 6 });
    await d.keys('n');
    expect(d.cursor()).toEqual({ row: 1, col: 0 });
    expect(d.screen().split('\n').pop()).toBe('search hit BOTTOM, continuing at TOP');
    await d.keys('/nothere\r');
    expect(d.screen().split('\n').pop()).toBe('E486: Pattern not found: nothere');
  });

  it(':set nu shows line numbers; :set nonu hides them', async () => {
    const d = await open('/root/e.txt', 'first\nsecond\n');
    await d.keys(':set nu\r');
    expect(d.screen()).toBe(['  1 first', '  2 second', '~', '~', '~', '~', '~', ':set nu'].join('\n'));
    expect(d.cursor()).toEqual({ row: 0, col: 4 });
    await d.keys(':set nonu\r');
    expect(d.screen().split('\n')[0]).toBe('first');
  });

  it(':set nu? tells whether numbers are on, and changes nothing', async () => {
    const d = await open('/root/e2.txt', 'first\nsecond\n');
    await d.keys(':set nu?\r');
    expect(d.screen()).toBe(['first', 'second', '~', '~', '~', '~', '~', 'nonumber'].join('\n'));
    await d.keys(':set nu\r:set number?\r');
    expect(d.screen()).toBe(['  1 first', '  2 second', '~', '~', '~', '~', '~', '  number'].join('\n'));
  });

  it('moves with hjkl and the arrow keys, keeping the column across lines', async () => {
    const d = await open('/root/f.txt', 'abcdef\nxy\nlonger line\n');
    await d.keys('llll');
    expect(d.cursor()).toEqual({ row: 0, col: 4 });
    await d.keys('j');
    expect(d.cursor()).toEqual({ row: 1, col: 1 });
    await d.keys('\x1b[B');
    expect(d.cursor()).toEqual({ row: 2, col: 4 });
    await d.keys('\x1b[A\x1b[A');
    expect(d.cursor()).toEqual({ row: 0, col: 4 });
    await d.keys('h\x1b[D');
    expect(d.cursor()).toEqual({ row: 0, col: 2 });
  });

  it('creates a new file: [New File] on open, [New] on write, :x saves and quits', async () => {
    const d = await open('/root/new.cfg', null);
    expect(d.screen().split('\n').pop()).toBe('"/root/new.cfg" [New File]');
    await d.keys('ihello' + ESC + ':w\r');
    expect(d.screen().split('\n').pop()).toBe('"/root/new.cfg" [New] 1L, 6C written');
    await d.keys('o' + 'bye' + ESC + ':x\r');
    expect(d.exited()).toBe(0);
    expect(file(d.sim, '/root/new.cfg')).toBe('hello\nbye\n');
  });

  it('cannot write where the directory is missing (E212), and unknown commands are E492', async () => {
    const d = await open('/nodir/x.txt', null);
    expect(d.screen().split('\n').pop()).toBe('"/nodir/x.txt" [New DIRECTORY]');
    await d.keys('ia' + ESC + ':w\r');
    expect(d.screen().split('\n').slice(-3)).toEqual(['"/nodir/x.txt" E212: Can\'t open file for', ' writing', 'Press ENTER or type command to continue']);
    await d.keys('\r');
    await d.keys(':frobnicate\r');
    expect(d.screen().split('\n').pop()).toBe('E492: Not an editor command: frobnicate');
    expect(lookup(d.sim.world, d.sim.world.hosts.ovs01!, '/nodir').ok).toBe(false);
  });

  it('Ctrl-C in normal mode tells how to quit', async () => {
    const d = await open('/root/g.txt', 'z\n');
    await d.keys('\x03');
    expect(d.screen().split('\n').pop()).toBe('Type  :quit<Enter>  to exit Vim');
  });

  it(':%s substitutes on every line and a bare number jumps to that line', async () => {
    const d = await open('/root/h.txt', 'no_path_retry 5\npolling 10\nno_path_retry 5\n');
    await d.keys(':%s/5/queue/\r');
    await d.keys(':2\r');
    expect(d.cursor()).toEqual({ row: 1, col: 0 });
    await d.keys(':wq\r');
    expect(file(d.sim, '/root/h.txt')).toBe('no_path_retry queue\npolling 10\nno_path_retry queue\n');
  });

  it('scrolls a long file and wraps long lines', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const d = await open('/root/long.txt', lines.join('\n') + '\n');
    await d.keys('G');
    expect(d.screen()).toBe(['line 24', 'line 25', 'line 26', 'line 27', 'line 28', 'line 29', 'line 30', '"/root/long.txt" 30L, 231C'].join('\n'));
    const w = await open('/root/wide.txt', 'x'.repeat(50) + '\nend\n');
    expect(w.screen().split('\n').slice(0, 3)).toEqual(['x'.repeat(40), 'x'.repeat(10), 'end']);
  });
});
