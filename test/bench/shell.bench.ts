// Benchmark of the shell's text tools (issue 4, figures recorded under `shell`): grep, and a
// few pipelines, over a 10,000-line /var/log/messages, typed through a terminal session —
// median ms per command line. Budget: grep ≤ 5 ms median.
import { expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { writeFile } from '../../src/sim/vfs';
import { createRegistry } from '../../src/shell/registry';
import { newSessionState, TtySession } from '../../src/tty/session';
import { median, recordBench } from './record';
import type { Sim } from '../../src/sim/sim';

const LINES = 10_000;

function logText(): string {
  const out: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const s = String(i % 60).padStart(2, '0');
    const what = i % 97 === 0 ? 'kernel: device-mapper: multipath: Failing path 8:32.' : i % 13 === 0 ? 'multipathd: sdc: readsector0 checker reports path is up' : `ovs-agent[4321]: request ${i} handled in ${i % 50} ms`;
    out.push(`Mar  2 08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${s} ovs01 ${what}`);
  }
  return out.join('\n') + '\n';
}

async function timeLine(sim: Sim, line: string, runs = 40): Promise<number> {
  const session = new TtySession(newSessionState('b', 'ovs01', 200, 50), () => sim, createRegistry(), () => {});
  session.attach();
  for (let i = 0; i < 10; i++) session.input(line + '\r');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    session.input(line + '\r');
    times.push(performance.now() - t0);
  }
  return median(times);
}

it('text tools over a 10,000-line log', async () => {
  const world = buildDefaultWorld(42);
  writeFile(world, world.hosts.ovs01!, '/var/log/messages', logText());
  const sim: Sim = { world, core: await loadCore() };
  const figures = {
    grepLog10kMs: await timeLine(sim, 'grep -c Failing /var/log/messages'),
    grepLog10kPrintMs: await timeLine(sim, 'grep -i multipathd /var/log/messages > /dev/null'),
    awkSortUniqLog10kMs: await timeLine(sim, "awk '{print $6}' /var/log/messages | sort | uniq -c | sort -rn | head -3"),
    sedLog10kMs: await timeLine(sim, "sed -n 's/.*request \\([0-9]*\\).*/\\1/p' /var/log/messages | tail -1"),
    tailLog10kMs: await timeLine(sim, 'tail -n 20 /var/log/messages'),
  };
  recordBench('shell', { ...figures, lines: LINES, budgetMs: 5 });
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v.toFixed(2)} ms`);
  expect(figures.grepLog10kMs).toBeGreaterThan(0);
});
