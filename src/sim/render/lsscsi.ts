// `lsscsi` (0.23): `[H:C:T:L]` padded to 13, type to 8, vendor 8, model 16, rev 4, then the node.
export interface LsscsiRow {
  hctl: string;
  vendor: string;
  model: string;
  rev: string;
  node: string;
}

export function renderLsscsi(rows: readonly LsscsiRow[]): string {
  return rows.map((r) => `${`[${r.hctl}]`.padEnd(13)}disk    ${r.vendor.padEnd(8)} ${r.model.padEnd(16)} ${r.rev.padEnd(4)}  ${r.node}\n`).join('');
}
