// Serialising the world for snapshots, and reading old ones back through pure migrations.
// An unknown future version is refused with a clear error, never silently dropped.
import { WORLD_SCHEMA_VERSION } from './world';
import type { WorldState } from './types';

export class SnapshotVersionError extends Error {
  override name = 'SnapshotVersionError';
  constructor(readonly found: number) {
    super(`this saved state was written by a newer version of OVM Sandbox (schema ${found}, this build reads up to ${WORLD_SCHEMA_VERSION}): export it first, or start fresh`);
  }
}

/** Migrations from version n to n+1, keyed by n. Pure: input in, new object out. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function serializeWorld(world: WorldState): string {
  return JSON.stringify(world);
}

export function deserializeWorld(text: string): WorldState {
  let data = JSON.parse(text) as Record<string, unknown>;
  let version = Number(data.schemaVersion);
  if (!Number.isInteger(version) || version < 1) throw new Error('not a world snapshot (no schemaVersion)');
  if (version > WORLD_SCHEMA_VERSION) throw new SnapshotVersionError(version);
  while (version < WORLD_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from world schema ${version}`);
    data = { ...step(data), schemaVersion: version + 1 };
    version++;
  }
  return data as unknown as WorldState;
}
