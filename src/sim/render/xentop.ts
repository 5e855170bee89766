// xentop's text (tools/xenstat/xentop/xentop.c, reference §2): the summary lines, the 19-column
// header and rows with their printf widths, the -v/-n/-x detail lines, and the sort orders.
// Pure formatting over a sample; the program (shell/commands/xentop.ts) decides what to show.
import { fixed, padLeft } from '../../lib/format';

export interface XentopNet {
  id: number;
  rxBytes: number;
  rxPkts: number;
  rxErr: number;
  rxDrop: number;
  txBytes: number;
  txPkts: number;
  txErr: number;
  txDrop: number;
}

export interface XentopVbd {
  /** 0 Unidentified, 1 BlkBack, 2 BlkTap. */
  type: 0 | 1 | 2;
  dev: number;
  oo: number;
  rd: number;
  wr: number;
  rsect: number;
  wsect: number;
}

export interface XentopDomain {
  name: string;
  /** Flags: dying, shutdown, blocked, crashed, paused, running. */
  flags: { d: boolean; s: boolean; b: boolean; c: boolean; p: boolean; r: boolean };
  cpuS: number;
  cpuPct: number;
  memKiB: number;
  /** Null when max_pages is all-ones (`no limit`). */
  maxMemKiB: number | null;
  vcpus: number;
  /** CPU seconds per online vCPU, by vCPU number. */
  vcpuSecs: Array<number | null>;
  nets: XentopNet[];
  vbds: XentopVbd[];
  ssid: number;
}

export interface XentopNode {
  /** HH:MM:SS */
  time: string;
  version: string;
  totalKiB: number;
  freeKiB: number;
  cpus: number;
  mhz: number;
}

export const FIELDS = ['NAME', 'STATE', 'CPU(sec)', 'CPU(%)', 'MEM(k)', 'MEM(%)', 'MAXMEM(k)', 'MAXMEM(%)', 'VCPUS', 'NETS', 'NETTX(k)', 'NETRX(k)', 'VBDS', 'VBD_OO', 'VBD_RD', 'VBD_WR', 'VBD_RSECT', 'VBD_WSECT', 'SSID'] as const;
const WIDTHS = [10, 6, 10, 6, 10, 6, 10, 9, 5, 4, 8, 8, 4, 8, 8, 8, 10, 10, 4];
/** Xen 3.4's xentop has no RSECT/WSECT columns. */
const OLD_SKIP = new Set([16, 17]);

export const stateText = (f: XentopDomain['flags']): string => `${f.d ? 'd' : '-'}${f.s ? 's' : '-'}${f.b ? 'b' : '-'}${f.c ? 'c' : '-'}${f.p ? 'p' : '-'}${f.r ? 'r' : '-'}`;

/** Header cells (each right-aligned in its width), for styling the sort column. */
export function headerCells(old = false): string[] {
  return FIELDS.map((f, i) => padLeft(f, WIDTHS[i]!)).filter((_, i) => !old || !OLD_SKIP.has(i));
}

export const headerLine = (old = false): string => headerCells(old).join(' ');

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const kib = (bytes: number): number => Math.floor(bytes / 1024);

export function domainRow(d: XentopDomain, totalKiB: number, fullName: boolean, old = false): string {
  const pct = (k: number) => (totalKiB > 0 ? (k / totalKiB) * 100 : 0);
  let tx = 0;
  let rx = 0;
  for (const n of d.nets) {
    tx += n.txBytes;
    rx += n.rxBytes;
  }
  let oo = 0;
  let rd = 0;
  let wr = 0;
  let rs = 0;
  let ws = 0;
  for (const v of d.vbds) {
    oo += v.oo;
    rd += v.rd;
    wr += v.wr;
    rs += v.rsect;
    ws += v.wsect;
  }
  const maxMem = d.maxMemKiB === null ? `${padLeft('no limit', 10)} ${padLeft('n/a', 9)}` : `${padLeft(d.maxMemKiB, 10)} ${fixed(pct(d.maxMemKiB), 9, 1)}`;
  const sects = old ? '' : ` ${padLeft(rs, 10)} ${padLeft(ws, 10)}`;
  return (
    `${fullName ? padLeft(d.name, 10) : padLeft(d.name.slice(0, 10), 10)} ${stateText(d.flags)} ${padLeft(Math.floor(d.cpuS), 10)} ${fixed(d.cpuPct, 6, 1)} ` +
    `${padLeft(d.memKiB, 10)} ${fixed(pct(d.memKiB), 6, 1)} ${maxMem} ${padLeft(d.vcpus, 5)} ${padLeft(d.nets.length, 4)} ${padLeft(kib(tx), 8)} ${padLeft(kib(rx), 8)} ` +
    `${padLeft(d.vbds.length, 4)} ${padLeft(oo, 8)} ${padLeft(rd, 8)} ${padLeft(wr, 8)}${sects} ${padLeft(d.ssid, 4)}`
  );
}

/** `-v`: ' %2u: %10llus' per online vCPU, a new line and 8 spaces after every 5. */
export function vcpuLines(d: XentopDomain): string[] {
  let out = 'VCPUs(sec): ';
  d.vcpuSecs.forEach((s, i) => {
    if (s === null) return;
    if (i !== 0 && i % 5 === 0) out += '\n        ';
    out += ` ${padLeft(i, 2)}: ${padLeft(Math.floor(s), 10)}s`;
  });
  return out.split('\n');
}

/** `-n`: one line per VIF. */
export function netLines(d: XentopDomain): string[] {
  return d.nets.map(
    (n) =>
      `Net${n.id} RX: ${padLeft(n.rxBytes, 8)}bytes ${padLeft(n.rxPkts, 8)}pkts ${padLeft(n.rxErr, 8)}err ${padLeft(n.rxDrop, 8)}drop  TX: ${padLeft(n.txBytes, 8)}bytes ${padLeft(n.txPkts, 8)}pkts ${padLeft(n.txErr, 8)}err ${padLeft(n.txDrop, 8)}drop`,
  );
}

const VBD_TYPES = ['Unidentified', 'BlkBack', 'BlkTap'];

/** `-x`: one line per VBD, `[major:minor]` in %2x. */
export function vbdLines(d: XentopDomain): string[] {
  return d.vbds.map((v) => {
    const details = `[${padLeft((v.dev >> 8).toString(16), 2)}:${padLeft((v.dev & 0xff).toString(16), 2)}]`;
    return `VBD ${VBD_TYPES[v.type]} ${padLeft(v.dev, 4)} ${details} OO: ${padLeft(v.oo, 8)}   RD: ${padLeft(v.rd, 8)}   WR: ${padLeft(v.wr, 8)}   RSECT: ${padLeft(v.rsect, 10)}   WSECT: ${padLeft(v.wsect, 10)}`;
  });
}

/** The three summary lines (interactive mode only). */
export function summaryLines(node: XentopNode, doms: readonly XentopDomain[]): string[] {
  const c = { run: 0, block: 0, pause: 0, crash: 0, dying: 0, shutdown: 0 };
  // Each domain is counted once, in this order of precedence.
  for (const d of doms) {
    if (d.flags.r) c.run++;
    else if (d.flags.b) c.block++;
    else if (d.flags.p) c.pause++;
    else if (d.flags.s) c.shutdown++;
    else if (d.flags.c) c.crash++;
    else if (d.flags.d) c.dying++;
  }
  const used = node.totalKiB - node.freeKiB;
  return [
    `xentop - ${node.time}   Xen ${node.version}`,
    `${doms.length} domains: ${c.run} running, ${c.block} blocked, ${c.pause} paused, ${c.crash} crashed, ${c.dying} dying, ${c.shutdown} shutdown `,
    `Mem: ${node.totalKiB}k total, ${used}k used, ${node.freeKiB}k free    CPUs: ${node.cpus} @ ${node.mhz}MHz`,
  ];
}

/** The comparison xentop sorts by for field `f`: names ascending (case-insensitive), numbers descending. */
export function sortDomains(doms: readonly XentopDomain[], field: number): XentopDomain[] {
  const key = (d: XentopDomain): number | string => {
    switch (field) {
      case 0:
        return d.name.toLowerCase();
      case 1:
        return stateText(d.flags);
      case 2:
        return d.cpuS;
      case 3:
        return d.cpuPct;
      case 4:
      case 5:
        return d.memKiB;
      case 6:
      case 7:
        return d.maxMemKiB ?? Number.MAX_SAFE_INTEGER;
      case 8:
        return d.vcpus;
      case 9:
        return d.nets.length;
      case 10:
        return sum(d.nets.map((n) => n.txBytes));
      case 11:
        return sum(d.nets.map((n) => n.rxBytes));
      case 12:
        return d.vbds.length;
      case 13:
        return sum(d.vbds.map((v) => v.oo));
      case 14:
        return sum(d.vbds.map((v) => v.rd));
      case 15:
        return sum(d.vbds.map((v) => v.wr));
      case 16:
        return sum(d.vbds.map((v) => v.rsect));
      case 17:
        return sum(d.vbds.map((v) => v.wsect));
      default:
        return d.ssid;
    }
  };
  return [...doms].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (typeof ka === 'string' && typeof kb === 'string') return field === 0 ? (ka < kb ? -1 : ka > kb ? 1 : 0) : ka < kb ? 1 : ka > kb ? -1 : 0;
    return (kb as number) - (ka as number);
  });
}
