// The instructor's class table as data: one row per re-graded hand-in, one column per objective
// of the class's labs, "stuck on" columns (most of the class has not met them), why a row is
// flagged, and the CSV export. Pure: the page renders it, tests check it.
import type { ClassPack } from './class-format';
import type { ObjectiveResult, RegradeReport } from './regrade';

export interface TableColumn {
  labId: string;
  labTitle: string;
  id: string;
  text: string;
  points: number;
  met: number;
  /** Most of the class (more than half of the rows that did this lab) has not met it. */
  stuck: boolean;
}

export interface TableRow {
  /** A stable key: the learner's name as typed, made unique if two files bear it. */
  key: string;
  report: RegradeReport;
  /** Why the row is not trusted (empty when verified and consistent with the class). */
  flags: string[];
}

export function columnsOf(reports: readonly RegradeReport[], pack: ClassPack | null): TableColumn[] {
  const cols = new Map<string, TableColumn>();
  const order = pack?.labs.map((l) => l.id) ?? [];
  const seen = new Map<string, number>();
  for (const r of reports)
    for (const lab of r.labs) {
      if (!lab.replayed) continue;
      seen.set(lab.id, (seen.get(lab.id) ?? 0) + 1);
      for (const o of lab.objectives) {
        const key = `${lab.id}/${o.id}`;
        const c = cols.get(key) ?? { labId: lab.id, labTitle: lab.title, id: o.id, text: o.text, points: o.points, met: 0, stuck: false };
        if (o.met) c.met += 1;
        cols.set(key, c);
      }
    }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const out = [...cols.values()].sort((a, b) => rank(a.labId) - rank(b.labId) || (a.labId < b.labId ? -1 : a.labId > b.labId ? 1 : 0));
  for (const c of out) c.stuck = (seen.get(c.labId) ?? 0) - c.met > (seen.get(c.labId) ?? 0) / 2;
  return out;
}

export function flagsOf(r: RegradeReport, pack: ClassPack | null): string[] {
  const flags = [...r.problems, ...r.labs.flatMap((l) => l.problems.map((p) => `${l.id}: ${p}`))];
  if (pack && r.classCode.toUpperCase() !== pack.code.toUpperCase()) flags.push(`Handed in for class ${r.classCode}, not ${pack.code}.`);
  if (pack && (r.policy.hints !== pack.policy.hints || r.policy.solution !== pack.policy.solution)) {
    flags.push(`Its options (hints ${r.policy.hints}, solution ${r.policy.solution}) differ from the class's (hints ${pack.policy.hints}, solution ${pack.policy.solution}).`);
  }
  return flags;
}

export function rowsOf(reports: readonly RegradeReport[], pack: ClassPack | null): TableRow[] {
  const used = new Map<string, number>();
  return reports.map((report) => {
    const n = (used.get(report.learner) ?? 0) + 1;
    used.set(report.learner, n);
    return { key: n === 1 ? report.learner : `${report.learner} (${n})`, report, flags: flagsOf(report, pack) };
  });
}

export function cellOf(row: TableRow, col: TableColumn): ObjectiveResult | null {
  return row.report.labs.find((l) => l.id === col.labId && l.replayed)?.objectives.find((o) => o.id === col.id) ?? null;
}

export const minutes = (ms: number): string => `${Math.round(ms / 60_000)} min`;

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV (RFC 4180; a cell that a spreadsheet would run as a formula is quoted). */
export function csvOf(rows: readonly TableRow[], cols: readonly TableColumn[]): string {
  const head = ['learner', 'class', 'verified', 'score', 'max score', 'hints used', 'time (min)', ...cols.map((c) => `${c.labId}/${c.id}`), 'last commands', 'flags'];
  const lines = [head.map(csvField).join(',')];
  for (const row of rows) {
    const r = row.report;
    const last = r.labs.flatMap((l) => l.lastCommands.map((c) => `[${c.host}] ${c.line}`)).join(' | ');
    const cells = cols.map((c) => {
      const o = cellOf(row, c);
      return o === null ? '' : o.met ? 'met' : `not met: ${o.reason ?? ''}`;
    });
    lines.push([row.key, r.classCode, r.verified && !row.flags.length ? 'yes' : 'no', r.score, r.maxScore, r.hintsUsed, Math.round(r.timeMs / 60_000), ...cells, last, row.flags.join(' ')].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
