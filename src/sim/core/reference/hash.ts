// The same counter-based hashes as asm/rng.ts, in JavaScript integer arithmetic (Math.imul, >>> 0).

export function mix(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

export const domHash = (seed: number, d: number, tick: number): number => mix((seed ^ Math.imul(d, 0x9e3779b1) ^ Math.imul(tick, 0x85ebca77)) >>> 0);
export const domFixedHash = (seed: number, d: number): number => mix((seed ^ Math.imul(d, 0x9e3779b1) ^ 0x3c6ef372) >>> 0);
export const vcpuHash = (dh: number, idx: number): number => mix((dh + Math.imul(idx + 1, 0x27d4eb2f)) >>> 0);
export const pcpuPick = (x: number, epoch: number, pcpus: number): number => mix((x ^ Math.imul(epoch, 0x5bd1e995)) >>> 0) % pcpus;
export const vbdUnit = (seed: number, v: number, tick: number): number => mix((seed ^ Math.imul(v, 0xc2b2ae3d) ^ Math.imul(tick, 0x85ebca77) ^ 0x68e31da4) >>> 0) / 4294967296;
export const hi24 = (x: number): number => (x >>> 8) / 16777216;
