// Deterministic, stateless variation: a hash of (seed, entity, tick, salt) to a uniform [0, 1).
// Counter-based, so the order in which entities are visited never changes the numbers, and the
// TypeScript reference model reproduces it bit for bit (Math.imul, >>> 0).

@inline function mix(x: u32): u32 {
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= 0x846ca68b;
  x ^= x >>> 16;
  return x;
}

export function hash4(seed: u32, a: u32, b: u32, c: u32, d: u32): u32 {
  let h = mix(seed ^ (a * 0x9e3779b1));
  h = mix(h ^ (b * 0x85ebca77));
  h = mix(h ^ (c * 0xc2b2ae3d));
  return mix(h ^ (d * 0x27d4eb2f));
}

/** Uniform in [0, 1), exact in both implementations (u32 / 2^32). */
@inline export function unit(seed: u32, a: u32, b: u32, c: u32, d: u32): f64 {
  return (<f64>hash4(seed, a, b, c, d)) / 4294967296.0;
}

export const SALT_CPU: u32 = 1;
export const SALT_PCPU: u32 = 2;
export const SALT_PCPU_MOVE: u32 = 3;
export const SALT_IO: u32 = 4;
