// The contract between the TypeScript world and the numeric core (wasm or reference model).
// The world owns structure; the core owns hot numeric tables and can save them as bytes.

export interface SimCore {
  readonly kind: 'wasm' | 'reference';
  /** Version of the ABI the core was compiled with. */
  abiVersion(): number;
  /** A copy of the core's tables, for snapshots. */
  saveTables(): Uint8Array;
  /** Replaces the core's tables with a copy from `saveTables`. */
  loadTables(bytes: Uint8Array): void;
}
