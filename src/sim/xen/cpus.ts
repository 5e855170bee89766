// CPU lists as xm and xend read and print them: `0-3,5,^2` (xm vcpu-pin, vm.cfg `cpus`) and
// the affinity column of `xm vcpu-list` (`any cpu`, ranges, `no cpus`).

/** xm's cpu_make_map: a sorted list, or null where Python's int() would raise ValueError. */
export function parseCpuList(spec: string): number[] | null {
  let cpus: number[] = [];
  for (const c of spec.split(',')) {
    if (c === '') continue;
    if (c.includes('-')) {
      const parts = c.split('-');
      if (parts.length !== 2) return null;
      const [x, y] = parts.map((p) => (/^\s*\d+\s*$/.test(p) ? parseInt(p, 10) : NaN));
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
      for (let i = x!; i <= y! && i - x! < 4096; i++) cpus.push(i);
    } else if (c[0] === '^') {
      if (!/^\s*\d+\s*$/.test(c.slice(1))) return null;
      const n = parseInt(c.slice(1), 10);
      cpus = cpus.filter((x) => x !== n);
    } else {
      if (!/^\s*[+-]?\d+\s*$/.test(c)) return null;
      cpus.push(parseInt(c, 10));
    }
  }
  return cpus.sort((a, b) => a - b);
}

/** The affinity column: `any cpu` when the map covers every host CPU, else ranges. */
export function formatCpumap(cpumap: readonly number[] | null | undefined, nrCpus: number): string {
  if (!cpumap) return 'any cpu';
  const uniq = [...new Set(cpumap.filter((x) => x < nrCpus))].sort((a, b) => a - b);
  if (uniq.length === nrCpus) return 'any cpu';
  if (!uniq.length) return 'no cpus';
  const pairs: Array<[number, number]> = [];
  let start = uniq[0]!;
  let prev = start;
  for (const x of uniq.slice(1)) {
    if (x - prev > 1) {
      pairs.push([start, prev]);
      start = x;
    }
    prev = x;
  }
  pairs.push([start, prev]);
  return pairs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
}
