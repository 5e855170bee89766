// scp (OpenSSH 4.3 on EL5, 5.3 on OL6) between the servers of the pool: `[[user@]host:]path`
// on either side, -r for directories, -p and -q; the progress meter OpenSSH draws on a terminal
// (progressmeter.c: name, percent, size, rate, time), one line per file. The copy is instant on
// the simulation clock, so the rate shown is the file's size per second.
import { STRERROR } from '../../../sim/errno';
import { serviceState } from '../../../sim/services';
import { getHost } from '../../../sim/world';
import { lookup, mkdir, writeFile } from '../../../sim/vfs';
import { defineCommand, fail, type CommandContext } from '../../types';
import type { FsNode, HostState } from '../../../sim/types';

const USAGE = `usage: scp [-1246BCpqrv] [-c cipher] [-F ssh_config] [-i identity_file]
           [-l limit] [-o ssh_option] [-P port] [-S program]
           [[user@]host1:]file1 ... [[user@]host2:]file2
`;
const FLAGS = '1246BCpqrv';
const WITH_ARG = 'cFiloPS';

interface Place {
  host: HostState;
  path: string;
  /** The host as typed, for messages (null: local). */
  remote: string | null;
}

/** `[user@]host:path` is remote when the colon comes before any slash (scp.c colon()). */
function splitSpec(spec: string): { host: string | null; path: string } {
  const colon = spec.indexOf(':');
  const slash = spec.indexOf('/');
  if (colon <= 0 || (slash >= 0 && slash < colon)) return { host: null, path: spec };
  const host = spec.slice(0, colon);
  return { host: host.slice(host.lastIndexOf('@') + 1), path: spec.slice(colon + 1) || '.' };
}

function place(ctx: CommandContext, spec: string): Place | string {
  const s = splitSpec(spec);
  if (s.host === null) return { host: ctx.host, path: s.path, remote: null };
  const host = getHost(ctx.world, s.host);
  const old = ctx.host.release === 'ovm22';
  if (!host) return `${old ? `ssh: ${s.host}: Name or service not known` : `ssh: Could not resolve hostname ${s.host}: Name or service not known`}\r\nlost connection\n`;
  if (host.down) return `ssh: connect to host ${s.host} port 22: ${STRERROR.EHOSTUNREACH}\r\nlost connection\n`;
  if (serviceState(host, 'sshd') !== 'running') return `ssh: connect to host ${s.host} port 22: ${STRERROR.ECONNREFUSED}\r\nlost connection\n`;
  // A remote path is relative to root's home there.
  return { host, path: s.path.startsWith('/') ? s.path : `/root/${s.path}`, remote: s.host };
}

const baseName = (path: string): string => path.replace(/\/+$/, '').split('/').pop() || path;

function sizeField(bytes: number): string {
  const unit = ' KMGT';
  let i = 0;
  while (bytes >= 10000 && i < 4) {
    bytes = Math.floor((bytes + 512) / 1024);
    i++;
  }
  return `${String(bytes).padStart(4)}${unit[i]}${i ? 'B' : ' '}`;
}

function rateField(perSecond: number): string {
  const unit = ' KMGT';
  let bytes = perSecond * 100;
  let i = 0;
  while (bytes >= 100_000 && i < 4) {
    bytes = Math.floor((bytes + 512) / 1024);
    i++;
  }
  if (i === 0) {
    i = 1;
    bytes = Math.floor((bytes + 512) / 1024);
  }
  return `${String(Math.floor((bytes + 5) / 100)).padStart(3)}.${Math.floor((bytes + 5) / 10) % 10}${unit[i]}${i ? 'B' : ' '}`;
}

/** progressmeter.c's last refresh of a finished file, then the newline stop_progress_meter writes. */
function meterLine(name: string, bytes: number, cols: number): string {
  const fileLen = cols - 35;
  const file = fileLen > 1 ? name.slice(0, fileLen - 1).padEnd(fileLen - 1) : '';
  return `${file} 100% ${sizeField(bytes)} ${rateField(bytes)}/s   00:00    \n`;
}

interface Copy {
  out: string;
  err: string;
  failed: boolean;
}

/** Copies one node to `to` (a new name, or into a directory), recursing with -r. */
function copyNode(ctx: CommandContext, node: FsNode, name: string, to: Place, recursive: boolean, meter: boolean, r: Copy, shownAs = name): void {
  const target = lookup(ctx.world, to.host, to.path, ctx.frame.cwd);
  const dest = target.ok && target.value.type === 'dir' ? `${to.path.replace(/\/+$/, '')}/${name}` : to.path;
  if (node.type === 'dir') {
    if (!recursive) {
      r.err += `scp: ${shownAs}: not a regular file\n`;
      r.failed = true;
      return;
    }
    const made = mkdir(ctx.world, to.host, dest, ctx.frame.cwd);
    if (!made.ok && made.error !== 'EEXIST') {
      r.err += `scp: ${dest}: ${STRERROR[made.error]}\n`;
      r.failed = true;
      return;
    }
    for (const [child, sub] of Object.entries(node.children)) copyNode(ctx, sub, child, { ...to, path: dest }, recursive, meter, r);
    return;
  }
  const content = node.type === 'file' ? node.content : '';
  const w = writeFile(ctx.world, to.host, dest, content, ctx.frame.cwd);
  if (!w.ok) {
    r.err += `scp: ${dest}: ${STRERROR[w.error]}\n`;
    r.failed = true;
    return;
  }
  if (meter) r.out += meterLine(name, node.type === 'file' ? (node.sizeBytes ?? content.length) : 0, ctx.cols);
}

export const scp = defineCommand({
  name: 'scp',
  summary: 'secure copy (remote file copy program) between the servers of the pool',
  usage: 'scp [-pqr] [[user@]host1:]file1 ... [[user@]host2:]file2',
  run(ctx) {
    let recursive = false;
    let quiet = false;
    const specs: string[] = [];
    const args = ctx.args;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        specs.push(...args.slice(i + 1));
        break;
      }
      if (!a.startsWith('-') || a.length === 1) {
        specs.push(a);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (WITH_ARG.includes(c)) {
          if (j + 1 === a.length && args[++i] === undefined) return fail(`scp: option requires an argument -- ${c}\n${USAGE}`, 1);
          break;
        }
        if (!FLAGS.includes(c)) return fail(`scp: illegal option -- ${c}\n${USAGE}`, 1);
        if (c === 'r') recursive = true;
        if (c === 'q') quiet = true;
      }
    }
    if (specs.length < 2) return fail(USAGE, 1);
    const to = place(ctx, specs[specs.length - 1]!);
    if (typeof to === 'string') return fail(to, 1);
    const r: Copy = { out: '', err: '', failed: false };
    const meter = ctx.stdoutTty === true && !quiet;
    for (const spec of specs.slice(0, -1)) {
      const from = place(ctx, spec);
      if (typeof from === 'string') {
        r.err += from;
        r.failed = true;
        continue;
      }
      const node = lookup(ctx.world, from.host, from.path, from.remote ? '/root' : ctx.frame.cwd);
      if (!node.ok) {
        r.err += `scp: ${from.path}: ${STRERROR[node.error]}\n`;
        r.failed = true;
        continue;
      }
      copyNode(ctx, node.value, baseName(from.path), to, recursive, meter, r, from.path);
    }
    return { stdout: r.out, stderr: r.err, exitCode: r.failed ? 1 : 0 };
  },
});
