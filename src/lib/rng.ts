// Seeded PRNG (sfc32) whose whole state is a plain array, so it serialises with the world.
// Pure: no Math.random, no clock. Same seed → same sequence, on every engine.

/** The serialisable state of a generator: four uint32 words. */
export type RngState = [number, number, number, number];

/** Derives a well-mixed initial state from a 32-bit seed (splitmix32). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  // Warm up so that nearby seeds diverge quickly.
  for (let i = 0; i < 12; i++) nextU32(state);
  return state;
}

/** Advances the state in place and returns the next uint32. */
export function nextU32(st: RngState): number {
  let [a, b, c, d] = st;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) >>> 0;
  st[0] = a >>> 0;
  st[1] = b >>> 0;
  st[2] = c >>> 0;
  st[3] = d;
  return t;
}

/** Uniform float in [0, 1). */
export function nextFloat(st: RngState): number {
  return nextU32(st) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(st: RngState, n: number): number {
  return Math.floor(nextFloat(st) * n);
}

/** `digits` lower-case hex digits. */
export function nextHex(st: RngState, digits: number): string {
  let out = '';
  while (out.length < digits) out += nextU32(st).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

/** One element of a non-empty list. */
export function pick<T>(st: RngState, items: readonly T[]): T {
  return items[nextInt(st, items.length)] as T;
}
