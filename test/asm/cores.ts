// Both implementations behind one helper, so semantic tests run against each.
import { loadCore } from '../../src/sim/core/load-core';
import { loadReferenceCore } from '../../src/sim/core/reference/reference-core';
import type { CoreCapacities, SimCore } from '../../src/sim/core/types';
import { wasmExportsOf } from '../../src/sim/core/wasm-core';

export const SMALL_CAPS: CoreCapacities = { hosts: 8, domains: 128, vcpus: 1024, vbds: 256, ports: 32, luns: 32, maps: 64, paths: 256, events: 1024 };

export const KINDS = ['wasm', 'reference'] as const;

export async function makeCore(kind: (typeof KINDS)[number], caps: CoreCapacities = SMALL_CAPS): Promise<SimCore> {
  return kind === 'wasm' ? loadCore({ capacities: caps }) : loadReferenceCore(caps);
}

/** Memory of a wasm core (bytes), for the no-growth check. */
export function wasmMemoryBytes(core: SimCore): number {
  return wasmExportsOf(core)!.memory.buffer.byteLength;
}
