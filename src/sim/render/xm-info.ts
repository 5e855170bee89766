// `xm info` (reference §1.5): `'%-23s:' % key` then a space and the value, keys in Xen's order
// (4.1–4.4 for OVM 3, 3.4 for OVM 2.2); `-n` adds the NUMA topology; `-c` lists xend's options
// as `'%-38s:' % name`.

export type InfoEntry = readonly [string, string];

export function renderXmInfo(entries: readonly InfoEntry[]): string {
  return entries.map(([k, v]) => `${`${k}`.padEnd(23)}: ${v}\n`).join('');
}

export function renderXendConfig(entries: readonly InfoEntry[]): string {
  return entries.map(([k, v]) => (v === '' ? `${k.padEnd(38)}: (none)\n` : `${k.padEnd(38)}: ${v}\n`)).join('');
}
