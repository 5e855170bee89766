// `xentop` (reference §2): full-screen, refreshing every `delay` seconds of simulated time, keys
// d n b t v r s ↑ ↓ q Esc Ctrl-L; batch mode (`-b`) prints header and rows per iteration.
// Options as getopt "hVnxrvd:bi:f": an unknown one is complained about, then usage, exit 0.
import { defineArgs } from '../args';
import { Screen, type Segment } from '../../programs/screen';
import { domainRow, headerCells, headerLine, netLines, sortDomains, summaryLines, vbdLines, vcpuLines, FIELDS } from '../../sim/render/xentop';
import { sampleHost, withCpuPct, type XentopSample } from '../../sim/xen/xentop-sample';
import { defineCommand, type CommandSpec } from '../types';
import type { Release } from '../../sim/types';
import type { ProgramFactory } from '../../programs/program';

const ARGS = defineArgs({
  prog: 'xentop',
  exitCode: 0,
  tryHelp: false,
  options: [
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
    { short: 'd', long: 'delay', arg: 'required', argName: 'SECONDS', help: 'seconds between updates (default 3)' },
    { short: 'n', long: 'networks', help: 'output vif network data' },
    { short: 'x', long: 'vbds', help: 'output vbd block device data' },
    { short: 'r', long: 'repeat-header', help: 'repeat table header before each domain' },
    { short: 'v', long: 'vcpus', help: 'output vcpu data' },
    { short: 'b', long: 'batch', help: 'output in batch mode, no user input accepted' },
    { short: 'i', long: 'iterations', arg: 'required', help: 'number of iterations before exiting' },
    { short: 'f', long: 'full-name', help: 'output the full domain name (not truncated)' },
  ],
  // The '?' case falls through into -h: getopt's complaint on stderr, then the usage on stdout, exit 0.
  onError: (e, ctx) => ({ stdout: usage(ctx.host.release), stderr: e.outcome.stderr, exitCode: 0, stderrFirst: true }),
});

function usage(release: Release): string {
  const old = release === 'ovm22';
  return [
    'Usage: xentop [OPTION]',
    'Displays ongoing information about xen vm resources ',
    '',
    '-h, --help           display this help and exit',
    '-V, --version        output version information and exit',
    '-d, --delay=SECONDS  seconds between updates (default 3)',
    '-n, --networks       output vif network data',
    '-x, --vbds           output vbd block device data',
    '-r, --repeat-header  repeat table header before each domain',
    '-v, --vcpus          output vcpu data',
    '-b, --batch\t     output in batch mode, no user input accepted',
    '-i, --iterations     number of iterations before exiting',
    ...(old ? [] : ['-f, --full-name      output the full domain name (not truncated)']),
    '',
    `Report bugs to <${old ? 'xen-tools@lists.xensource.com' : 'xen-devel@lists.xen.org'}>.`,
    '',
  ].join('\n');
}

const VERSION = 'xentop 1.0\nWritten by Judy Fischbach, David Hendricks, Josh Triplett\n\nCopyright (C) 2005  International Business Machines  Corp\nThis is free software; see the source for copying conditions.There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n';

export interface XentopOptions {
  delayS?: number;
  networks?: boolean;
  vbds?: boolean;
  vcpus?: boolean;
  repeatHeader?: boolean;
  fullName?: boolean;
  /** Stop after this many screens (0 or absent: run until quit). */
  iterations?: number;
}

/** C atoi(): leading digits, else 0. */
const atoi = (s: string): number => {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1]!, 10) : 0;
};

interface View {
  networks: boolean;
  vbds: boolean;
  vcpus: boolean;
  repeatHeader: boolean;
  fullName: boolean;
  sortField: number;
}

/** The lines of one iteration after the summary: header(s), rows and detail lines. */
function bodyLines(s: XentopSample, v: View, old: boolean): Array<{ text: string; header?: boolean }> {
  const out: Array<{ text: string; header?: boolean }> = [];
  sortDomains(s.domains, v.sortField).forEach((d, i) => {
    if (i === 0 || v.repeatHeader) out.push({ text: headerLine(old), header: true });
    out.push({ text: domainRow(d, s.node.totalKiB, v.fullName, old) });
    if (v.vcpus) for (const l of vcpuLines(d)) out.push({ text: l });
    if (v.networks) for (const l of netLines(d)) out.push({ text: l });
    if (v.vbds) for (const l of vbdLines(d)) out.push({ text: l });
  });
  return out;
}

/** Batch mode's text for one iteration. */
export function batchIteration(s: XentopSample, v: View, old: boolean): string {
  return bodyLines(s, v, old)
    .map((l) => l.text + '\n')
    .join('');
}

function headerSegments(v: View, old: boolean): Segment[] {
  const cells = headerCells(old);
  const segs: Segment[] = [];
  cells.forEach((c, i) => {
    if (i) segs.push({ text: ' ', style: '7' });
    segs.push({ text: c, style: i === v.sortField ? '7;1' : '7' });
  });
  return segs;
}

function bottomSegments(old: boolean): Segment[] {
  const k = (text: string): Segment => ({ text, style: '7' });
  return [
    { text: '  ' },
    k('D'),
    { text: 'elay  ' },
    k('N'),
    { text: 'etworks  v' },
    k('B'),
    { text: 'ds  ' },
    ...(old ? [] : [k('T'), { text: 'mem  ' }]),
    k('V'),
    { text: 'CPUs  ' },
    k('R'),
    { text: 'epeat header  ' },
    k('S'),
    { text: 'ort order  ' },
    k('Q'),
    { text: 'uit' },
  ];
}

/** Interactive xentop. */
export function xentopProgram(opts: XentopOptions): ProgramFactory {
  return (host) => {
    const release = host.sim.world.hosts[host.hostName]!.release;
    const old = release === 'ovm22';
    const screen = new Screen(host.cols, host.rows);
    const view: View = { networks: !!opts.networks, vbds: !!opts.vbds, vcpus: !!opts.vcpus, repeatHeader: !!opts.repeatHeader, fullName: !!opts.fullName, sortField: 0 };
    let delayS = Math.max(1, opts.delayS ?? 3);
    let left = opts.iterations ?? 0;
    let prev: XentopSample | null = null;
    let shown: XentopSample | null = null;
    let first = 0;
    let prompt: string | null = null;
    let finished = false;

    const draw = () => {
      if (!shown) return;
      screen.clear();
      const doms = shown.domains;
      if (first >= doms.length) first = Math.max(0, doms.length - 1);
      const summary = summaryLines(shown.node, doms);
      summary.forEach((l, i) => screen.setRow(i, l));
      let row = summary.length + 1;
      const last = screen.rows - 1;
      const sorted = sortDomains(doms, view.sortField).slice(first);
      sorted.forEach((d, i) => {
        if (row >= last) return;
        if (i === 0 || view.repeatHeader) screen.setRow(row++, headerSegments(view, old));
        const lines = [domainRow(d, shown!.node.totalKiB, view.fullName, old), ...(view.vcpus ? vcpuLines(d) : []), ...(view.networks ? netLines(d) : []), ...(view.vbds ? vbdLines(d) : [])];
        for (const l of lines) if (row < last) screen.setRow(row++, l);
      });
      if (!sorted.length && row < last) screen.setRow(row, headerSegments(view, old));
      if (prompt !== null) {
        screen.setRow(last, `  Delay(sec): ${prompt}`);
        screen.setCursor(last, 15 + prompt.length);
      } else {
        screen.setRow(last, bottomSegments(old));
        screen.setCursor(last, 0);
      }
      host.write(screen.frame());
    };
    /** Set when the last iteration was drawn: xentop leaves at the next clock tick. */
    let done = false;
    const sample = () => {
      const cur = withCpuPct(sampleHost(host.sim, host.hostName), prev);
      prev = cur;
      shown = cur;
      draw();
      if (left > 0 && --left === 0) done = true;
    };
    const quit = () => {
      if (finished) return;
      finished = true;
      host.write(screen.leave());
      host.exit(0);
    };

    host.write(screen.enter());
    sample();
    return {
      onInput(data) {
        if (finished) return;
        if (prompt !== null) {
          for (const ch of data) {
            if (ch === '\r' || ch === '\n') {
              const n = atoi(prompt);
              if (n > 0) delayS = n;
              prompt = null;
            } else if (ch === '\x1b') prompt = null;
            else if (ch === '\x7f' || ch === '\b') prompt = prompt.slice(0, -1);
            else if (ch >= ' ' && prompt.length < 20) prompt += ch;
            if (prompt === null) break;
          }
          return draw();
        }
        if (data === '\x1b[A' || data === '\x1bOA') first = Math.max(0, first - 1);
        else if (data === '\x1b[B' || data === '\x1bOB') first++;
        else if (data === '\x1b' || data === '\x03') return quit();
        else
          for (const ch of data) {
            const c = ch.toLowerCase();
            if (c === 'q') return quit();
            if (c === 'n') view.networks = !view.networks;
            else if (c === 'b') view.vbds = !view.vbds;
            else if (c === 'v') view.vcpus = !view.vcpus;
            else if (c === 'r') view.repeatHeader = !view.repeatHeader;
            else if (c === 's') view.sortField = (view.sortField + 1) % (old ? FIELDS.length - 2 : FIELDS.length);
            else if (c === 'd') prompt = '';
            else if (ch === '\x0c') screen.resize(screen.cols, screen.rows);
          }
        draw();
      },
      onTick() {
        if (finished || !shown) return;
        if (done) return quit();
        if (host.sim.world.clockMs - shown.atMs >= delayS * 1000) sample();
      },
      onResize(cols, rows) {
        screen.resize(cols, rows);
        draw();
      },
    };
  };
}

/** Batch mode with more than one iteration: one block per `delay` seconds until done or Ctrl-C. */
function batchProgram(v: View, old: boolean, delayS: number, iterations: number, first: XentopSample): ProgramFactory {
  return (host) => {
    let prev = first;
    let left = iterations;
    let finished = false;
    const end = (code: number, text = '') => {
      finished = true;
      if (text) host.write(text);
      host.exit(code);
    };
    return {
      onInput(data) {
        if (!finished && data.includes('\x03')) end(0, '^C\r\n');
      },
      onTick() {
        if (finished || host.sim.world.clockMs - prev.atMs < delayS * 1000) return;
        prev = withCpuPct(sampleHost(host.sim, host.hostName), prev);
        host.write(batchIteration(prev, v, old).replace(/\n/g, '\r\n'));
        if (left > 0 && --left === 0) end(0);
      },
    };
  };
}

export const xentopCommand: CommandSpec = defineCommand({
  name: 'xentop',
  dir: '/usr/sbin',
  summary: 'Display real-time information about a Xen system and its domains',
  man: {
    section: 1,
    name: 'displays real-time information about a Xen system and domains',
    synopsis: ['xentop [-h] [-V] [-dSECONDS] [-n] [-r] [-v] [-f] [-b] [-iITERATIONS]'],
    description: ['xentop displays information about the Xen system and domains, in a continually-updating manner. Command-line options and interactive commands can change the detail and format of the information displayed by xentop.'],
    options: [
      ['-d, --delay=SECONDS', 'seconds between updates (default 3)'],
      ['-n, --networks', 'show network information'],
      ['-x, --vbds', 'show vbd block device data'],
      ['-v, --vcpus', 'show VCPU data'],
      ['-b, --batch', 'output data in batch mode (to stdout)'],
      ['-i, --iterations=ITERATIONS', 'maximum number of updates that xentop should produce before ending'],
    ],
  },
  usage: 'xentop [-h] [-V] [-d SECONDS] [-n] [-x] [-r] [-v] [-f] [-b] [-i ITERATIONS]',
  args: ARGS,
  run(ctx) {
    const release = ctx.host.release;
    const old = release === 'ovm22';
    const a = ctx.parsed;
    if (old && a.has('full-name')) return { stdout: usage(release), stderr: "xentop: invalid option -- 'f'\n", exitCode: 0, stderrFirst: true };
    if (a.has('help')) return { stdout: usage(release), stderr: '', exitCode: 0 };
    if (a.has('version')) return { stdout: VERSION, stderr: '', exitCode: 0 };
    const delayS = a.has('delay') ? Math.max(1, atoi(a.value('delay')!)) : 3;
    const iterations = a.has('iterations') ? atoi(a.value('iterations')!) : 0;
    const view: View = { networks: a.has('networks'), vbds: a.has('vbds'), vcpus: a.has('vcpus'), repeatHeader: a.has('repeat-header'), fullName: a.has('full-name'), sortField: 0 };
    if (a.has('batch')) {
      const first = sampleHost(ctx.sim, ctx.host.name);
      const text = batchIteration(first, view, old);
      if (iterations === 1) return { stdout: text, stderr: '', exitCode: 0 };
      return { stdout: text, stderr: '', exitCode: 0, program: batchProgram(view, old, delayS, iterations > 0 ? iterations - 1 : 0, first) };
    }
    return { stdout: '', stderr: '', exitCode: 0, program: xentopProgram({ ...view, delayS, iterations }) };
  },
});
