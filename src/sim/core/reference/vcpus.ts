// Per-vCPU figures of the reference model, derived from the domain (same maths as asm/sched.ts):
// vCPU i of n gets x + δ_i·(x − x²) of its domain's share a (x = a/n, fixed skew δ_i), so its
// time is base + A/n + δ_i·(A/n − Q/n²) with A = Σ a·dt and Q = Σ a²·dt since the last fold.
import { domFixedHash, hi24, pcpuPick, vcpuHash } from './hash';
import type { RefDomain } from './state';

const SKEW = 0.6;

const raw = (fh: number, k: number): number => hi24(vcpuHash(fh, k)) * 2 - 1;

export function skew(seed: number, handle: number, i: number, n: number): number {
  if (n <= 1) return 0;
  const fh = domFixedHash(seed, handle);
  const r = Array.from({ length: n }, (_, k) => raw(fh, k));
  let sum = 0;
  for (const x of r) sum += x;
  const mean = sum / n;
  let m = 0;
  for (const x of r) m = Math.max(m, Math.abs(x - mean));
  return m > 0 ? (SKEW * (r[i]! - mean)) / m : 0;
}

export function vcpuTime(seed: number, handle: number, d: RefDomain, i: number): number {
  const base = d.vcpus[i]!.base;
  const n = d.online;
  if (i >= n) return base;
  const a1 = (d.cpuS - d.cpu0) / n;
  const q = (d.q - d.q0) / (n * n);
  return base + a1 + skew(seed, handle, i, n) * (a1 - q);
}

export function vcpuBusy(seed: number, handle: number, d: RefDomain, i: number): number {
  if (i >= d.online) return 0;
  const x = d.share / d.online;
  return x + skew(seed, handle, i, d.online) * (x - x * x);
}

export function vcpuPcpu(seed: number, handle: number, d: RefDomain, i: number, pcpus: number): number {
  if (i >= d.online || d.lastRun <= 0 || pcpus <= 0) return -1;
  const x = vcpuHash((domFixedHash(seed, handle) ^ 0x85ebca6b) >>> 0, i);
  const period = 8 + (x & 31);
  const phase = (x >>> 5) & 1023;
  return pcpuPick(x, Math.floor((d.lastRun + phase) / period), pcpus);
}

/** Folds the online vCPUs' times into their bases (before the online count changes). */
export function fold(seed: number, handle: number, d: RefDomain): void {
  const times = d.vcpus.map((_, i) => vcpuTime(seed, handle, d, i));
  d.vcpus.forEach((v, i) => (v.base = times[i]!));
  d.cpu0 = d.cpuS;
  d.q0 = d.q;
}

