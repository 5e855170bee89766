// Random keystrokes into every full-screen program: none may throw, hang or write after exiting,
// and the file on disk only changes through a save.
import { describe, expect, it } from 'vitest';
import { nextInt, seedRng } from '../../../src/lib/rng';
import { writeFile } from '../../../src/sim/vfs';
import { lessProgram } from '../../../src/programs/less';
import { moreProgram, moreRows } from '../../../src/programs/more';
import { nanoProgram } from '../../../src/programs/nano';
import { viProgram } from '../../../src/programs/vi/vi';
import { drive } from './harness';
import { runs } from '../../support/tier';
import type { ProgramFactory } from '../../../src/programs/program';
import type { Sim } from '../../../src/sim/sim';

const KEYS = ['i', 'a', 'o', 'O', 'x', 'd', 'y', 'p', 'P', 'u', 'h', 'j', 'k', 'l', 'G', 'g', 'w', 'b', '0', '$', '3', 'Z', 'Q', 'n', 'N', 'J', 'r', 'c', 'D', 'C', 'q', ' ', 'b', ':', '/', '?', 'w', 'q', '!', 's', '%', '.', '*', '[', '(', '\\', 'z', '\x1b', '\r', '\x7f', '\x03', '\x0b', '\x15', '\x17', '\x0f', '\x18', '\x12', '\x07', '\t', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[5~', '\x1b[6~', '\x1b[3~', '\x1b[200~pasted\nlines\x1b[201~', 'é', '\x1bj'];

const CONTENT = 'alpha beta\n\tgamma (delta)\n\nepsilon ' + 'x'.repeat(100) + '\nlast\n';

async function run(name: string, make: (path: string) => ProgramFactory, seed: number, sim: Sim): Promise<void> {
  const rng = seedRng(seed);
  writeFile(sim.world, sim.world.hosts.ovs01!, '/root/f.txt', CONTENT);
  const d = await drive(make('/root/f.txt'), { cols: 30, rows: 8, sim });
  const n = 1 + nextInt(rng, 80);
  for (let i = 0; i < n && d.exited() === null; i++) {
    await d.keys(KEYS[nextInt(rng, KEYS.length)]!);
    if (nextInt(rng, 20) === 0) await d.tick(1);
  }
  if (d.exited() !== null) {
    const before = d.output().length;
    await d.keys('ix\x1b:wq\r');
    await d.tick(1);
    expect(d.output().length, `${name} seed ${seed} wrote after exit`).toBe(before);
  }
}

describe('programs under random keys', () => {
  const seeds = Array.from({ length: runs(6, 25) }, (_, i) => 1000 + i);
  const world = async () => (await drive(() => ({ onInput() {} }))).sim;
  it('vi', async () => {
    const sim = await world();
    for (const s of seeds) await run('vi', (p) => viProgram({ path: p, display: p }, '/root'), s, sim);
  });
  it('nano', async () => {
    const sim = await world();
    for (const s of seeds) await run('nano', (p) => nanoProgram({ path: p, display: p }, '/root'), s, sim);
  });
  it('less and more', async () => {
    const sim = await world();
    for (const s of seeds) await run('less', () => lessProgram(CONTENT.repeat(5), 'f.txt'), s, sim);
    for (const s of seeds) await run('more', () => moreProgram(moreRows(CONTENT.repeat(5), 30), 7, CONTENT.length * 5), s, sim);
  });
});
