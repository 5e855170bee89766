// The byte format of saved core state, shared by both implementations: a header (magic, kind,
// capacities), the `meta` JSON, then a payload (the wasm core's used table rows, or the reference
// model's JSON). Strings are stored as UTF-16 code units so no TextEncoder is needed.
import type { CoreCapacities } from './types';

const MAGIC = 0x434d564f; // "OVMC"
const FORMAT = 1;
const CAP_KEYS = ['hosts', 'domains', 'vcpus', 'vbds', 'ports', 'luns', 'maps', 'paths', 'events'] as const;

/**
 * Saved tables written by a core build with another table layout (an ABI bump). Nothing in them
 * can be mapped onto this build's tables; the caller rebuilds the core from the journal instead.
 */
export class CoreLayoutError extends Error {
  override name = 'CoreLayoutError';
  constructor() {
    super('core tables: column layout differs from this build');
  }
}

export interface SavedCore {
  kind: 'wasm' | 'reference';
  capacities: CoreCapacities;
  meta: Record<string, unknown>;
  payload: Uint8Array;
}

export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private n = 0;
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.n, v >>> 0, true);
    this.n += 4;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  str(s: string): void {
    this.u32(s.length);
    this.room(s.length * 2);
    for (let i = 0; i < s.length; i++) this.view.setUint16(this.n + i * 2, s.charCodeAt(i), true);
    this.n += s.length * 2;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class ByteReader {
  private view: DataView;
  private n = 0;
  constructor(private readonly b: Uint8Array) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  private need(k: number): void {
    if (this.n + k > this.b.length) throw new Error('core tables: truncated');
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.n, true);
    this.n += 4;
    return v;
  }
  bytes(k: number): Uint8Array {
    this.need(k);
    const out = this.b.subarray(this.n, this.n + k);
    this.n += k;
    return out;
  }
  str(): string {
    const len = this.u32();
    this.need(len * 2);
    let s = '';
    for (let i = 0; i < len; i += 4096) {
      const codes: number[] = [];
      for (let j = i; j < Math.min(len, i + 4096); j++) codes.push(this.view.getUint16(this.n + j * 2, true));
      s += String.fromCharCode(...codes);
    }
    this.n += len * 2;
    return s;
  }
  rest(): Uint8Array {
    return this.b.subarray(this.n);
  }
}

export function encodeSaved(s: SavedCore): Uint8Array {
  const w = new ByteWriter();
  w.u32(MAGIC);
  w.u32(FORMAT);
  w.u32(s.kind === 'wasm' ? 1 : 2);
  for (const k of CAP_KEYS) w.u32(s.capacities[k]);
  w.str(JSON.stringify(s.meta));
  w.bytes(s.payload);
  return w.done();
}

export function decodeSaved(bytes: Uint8Array): SavedCore {
  const r = new ByteReader(bytes);
  if (r.u32() !== MAGIC) throw new Error('core tables: not a core snapshot');
  const format = r.u32();
  if (format !== FORMAT) throw new Error(`core tables: unknown format ${format}`);
  const kindCode = r.u32();
  if (kindCode !== 1 && kindCode !== 2) throw new Error('core tables: unknown core kind');
  const capacities = {} as CoreCapacities;
  for (const k of CAP_KEYS) capacities[k] = r.u32();
  const meta = JSON.parse(r.str()) as Record<string, unknown>;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw new Error('core tables: bad meta');
  return { kind: kindCode === 1 ? 'wasm' : 'reference', capacities, meta, payload: r.rest() };
}

