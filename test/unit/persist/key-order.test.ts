// A world restored from a snapshot must serialise byte for byte like the live one after the same
// changes: a field set to undefined keeps its place in a live object but is gone from a snapshot,
// so setting it again would order the keys differently (found by the deep differential property:
// a host crashed, came back, allocated a pid, and crashed again).
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../src/engine/scenarios';
import { allocPid } from '../../../src/sim/pids';
import { bootHost, crashHost } from '../../../src/sim/power';
import { deserializeWorld, serializeWorld } from '../../../src/sim/snapshot';

describe('a restored world keeps the live key order', () => {
  it('after a crash, a boot, a new pid and a second crash', () => {
    const live = SCENARIOS.default!(42);
    crashHost(live, live.hosts.ovs02!, 30_000);
    bootHost(live, live.hosts.ovs02!);
    const restored = deserializeWorld(serializeWorld(live));
    for (const w of [live, restored]) {
      allocPid(w.hosts.ovs02!);
      crashHost(w, w.hosts.ovs02!, 30_000);
    }
    expect(serializeWorld(restored)).toBe(serializeWorld(live));
  });
});
