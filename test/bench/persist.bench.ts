// Persistence figures (results.json → `persist`): snapshot save and restore of a large `estate`
// world, journal append p95, the cost of the change digest, and replaying 1,000 commands.
// IndexedDB here is fake-indexeddb in Node: the figures rank our own work (serialising, digest,
// replay); a real browser's IndexedDB adds its own disk time on top (see page.commandRoundTrip*).
import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { median, percentile, recordBench } from './record';
import { createEngine } from '../../src/engine';
import { fingerprint } from '../../src/engine/persistence';
import { createIdbStore } from '../../src/persist/idb-store';
import { loadCore } from '../../src/sim/core/load-core';
import { deserializeWorld, serializeWorld } from '../../src/sim/snapshot';
import { buildDefaultWorld } from '../../src/sim/scenario/default';
import { addHost } from '../../src/sim/scenario/hosts';
import { ovmId, ovmUuid, oracleMac } from '../../src/sim/ids';
import { putNode, writeFile } from '../../src/sim/vfs';
import { renderVmCfg } from '../../src/sim/xen/vm-cfg';
import type { JournalEntry, SnapshotRecord, Store } from '../../src/engine/store';
import type { SimCore } from '../../src/sim/core/types';
import type { WorldState } from '../../src/sim/types';

/** 16 hosts in one pool sharing the repository, 400 guests with vm.cfg files and disk images. */
function estateWorld(seed: number): WorldState {
  const world = buildDefaultWorld(seed);
  const pool = world.pools[0]!;
  const first = world.hosts[pool.hosts[0]!]!;
  const repo = first.mounts.find((m) => m.fsType === 'ocfs2')!;
  for (let i = 3; i <= 16; i++) {
    const name = `ovs${String(i).padStart(2, '0')}`;
    const h = addHost(world, { name, ip: `10.10.10.${10 + i}`, poolId: pool.id });
    h.mounts.push({ ...repo });
    pool.hosts.push(name);
  }
  const template = Object.values(world.domains)[0]!;
  const hosts = Object.keys(world.hosts);
  for (let i = 0; world && Object.keys(world.domains).length < 400; i++) {
    const name = ovmId(world.rng, 'vm');
    const host = world.hosts[hosts[i % hosts.length]!]!;
    const disk = `${repo.path}/VirtualDisks/${ovmId(world.rng, 'virtualDisk')}.img`;
    const dom = {
      ...structuredClone(template),
      name,
      uuid: ovmUuid(name),
      simpleName: `sv${1000 + i}`,
      host: host.name,
      domid: host.nextDomId++,
      cfgPath: `${repo.path}/VirtualMachines/${name}/vm.cfg`,
      disks: [{ ...template.disks[0]!, path: disk }],
      vifs: [{ ...template.vifs[0]!, mac: oracleMac(world.rng) }],
    };
    world.domains[name] = dom;
    writeFile(world, first, dom.cfgPath, renderVmCfg(dom), '/', false);
    putNode(world, first, disk, { type: 'file', mode: 0o644, mtimeMs: 0, content: '', sizeBytes: 20 * 1024 ** 3 });
  }
  return world;
}

/** The core's estate tables too, when the core exposes the estate builder's API. */
async function estateCore(core: SimCore): Promise<void> {
  try {
    const { buildEstate, ESTATE } = await import('../../src/sim/core/testing/estate');
    buildEstate(core, ESTATE);
  } catch {
    // An older core: the snapshot then carries its (smaller) memory as it is.
  }
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

let dbs = 0;
const freshStore = () => createIdbStore(`bench-${process.pid}-${++dbs}`);

it('persist', async () => {
  const core = await loadCore();
  await estateCore(core);
  const world = estateWorld(7);
  const sim = { world, core };
  const worldJson = serializeWorld(world);

  // Snapshot save: serialise world + core, then write it (one record) to IndexedDB.
  const store = freshStore();
  const save: number[] = [];
  const serialise: number[] = [];
  for (let i = 0; i < 15; i++) {
    const [snap, ser] = timed<SnapshotRecord>(() => ({ attemptId: 'estate', seq: i, atMs: 0, schemaVersion: world.schemaVersion, world: serializeWorld(world), sessions: '[]', core: core.saveTables() }));
    const [, write] = await timedAsync(() => store.putSnapshot(snap));
    serialise.push(ser);
    save.push(ser + write);
  }
  // Snapshot restore: read the newest, parse and migrate the world, load the core.
  const restore: number[] = [];
  for (let i = 0; i < 15; i++) {
    const [, ms] = await timedAsync(async () => {
      const s = (await store.latestSnapshot('estate'))!;
      deserializeWorld(s.world);
      core.loadTables(s.core);
    });
    restore.push(ms);
  }
  const digest: number[] = [];
  for (let i = 0; i < 30; i++) digest.push(timed(() => fingerprint(sim))[1]);

  // Journal append p95 (the write awaited before a command's output), and a command's round trip.
  const appends: number[] = [];
  const jstore = freshStore();
  const timing: Store = {
    ...jstore,
    async appendJournal(e: JournalEntry) {
      const [, ms] = await timedAsync(() => jstore.appendJournal(e));
      appends.push(ms);
    },
  };
  const engine = createEngine({ loadCore, store: timing, snapshotEvery: 1_000_000 });
  await engine.boot({ attemptId: 'replay', seed: 7 });
  await engine.open('t1', 'ovs01', 120, 40);
  const lines = ['service ntpd stop', 'service ntpd start', 'echo $RANDOM >> /root/log', 'hostname', 'xm list', 'history 3', 'service crond restart', 'chkconfig ntpd off', 'chkconfig ntpd on', 'echo done'];
  const roundTrip: number[] = [];
  for (let i = 0; i < 1000; i++) roundTrip.push((await timedAsync(() => engine.input('t1', lines[i % lines.length]! + '\r')))[1]);

  // Replay of those 1,000 commands (no snapshot after the base): a reload of a long attempt.
  const replays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const again = createEngine({ loadCore, store: jstore, snapshotEvery: 1_000_000 });
    replays.push((await timedAsync(() => again.boot({ attemptId: 'replay' })))[1]);
  }

  const round = (x: number) => Math.round(x * 100) / 100;
  recordBench('persist', {
    estate: { hosts: Object.keys(world.hosts).length, domains: Object.keys(world.domains).length, worldJsonBytes: worldJson.length, coreBytes: core.saveTables().byteLength },
    snapshotSaveMedianMs: round(median(save)),
    snapshotSerialiseMedianMs: round(median(serialise)),
    snapshotRestoreMedianMs: round(median(restore)),
    changeDigestMedianMs: round(median(digest)),
    journalAppendP95Ms: round(percentile(appends, 95)),
    commandRoundTripP95Ms: round(percentile(roundTrip, 95)),
    replay1000CommandsMedianMs: round(median(replays)),
    indexedDb: 'fake-indexeddb (Node)',
  });
}, 300_000);
