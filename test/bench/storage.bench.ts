// Benchmark of the storage stack (issue 5): `multipath -ll` on a host with 256 maps × 4 paths
// (median ms, typed through a terminal session), and a path failure on an estate-sized SAN
// (16 hosts × 25 LUNs × 4 paths): simulated seconds until multipathd marks every dead path,
// against the checker interval in force. Figures go to results.json under `storage`.
import { expect, it } from 'vitest';
import { loadCore } from '../../src/sim/core/load-core';
import { addSan } from '../../src/sim/scenario/storage';
import { addHost } from '../../src/sim/scenario/hosts';
import { setCable } from '../../src/sim/storage/san/faults';
import { allPaths } from '../../src/sim/storage/multipath/maps';
import { storageTick } from '../../src/sim/storage/multipath/multipathd';
import { advanceTo } from '../../src/sim/tick';
import { emptyWorld } from '../../src/sim/world';
import { newSessionState, TtySession } from '../../src/tty/session';
import { san } from '../../src/shell/commands/san';
import { registryOf } from '../unit/storage/harness';
import type { Sim } from '../../src/sim/sim';
import type { CommandContext } from '../../src/shell/types';
import { median, recordBench } from './record';

const GiB = 1024 ** 3;
const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function sanWorld(hosts: number, luns: number) {
  const world = emptyWorld(7);
  const names = Array.from({ length: hosts }, (_, i) => `ovs${String(i + 1).padStart(2, '0')}`);
  world.pools.push({ id: 'p', name: 'pool1', hosts: names, masterHost: names[0]! });
  names.forEach((name, i) => addHost(world, { name, ip: `10.10.${10 + (i >> 8)}.${(i % 250) + 11}`, poolId: 'p' }));
  addSan(world, { hosts: names, luns: Array.from({ length: luns }, (_, i) => ({ name: `LUN_${i}`, sizeBytes: (20 + (i % 7) * 10) * GiB, alu: 100 + i, hlu: i, owner: i % 2 ? 'B' : 'A' })) });
  return { world, names };
}

it('storage: multipath -ll with 256 maps x 4 paths; estate path failure', async () => {
  // 1. multipath -ll on one host with 256 maps of 4 paths.
  const big = sanWorld(1, 256);
  const sim = { world: big.world, core: await loadCore() } as Sim;
  const session = new TtySession(newSessionState('b', 'ovs01', 120, 40), () => sim, registryOf(san), () => {});
  session.attach();
  const maps = big.world.san!.hosts.ovs01!.maps;
  expect(maps.length).toBe(256);
  expect(maps.every((m) => allPaths(m).length === 4)).toBe(true);
  for (let i = 0; i < 5; i++) session.input('multipath -ll\r');
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    bytes = session.input('multipath -ll\r').length;
    times.push(performance.now() - t0);
  }
  const multipathLlMs = median(times);
  // The command alone (argument parsing, config, topology, formatting), without the terminal.
  const ctx = { sim, world: big.world, host: big.world.hosts.ovs01!, frame: { host: 'ovs01', cwd: '/root', env: {}, aliases: {}, lastExit: 0 }, name: 'multipath', args: ['-ll'], stdin: '', cols: 120, rows: 40, history: [], registry: registryOf(san), stdoutTty: true } as unknown as CommandContext;
  const cmd = san.find((c) => c.name === 'multipath')!;
  const runTimes: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    cmd.run(ctx);
    runTimes.push(performance.now() - t0);
  }
  const multipathLlCommandMs = median(runTimes);

  // 2. Estate: pull one HBA cable on one host after the checkers have settled.
  const est = sanWorld(16, 25);
  const esim = { world: est.world, core: await loadCore() } as Sim;
  const tickTimes: number[] = [];
  const storageTimes: number[] = [];
  const tick = () => {
    const t0 = performance.now();
    advanceTo(esim, esim.world.clockMs + 1000);
    esim.core.tick(1000);
    tickTimes.push(performance.now() - t0);
    // The storage system's share of a tick, measured on its own (it ran once above too).
    const t1 = performance.now();
    storageTick(esim, 0);
    storageTimes.push(performance.now() - t1);
  };
  for (let i = 0; i < 120; i++) tick();
  const hs = est.world.san!.hosts.ovs01!;
  const victims = hs.maps.flatMap((m) => allPaths(m).filter((p) => hs.disks.find((d) => d.name === p.dev)?.host === 5));
  const intervalS = Math.max(...victims.map((p) => p.checkint));
  setCable(est.world, 'ovs01', 5, false);
  const t0 = est.world.clockMs;
  let detectS = -1;
  for (let i = 0; i < 120 && detectS < 0; i++) {
    tick();
    if (victims.every((p) => p.chk === 'faulty' && p.dm === 'failed')) detectS = (est.world.clockMs - t0) / 1000;
  }
  const figures = {
    multipathLlMs: round(multipathLlMs),
    multipathLlCommandMs: round(multipathLlCommandMs),
    multipathLlMaps: 256,
    multipathLlPaths: 1024,
    multipathLlOutputBytes: bytes,
    estateHosts: 16,
    estateMaps: 16 * 25,
    estatePaths: 16 * 25 * 4,
    pathFailureDetectS: detectS,
    checkerIntervalS: intervalS,
    withinOneCheckerInterval: detectS >= 0 && detectS <= intervalS,
    estateTickMsMedian: round(median(tickTimes)),
    estateStorageTickMsMedian: round(median(storageTimes)),
  };
  recordBench('storage', figures);
  expect(figures.withinOneCheckerInterval).toBe(true);
});
