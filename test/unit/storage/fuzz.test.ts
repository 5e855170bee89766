// Random command lines for the SAN commands (and keystrokes into fdisk / multipathd -k): no
// internal error, ever, and the tools keep answering afterwards.
import { expect, test } from 'vitest';
import { nextInt, seedRng } from '../../../src/lib/rng';
import { term } from './harness';
import { runs } from '../../support/tier';

const COMMANDS = ['multipath', 'multipathd', 'fdisk', 'blockdev', 'kpartx', 'partprobe', 'dmsetup', 'lsscsi', 'naviseccli'];
const TOKENS = [
  '-l', '-ll', '-v0', '-v3', '-v', '-d', '-r', '-f', '-F', '-t', '-p', 'multibus', '-k', '-kshow paths', '-kshow maps status', '-kresize map', '-kfail path sdc',
  '-kreinstate path 8:32', '-kdel map x', '-kswitchgroup map 3600601602b10280002d61f3699caf148 group 3', '-s', '-u', '-c', '-a', '-av', '-dv', '-p', 'p',
  '--getsz', '--rereadpt', '--report', '--setra', '256', '-h', '10.10.10.201', '10.10.10.202', 'lun', '-list', '-expand', '-capacity', '-sq', 'tb', '-o',
  'storagegroup', 'getagent', 'ls', 'table', 'status', 'info', 'remove', '--target', 'multipath', '/dev/sdc', '/dev/sdc1', '/dev/sda', '/dev/dm-1', '/dev/dm-9',
  '/dev/mapper/3600601602b10280002d61f3699caf148', '/dev/mapper/3600601602b10280002d61f3699caf148p1', '/dev/mpath/mpath0', 'sdq', '8:16', '', '-', '--', 'x'.repeat(40),
];

test('random SAN command lines never hit an internal error', () => {
  const rng = seedRng(2024);
  const t = term(42);
  for (let i = 0; i < runs(300, 1500); i++) {
    const cmd = COMMANDS[nextInt(rng, COMMANDS.length)]!;
    const n = nextInt(rng, 5);
    const args = Array.from({ length: n }, () => TOKENS[nextInt(rng, TOKENS.length)]!).map((a) => (/[\s]/.test(a) || a === '' ? `'${a}'` : a));
    const out = t.type(`${cmd} ${args.join(' ')}`);
    // Leave any program that took the terminal.
    for (const k of ['q', 'quit', 'n', '\x03']) t.type(k);
    expect(out, `${cmd} ${args.join(' ')}`).not.toContain('internal error');
    if (i % 100 === 0) t.advance(7);
  }
  expect(t.type('multipath -ll -v1')).toMatch(/^(3600601602b1028\w+\n)*$/);
});

test('random keys into fdisk and multipathd -k', () => {
  const rng = seedRng(77);
  const t = term(42);
  const keys = ['m', 'p', 'n', 'e', 'p', '1', '2', '4', '5', '', '+1G', '+10', '999999', 'd', 't', '8e', 'L', '05', 'a', 'o', 'v', 'u', 'c', 'x', 'r', 'l', 'zz'];
  for (let round = 0; round < runs(10, 40); round++) {
    t.type('fdisk /dev/mapper/3600601602b1028004156db4860badf66');
    for (let i = 0; i < 30; i++) expect(t.type(keys[nextInt(rng, keys.length)]!)).not.toContain('internal error');
    t.type('q');
    t.type('q');
    t.type('\x03');
    t.type('multipathd -k');
    for (let i = 0; i < 10; i++) expect(t.type(['show paths', 'sh m', 'fail path sdd', 'reinstate path sdd', 'xyz', '', 'resize map spare'][nextInt(rng, 7)]!)).not.toContain('internal error');
    t.type('quit');
  }
});
