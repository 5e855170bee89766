// less and more driven by keystrokes: pages, search, prompts, and how each leaves the screen.
import { describe, expect, it } from 'vitest';
import { lessProgram } from '../../../src/programs/less';
import { moreProgram, moreRows } from '../../../src/programs/more';
import { drive } from './harness';

const rows30 = Array.from({ length: 30 }, (_, i) => `row ${i}`).join('\n') + '\n';
const opts = { rows: 6, cols: 40 };

describe('less', () => {
  it('shows the first page with the file name as prompt, then pages with space and b', async () => {
    const d = await drive(lessProgram(rows30, '/var/log/messages'), opts);
    expect(d.buffer()).toBe('alternate');
    expect(d.screen()).toBe(['row 0', 'row 1', 'row 2', 'row 3', 'row 4', '/var/log/messages'].join('\n'));
    await d.keys(' ');
    expect(d.screen()).toBe(['row 5', 'row 6', 'row 7', 'row 8', 'row 9', ':'].join('\n'));
    await d.keys('b');
    expect(d.screen().split('\n')[0]).toBe('row 0');
    await d.keys('jj');
    expect(d.screen().split('\n')[0]).toBe('row 2');
  });

  it('searches with /, repeats with n, and says when a pattern is not found', async () => {
    const d = await drive(lessProgram(rows30, null), opts);
    await d.keys('/row 1\r');
    expect(d.screen()).toBe(['row 1', 'row 2', 'row 3', 'row 4', 'row 5', ':'].join('\n'));
    await d.keys('n');
    expect(d.screen().split('\n')[0]).toBe('row 10');
    await d.keys('/nothing\r');
    expect(d.screen().split('\n').pop()).toBe('Pattern not found  (press RETURN)');
    await d.keys('\r');
    expect(d.screen().split('\n').pop()).toBe(':');
  });

  it('G shows (END); q restores the shell screen and exits 0', async () => {
    const d = await drive(lessProgram(rows30, 'f'), opts);
    await d.keys('G');
    expect(d.screen()).toBe(['row 25', 'row 26', 'row 27', 'row 28', 'row 29', '(END)'].join('\n'));
    await d.keys('q');
    expect(d.exited()).toBe(0);
    expect(d.buffer()).toBe('normal');
  });

  it('a short file fills the rest with ~ and says "name (END)" at once', async () => {
    const d = await drive(lessProgram('a\nb\n', 'short.txt'), opts);
    expect(d.screen()).toBe(['a', 'b', '~', '~', '~', 'short.txt (END)'].join('\n'));
  });
});

describe('more', () => {
  it('pages on the normal screen with --More--(NN%), Enter adds a line, q quits', async () => {
    const rows = moreRows(rows30, 40);
    const d = await drive(moreProgram(rows, 5, rows30.length), opts);
    expect(d.buffer()).toBe('normal');
    expect(d.screen()).toBe('--More--(15%)');
    await d.keys(' ');
    expect(d.screen()).toBe(['row 5', 'row 6', 'row 7', 'row 8', 'row 9', '--More--(30%)'].join('\n'));
    await d.keys('\r');
    expect(d.screen().split('\n').slice(-2)).toEqual(['row 10', '--More--(33%)']);
    await d.keys('q');
    expect(d.exited()).toBe(0);
  });

  it('ends by itself at the end of the text', async () => {
    const rows = moreRows('1\n2\n3\n4\n5\n6\n7\n', 40);
    const d = await drive(moreProgram(rows, 5, 14), opts);
    await d.keys(' ');
    expect(d.exited()).toBe(0);
    expect(d.screen()).toBe(['6', '7'].join('\n'));
  });
});
