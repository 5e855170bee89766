// The core's ABI: the export list the TypeScript wrapper (src/sim/core) calls. Nothing else.
// Stub until the credit scheduler, block I/O and multipath subsystems land.

/** Bumped whenever an export or a table layout changes. */
export const ABI_VERSION: i32 = 1;

export function abiVersion(): i32 {
  return ABI_VERSION;
}
