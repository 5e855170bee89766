// SHA-1 of a UTF-8 string as 40 hex digits (the agent keeps password digests, never passwords).
// Synchronous and DOM-free, so the simulation can use it inside a command.
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function sha1Hex(text: string): string {
  const bytes = utf8(text);
  const len = bytes.length;
  const words = ((len + 8) >> 6) + 1;
  const w = new Uint32Array(words * 16);
  for (let i = 0; i < len; i++) w[i >> 2]! |= bytes[i]! << (24 - (i % 4) * 8);
  w[len >> 2]! |= 0x80 << (24 - (len % 4) * 8);
  w[words * 16 - 1] = len * 8;
  let [a, b, c, d, e] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const m = new Uint32Array(80);
  for (let blk = 0; blk < words * 16; blk += 16) {
    for (let t = 0; t < 16; t++) m[t] = w[blk + t]!;
    for (let t = 16; t < 80; t++) {
      const x = m[t - 3]! ^ m[t - 8]! ^ m[t - 14]! ^ m[t - 16]!;
      m[t] = (x << 1) | (x >>> 31);
    }
    let [A, B, C, D, E] = [a, b, c, d, e];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (B & C) | (~B & D) : t < 40 ? B ^ C ^ D : t < 60 ? (B & C) | (B & D) | (C & D) : B ^ C ^ D;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const tmp = (((A << 5) | (A >>> 27)) + f + E + k + m[t]!) >>> 0;
      E = D;
      D = C;
      C = (B << 30) | (B >>> 2);
      B = A;
      A = tmp;
    }
    a = (a + A) >>> 0;
    b = (b + B) >>> 0;
    c = (c + C) >>> 0;
    d = (d + D) >>> 0;
    e = (e + E) >>> 0;
  }
  return [a, b, c, d, e].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}
