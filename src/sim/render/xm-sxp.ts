// S-expressions as xend prints them (xen/xend/sxp.py show, PrettyPrint.py): atoms bare unless
// they need quoting (then Python repr), a list that fits in the width stays on one line,
// otherwise its head stays, each child goes on its own line 4 columns in, and `)` closes
// on its own line at the list's indent (`xm list -l`, `xm create -n`, `xm network-list -l`).

export type Sxp = string | number | Sxp[];

const SPECIAL = '"\'\\(){}[]<>$#&%^';

function atomOk(s: string): boolean {
  if (/^[A-Za-z0-9]+$/.test(s) || s === '@') return true;
  for (const c of s) if (/\s/.test(c) || SPECIAL.includes(c)) return false;
  return true;
}

/** Python repr() of a str. */
function repr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === q) out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else out += c;
  }
  return q + out + q;
}

/** sxp.show: one line. */
export function showSxp(x: Sxp): string {
  if (Array.isArray(x)) return `(${x.map(showSxp).join(' ')})`;
  if (typeof x === 'number') return String(x);
  return atomOk(x) ? x : repr(x);
}

function pretty(x: Sxp, indent: number, width: number): string {
  const flat = showSxp(x);
  if (!Array.isArray(x) || indent + flat.length <= width || x.length === 0) return flat;
  const [head, ...rest] = x;
  const pad = ' '.repeat(indent + 4);
  const first = Array.isArray(head) ? pretty(head, indent + 1, width) : showSxp(head!);
  return `(${first}\n${rest.map((c) => pad + pretty(c, indent + 4, width)).join('\n')}\n${' '.repeat(indent)})`;
}

/** PrettyPrint.prettyprint(sxpr, width=80) followed by a newline. */
export function prettySxp(x: Sxp, width = 80): string {
  return pretty(x, 0, width) + '\n';
}
