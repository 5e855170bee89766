// Live validation for the lab editor: the loader's own errors (the same checks as for bundled
// and custom labs), each placed at the line of the YAML node its path names.
import type { Node } from 'yaml';
import { customLabId, loadCustomLab } from '../labs/custom';
import { loadLabTooling } from '../labs/loader';

export interface LabDiagnostic {
  /** 1-based line and column. */
  line: number;
  col: number;
  /** Character offsets of the node (for the editor's underline). */
  from: number;
  to: number;
  message: string;
}

/** `objectives[1].check.path_state` → ['objectives', 1, 'check', 'path_state']. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

type Yaml = typeof import('yaml');

function nodeAt({ isMap, isSeq }: Yaml, root: Node | null, segs: Array<string | number>): Node | null {
  let node: Node | null = root;
  for (const s of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === s);
      // A key whose value is wrong: point at the key's line.
      node = (pair?.value as Node | null) ?? (pair?.key as Node | null) ?? null;
    } else if (isSeq(node) && typeof s === 'number') node = (node.items[s] as Node | undefined) ?? null;
    else return null;
    if (!node) return null;
  }
  return node;
}

/** The deepest node along the path that exists. */
function placeOf(y: Yaml, root: Node | null, segs: Array<string | number>): Node | null {
  for (let n = segs.length; n >= 0; n--) {
    const node = nodeAt(y, root, segs.slice(0, n));
    if (node?.range) return node;
  }
  return null;
}

/** The YAML parser is part of the lab tooling, loaded on demand (labs/loader.ts). */
export async function lintLabText(name: string, text: string): Promise<LabDiagnostic[]> {
  await loadLabTooling();
  const r = loadCustomLab(customLabId(name), name, text);
  if (r.ok) return [];
  const y = await import('yaml');
  const counter = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  const root = (doc.contents as Node | null) ?? null;
  const at = (offset: number, end: number, message: string): LabDiagnostic => {
    const p = counter.linePos(offset);
    return { line: p.line, col: p.col, from: offset, to: Math.max(end, offset), message };
  };
  return r.errors.map((err) => {
    const body = err.startsWith(name) ? err.slice(name.length) : err;
    const pos = /^:(\d+):(\d+): (.*)$/s.exec(body);
    if (pos) {
      const line = Number(pos[1]);
      const start = counter.lineStarts[line - 1] ?? 0;
      const offset = Math.min(text.length, start + Number(pos[2]) - 1);
      return { line, col: Number(pos[2]), from: offset, to: offset, message: pos[3]! };
    }
    const msg = body.replace(/^:\s*/, '');
    const m = /^([A-Za-z_][\w]*(?:\[\d+\]|\.[\w-]+)*): (.*)$/s.exec(msg);
    const node = m && m[1] !== '(top)' ? placeOf(y, root, pathSegments(m[1]!)) : null;
    if (node?.range) return at(node.range[0], node.range[1], msg);
    return at(0, 0, msg);
  });
}
