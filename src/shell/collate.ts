// String order of the en_US.UTF-8 locale (root's LANG on Oracle Linux 6), as glibc's strcoll
// sorts for `ls`, pathname expansion and `sort`: punctuation is ignored at first, letters
// compare without case (digits before letters), then lowercase before uppercase, then bytes.
// So `ls` shows `Assemblies  ISOs  lost+found  Templates`, not C's `ISOs Templates lost+found`.

const key = (s: string): string => s.replace(/[^A-Za-z0-9\u00C0-\uFFFF]/g, '').toLowerCase();

export function collate(a: string, b: string): number {
  if (a === b) return 0;
  const ka = key(a);
  const kb = key(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  // Same letters: lowercase first at the first difference of case.
  const la = a.replace(/[^A-Za-z0-9\u00C0-\uFFFF]/g, '');
  const lb = b.replace(/[^A-Za-z0-9\u00C0-\uFFFF]/g, '');
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const x = la[i]!;
    const y = lb[i]!;
    if (x !== y) return x === x.toLowerCase() ? -1 : 1;
  }
  return a < b ? -1 : 1;
}
