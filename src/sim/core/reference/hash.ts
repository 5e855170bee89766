// The same counter-based hash as asm/rng.ts, in JavaScript integer arithmetic (Math.imul, >>> 0).

function mix(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

export function hash4(seed: number, a: number, b: number, c: number, d: number): number {
  let h = mix((seed ^ Math.imul(a, 0x9e3779b1)) >>> 0);
  h = mix((h ^ Math.imul(b, 0x85ebca77)) >>> 0);
  h = mix((h ^ Math.imul(c, 0xc2b2ae3d)) >>> 0);
  return mix((h ^ Math.imul(d, 0x27d4eb2f)) >>> 0);
}

export const unit = (seed: number, a: number, b: number, c: number, d: number): number => hash4(seed, a, b, c, d) / 4294967296;

export const SALT_CPU = 1;
export const SALT_PCPU = 2;
export const SALT_PCPU_MOVE = 3;
export const SALT_IO = 4;
