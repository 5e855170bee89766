// The replacement text of sed's `s` command: `&`, back-references and GNU case escapes.

/** Expands `&`, `\1`..`\9`, `\n` and the GNU case escapes \U \L \u \l \E in a replacement. */
export function replacement(rep: string, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = '';
      }
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < rep.length) {
      const d = rep[++i]!;
      if (/\d/.test(d)) add(m[Number(d)] ?? '');
      else if (d === 'n') out += '\n';
      else if (d === 't') out += '\t';
      else if (d === 'U' || d === 'L') mode = d;
      else if (d === 'E') mode = '';
      else if (d === 'u' || d === 'l') once = d;
      else add(d);
    } else add(c);
  }
  return out;
}
