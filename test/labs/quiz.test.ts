// Quiz answers are accepted the way an admin writes them and wrong values are refused: the
// normalisation of runtime/quiz.ts, then A1's questions through a real attempt.
import { describe, expect, it } from 'vitest';
import { isCorrect } from '../../src/labs/runtime/quiz';
import { startLab } from './solve';
import type { CheckContext } from '../../src/labs/check-kit';
import type { QuizSpec } from '../../src/labs/types';

const ctx = {} as CheckContext;
const accepts = (quiz: QuizSpec, answers: string[]) => answers.filter((a) => isCorrect(a, quiz, ctx));

describe('quiz normalisation', () => {
  it('text: case, blanks, quotes, brackets, a trailing slash or dot', () => {
    const q: QuizSpec = { accept: ['4.4.4OVM', '4.4.4'] };
    expect(accepts(q, ['4.4.4OVM', '4.4.4ovm', ' 4.4.4 OVM ', '"4.4.4OVM"', '`4.4.4`', '4.4.4.', '4.4', '4.4.5', '4.4.4OVM2', 'xen'])).toEqual([
      '4.4.4OVM', '4.4.4ovm', ' 4.4.4 OVM ', '"4.4.4OVM"', '`4.4.4`', '4.4.4.',
    ]);
    expect(accepts({ accept: ['5:0:1:2'] }, ['5:0:1:2', '[5:0:1:2]', '5:0:1', '5 0 1 2'])).toEqual(['5:0:1:2', '[5:0:1:2]']);
    expect(accepts({ accept: ['/var/ovs/mount/ABC'] }, ['/var/ovs/mount/ABC/', '/var/ovs/mount/abc', '/var/ovs/mount'])).toEqual(['/var/ovs/mount/ABC/', '/var/ovs/mount/abc']);
    expect(accepts({ accept: ['Ab'], case_sensitive: true }, ['Ab', 'ab'])).toEqual(['Ab']);
  });

  it('device lists: any order, any separator, with or without /dev/', () => {
    const q: QuizSpec = { accept: ['sdf sdl'], any_order: true };
    expect(accepts(q, ['sdl sdf', 'sdf, sdl', 'sdf and sdl', '/dev/sdl /dev/sdf', 'SDF SDL', 'sdf', 'sdf sdl sdc', 'sdf sdm'])).toEqual([
      'sdl sdf', 'sdf, sdl', 'sdf and sdl', '/dev/sdl /dev/sdf', 'SDF SDL',
    ]);
    expect(accepts({ accept: ['sdc'] }, ['sdc', '/dev/sdc', 'sdc1'])).toEqual(['sdc', '/dev/sdc']);
    expect(accepts({ accept: ['/dev/mapper/x'] }, ['/dev/mapper/x', 'mapper/x'])).toEqual(['/dev/mapper/x']);
  });

  it('numbers: thousands separators, units converted to the quiz unit, tolerance, one value only', () => {
    const mib: QuizSpec = { accept: [51702], unit: 'MiB' };
    expect(accepts(mib, ['51702', '51,702', '51702 MiB', '51702MB', 'free_memory : 51702', '51703', '50 GiB', '5 or 51702', '51702 or 5', 'lots'])).toEqual([
      '51702', '51,702', '51702 MiB', '51702MB', 'free_memory : 51702',
    ]);
    expect(accepts({ accept: [16384], unit: 'MiB' }, ['16 GiB', '16G', '16384', '16 GiB (16384 MiB)', '16 TiB', '16'])).toEqual(['16 GiB', '16G', '16384', '16 GiB (16384 MiB)']);
    expect(accepts({ accept: [6297600], unit: 'KiB' }, ['6297600', '6297600 KiB', '6150 MiB', '6150'])).toEqual(['6297600', '6297600 KiB', '6150 MiB']);
    expect(accepts({ accept: [200, 214.7], tolerance: 1 }, ['200', '200.9', '214.7 GB', '207'])).toEqual(['200', '200.9', '214.7 GB']);
    expect(accepts({ accept: [8002] }, ['8002', '8002/tcp', 'port 8002', '8003'])).toEqual(['8002', '8002/tcp', 'port 8002']);
  });
});

describe('A1 through an attempt', () => {
  it('accepts the Xen version as xm info spells it and as a person writes it, and refuses wrong ones', async () => {
    const engine = await startLab('a1-dom0-orientation', 1);
    for (const wrong of ['4.4', '4.1.3OVM', '4', 'xen']) expect((await engine.labCommand('answer', ['xen-version', wrong])).exitCode, wrong).toBe(1);
    expect(await engine.labCommand('answer', ['xen-version', '4.4.4'])).toEqual({ exitCode: 0, output: 'Correct.' });
    const again = await startLab('a1-dom0-orientation', 2);
    expect(await again.labCommand('answer', ['xen-version', ' 4.4.4ovm '])).toEqual({ exitCode: 0, output: 'Correct.' });
    const third = await startLab('a1-dom0-orientation', 3);
    expect(await third.labCommand('answer', ['xen-version', '4.4.4OVM'])).toEqual({ exitCode: 0, output: 'Correct.' });
  });

  it('accepts free memory with or without its unit, converted, and refuses the total', async () => {
    const engine = await startLab('a1-dom0-orientation', 1);
    const line = engine.labSolutionPreview()!.find((s) => s.lines[0]?.startsWith('answer free-memory'))!.lines[0]!;
    const free = Number(line.split(' ')[2]);
    const total = JSON.parse(engine.inspect().world).lab.vars.host_mem as number;
    expect((await engine.labCommand('answer', ['free-memory', `${total}`])).exitCode).toBe(1);
    expect((await engine.labCommand('answer', ['free-memory', `${free + 1} MiB`])).exitCode).toBe(1);
    expect(await engine.labCommand('answer', ['free-memory', `${free.toLocaleString('en')} MiB`])).toEqual({ exitCode: 0, output: 'Correct.' });
    expect(engine.labView()!.objectives.find((o) => o.id === 'free-memory')!.met).toBe(true);
  });
});
