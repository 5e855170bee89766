// `multipath -ll` / `multipathd show topology` output: the tree style of 0.4.9 (OL6, OVM 3.3+)
// and the bracket style of RHEL5's 0.4.7 (OL5, OVM 2.2 – 3.2), from plain view rows
// (reference/cli-fidelity.md §4.1–4.2). Pure formatting: callers decide states and priorities.

export interface TopoPath {
  hcil: string;
  dev: string;
  devT: string;
  dm: string;
  chk: string;
  devState: string;
}

export interface TopoGroup {
  selector: string;
  prio: number;
  status: 'active' | 'enabled' | 'disabled' | 'undef';
  paths: TopoPath[];
}

export interface TopoMap {
  /** `create: ` / `reload: ` … prefix, or '' */
  action: string;
  name: string;
  wwid: string;
  /** `dm-4`, or `undef` while being created. */
  dm: string;
  vendor: string;
  product: string;
  sizeBytes: number;
  features: string;
  hwhandler: string;
  wp: string;
  groups: TopoGroup[];
}

export type TopoStyle = 'tree' | 'bracket';

/** multipath's size: KiB divided by 1024 while ≥ 1024; one decimal below 10 (`2.0T`, `200G`). */
export function mpSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return (v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v))) + units[i];
}

export interface ColumnWidths {
  hcil: number;
  dev: number;
  devT: number;
  dm: number;
  chk: number;
  devState: number;
}

/** Column widths over every path the tool knows (also those outside the printed maps). */
export function pathWidths(all: readonly TopoPath[], style: TopoStyle): ColumnWidths {
  // 0.4.7/0.4.8 count the column headers in the width (`hcil`, `dev`, `dev_t`); 0.4.9 -ll does not.
  const base = style === 'bracket' ? { hcil: 4, dev: 3, devT: 5 } : { hcil: 0, dev: 0, devT: 0 };
  const w: ColumnWidths = { ...base, dm: 0, chk: 0, devState: 0 };
  for (const p of all) {
    w.hcil = Math.max(w.hcil, p.hcil.length);
    w.dev = Math.max(w.dev, p.dev.length);
    w.devT = Math.max(w.devT, p.devT.length);
    w.dm = Math.max(w.dm, p.dm.length);
    w.chk = Math.max(w.chk, p.chk.length);
    w.devState = Math.max(w.devState, p.devState.length);
  }
  return w;
}

function mapHeader(m: TopoMap, bold: boolean): string {
  const id = m.name !== m.wwid ? `${m.name} (${m.wwid})` : m.name;
  const line = `${m.action}${id} ${m.dm} ${m.vendor},${m.product}`;
  return bold ? `\x1b[1m${line}\x1b[0m` : line;
}

function treeMap(m: TopoMap, w: ColumnWidths, bold: boolean): string[] {
  const out = [mapHeader(m, bold), `size=${mpSize(m.sizeBytes)} features='${m.features}' hwhandler='${m.hwhandler}' wp=${m.wp}`];
  m.groups.forEach((g, gi) => {
    const lastGroup = gi === m.groups.length - 1;
    out.push(`${lastGroup ? '`-+- ' : '|-+- '}policy='${g.selector}' prio=${g.prio} status=${g.status}`);
    g.paths.forEach((p, pi) => {
      const lastPath = pi === g.paths.length - 1;
      const prefix = (lastGroup ? '  ' : '| ') + (lastPath ? '`- ' : '|- ');
      out.push(prefix + [p.hcil.padEnd(w.hcil), p.dev.padEnd(w.dev), p.devT.padEnd(w.devT), p.dm.padEnd(w.dm), p.chk.padEnd(w.chk), p.devState.padEnd(w.devState)].join(' '));
    });
  });
  return out;
}

function bracketMap(m: TopoMap, w: ColumnWidths, bold: boolean): string[] {
  const out = [mapHeader(m, bold), `[size=${mpSize(m.sizeBytes)}][features=${m.features}][hwhandler=${m.hwhandler}][${m.wp}]`];
  for (const g of m.groups) {
    out.push(`\\_ ${g.selector} [prio=${g.prio}][${g.status}]`);
    for (const p of g.paths) out.push(` \\_ ${p.hcil.padEnd(w.hcil)} ${p.dev.padEnd(w.dev)} ${p.devT.padEnd(w.devT)} [${p.dm}][${p.chk}]`);
  }
  return out;
}

/** The topology of several maps, one after another, each line ending in a newline. */
export function renderTopology(maps: readonly TopoMap[], widths: ColumnWidths, style: TopoStyle, bold = false): string {
  let out = '';
  for (const m of maps) for (const l of style === 'tree' ? treeMap(m, widths, bold) : bracketMap(m, widths, bold)) out += l + '\n';
  return out;
}
