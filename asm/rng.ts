// Deterministic, stateless variation: counter-based hashes of (seed, entity, tick), so the order
// in which entities are visited never changes the numbers and the TypeScript reference model
// reproduces them bit for bit (Math.imul, >>> 0). One full hash per domain / VBD per tick; each
// vCPU derives its own value from its domain's with one more mix.

@inline export function mix(x: u32): u32 {
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= 0x846ca68b;
  x ^= x >>> 16;
  return x;
}

/** Per domain and tick. */
@inline export function domHash(seed: u32, d: u32, tick: u32): u32 {
  return mix(seed ^ (d * 0x9e3779b1) ^ (tick * 0x85ebca77));
}

/** Per domain, fixed: the seed of its vCPUs' skew and pCPU placement. */
@inline export function domFixedHash(seed: u32, d: u32): u32 {
  return mix(seed ^ (d * 0x9e3779b1) ^ 0x3c6ef372);
}

/** Per vCPU of a domain hash. */
@inline export function vcpuHash(dh: u32, idx: u32): u32 {
  return mix(dh + (idx + 1) * 0x27d4eb2f);
}

/** The pCPU a vCPU is on during placement epoch `epoch`. */
@inline export function pcpuPick(x: u32, epoch: u32, pcpus: u32): u32 {
  return mix(x ^ (epoch * 0x5bd1e995)) % pcpus;
}

/** Per VBD and tick, as a uniform [0, 1). */
@inline export function vbdUnit(seed: u32, v: u32, tick: u32): f64 {
  return (<f64>mix(seed ^ (v * 0xc2b2ae3d) ^ (tick * 0x85ebca77) ^ 0x68e31da4)) / 4294967296.0;
}

/** Upper 24 bits of a vCPU hash as a uniform [0, 1). */
@inline export function hi24(x: u32): f64 {
  return (<f64>(x >>> 8)) / 16777216.0;
}
