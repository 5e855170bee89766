// nano driven by keystrokes: its bars, its prompts, and the file it writes into the VFS.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from '../../../src/sim/vfs';
import { nanoProgram } from '../../../src/programs/nano';
import { drive } from './harness';

async function open(path: string, content: string | null) {
  const d0 = await drive(() => ({ onInput() {} }));
  if (content !== null) writeFile(d0.sim.world, d0.sim.world.hosts.ovs01!, path, content);
  return drive(nanoProgram({ path, display: path.split('/').pop()! }, '/root'), { sim: d0.sim, rows: 12 });
}
const read = (d: Awaited<ReturnType<typeof open>>, path: string) => {
  const r = readFile(d.sim.world, d.sim.world.hosts.ovs01!, path);
  return r.ok ? r.value : `<${r.error}>`;
};

const MAIN = ['^G Get Help  ^O WriteOut  ^R Read File ^Y Prev Page ^K Cut Text  ^C Cur Pos', '^X Exit      ^J Justify   ^W Where Is  ^V Next Page ^U UnCut Text^T To Spell'];

describe('nano', () => {
  it('shows the title bar, the file, the read message and the shortcut rows', async () => {
    const d = await open('/root/n.txt', 'alpha\nbeta\n');
    expect(d.buffer()).toBe('alternate');
    expect(d.screen()).toBe(['  GNU nano 2.0.9                  File: n.txt', '', 'alpha', 'beta', '', '', '', '', '', '                                [ Read 2 lines ]', ...MAIN].join('\n'));
    expect(d.cursor()).toEqual({ row: 2, col: 0 });
  });

  it('^K cuts lines, ^U pastes them, ^O writes after confirming the name', async () => {
    const d = await open('/root/n.txt', 'one\ntwo\nthree\n');
    await d.keys('\x0b\x0b\x1b[B\x15');
    expect(d.screen().split('\n').slice(0, 6)).toEqual(['  GNU nano 2.0.9                  File: n.txt                         Modified', '', 'three', 'one', 'two', '']);
    await d.keys('\x0f');
    expect(d.screen().split('\n').slice(9)).toEqual(['File Name to Write: n.txt', '^G Get Help         ^T To Files         M-M Mac Format      M-P Prepend', '^C Cancel           M-D DOS Format      M-A Append          M-B Backup File']);
    await d.keys('\r');
    expect(d.screen().split('\n')[9]).toBe('                               [ Wrote 3 lines ]');
    expect(read(d, '/root/n.txt')).toBe('three\none\ntwo\n');
  });

  it('^X on a modified buffer asks to save; Y then Enter writes and exits', async () => {
    const d = await open('/root/n.txt', 'x\n');
    await d.keys('hello ');
    await d.keys('\x18');
    expect(d.screen().split('\n').slice(9)).toEqual(['Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ?', ' Y Yes', ' N No           ^C Cancel']);
    await d.keys('y\r');
    expect(d.exited()).toBe(0);
    expect(d.buffer()).toBe('normal');
    expect(read(d, '/root/n.txt')).toBe('hello x\n');
  });

  it('^X then N discards the changes; ^C at the question cancels', async () => {
    const d = await open('/root/n.txt', 'keep\n');
    await d.keys('zap\x18\x03');
    expect(d.screen().split('\n')[9]).toBe('                                 [ Cancelled ]');
    await d.keys('\x18n');
    expect(d.exited()).toBe(0);
    expect(read(d, '/root/n.txt')).toBe('keep\n');
  });

  it('^W finds text (case-insensitive) and says when it is not found', async () => {
    const d = await open('/root/n.txt', 'multipaths {\n  multipath {\n    alias ovmsr1\n');
    await d.keys('\x17ALIAS\r');
    expect(d.cursor()).toEqual({ row: 4, col: 4 });
    await d.keys('\x17zzz\r');
    expect(d.screen().split('\n')[9]).toBe('                              [ "zzz" not found ]');
  });

  it('a new file says [ New File ] and ^C reports the cursor position', async () => {
    const d = await open('/root/fresh.txt', null);
    expect(d.screen().split('\n')[9]).toBe('                                  [ New File ]');
    await d.keys('ab\x03');
    expect(d.screen().split('\n')[9]).toBe('              [ line 1/1 (100%), col 3/3 (100%), char 2/2 (100%) ]');
    await d.keys('\x18y\r');
    expect(read(d, '/root/fresh.txt')).toBe('ab\n');
  });
});
