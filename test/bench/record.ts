// Benchmarks record their figures through here: one JSON part per area, merged by run.js into
// test/bench/results.json and RESULTS.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PARTS_DIR = join(import.meta.dirname, '.parts');

/** Writes `data` as the figures of `area` (e.g. 'core', 'shell', 'storage', 'persist'). */
export function recordBench(area: string, data: Record<string, unknown>): void {
  mkdirSync(PARTS_DIR, { recursive: true });
  writeFileSync(join(PARTS_DIR, `${area}.json`), JSON.stringify(data, null, 2) + '\n');
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** p-th percentile (0..100) by nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
