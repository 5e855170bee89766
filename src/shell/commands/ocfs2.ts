// OCFS2 tools: mkfs.ocfs2, tunefs.ocfs2 (ocfs2-tunefs.ts), mounted.ocfs2 and fsck.ocfs2 -n.
// Parsing and wording here; decisions in sim/storage/ocfs2-*.ts; layouts in sim/render.
import { STRERROR } from '../../sim/errno';
import { defineArgs } from '../args';
import { defineCommand, type CommandOutcome, type CommandSpec } from '../types';
import { MKFS_USAGE, UUID_WARNING, renderClusterStack, renderMkfsSteps, renderMkfsSummary } from '../../sim/render/mkfs-ocfs2';
import { MOUNTED_USAGE, renderMountedFull, renderMountedQuick, type MountedRow } from '../../sim/render/mounted-ocfs2';
import { checkVolume, formatVolume, newVolumeUuid, pickClusterInfo, planVolume, type MkfsOptions } from '../../sim/storage/ocfs2/ocfs2-mkfs';
import { devicesWithVolumes, volumeAtPath } from '../../sim/storage/ocfs2/ocfs2-volumes';
import { clusterOnline, o2cbNode, toolsVersion } from '../../sim/storage/ocfs2/o2cb';
import { hostsMounting } from '../../sim/storage/ocfs2/mounts';
import type { FeatureLevel } from '../../sim/storage/ocfs2/ocfs2-geometry';
import { Out, ask, saysYes, type Answered } from './ocfs2-prompt';
import { tunefs } from './ocfs2-tunefs';
import type { CommandContext } from '../types';
import type { Ocfs2FsType, Ocfs2Volume } from '../../sim/storage/ocfs2/ocfs2-types';

const MKFS_ARGS = defineArgs({
  prog: 'mkfs.ocfs2',
  tryHelp: false,
  usageLine: MKFS_USAGE.trimEnd(),
  options: [
    { short: 'b', long: 'block-size', arg: 'required' },
    { short: 'C', long: 'cluster-size', arg: 'required' },
    { short: 'L', long: 'label', arg: 'required' },
    { short: 'N', long: 'node-slots', arg: 'required' },
    { short: 'v', long: 'verbose' },
    { short: 'q', long: 'quiet' },
    { short: 'V', long: 'version' },
    { short: 'J', long: 'journal-options', arg: 'required' },
    { short: 'H', long: 'heartbeat-device' },
    { short: 'F', long: 'force' },
    { short: 'M', long: 'mount', arg: 'required' },
    { short: 'n', long: 'dry-run' },
    { short: 'x' },
    { short: 'T', arg: 'required' },
    { short: 'U', arg: 'required' },
    { long: 'no-backup-super' },
    { long: 'fs-feature-level', arg: 'required' },
    { long: 'fs-features', arg: 'required' },
    { long: 'cluster-stack', arg: 'required' },
    { long: 'cluster-name', arg: 'required' },
    { long: 'global-heartbeat' },
  ],
});

const err = (stderr: string, stdout = ''): CommandOutcome => ({ stdout, stderr, exitCode: 1 });
const usage = (): CommandOutcome => err(MKFS_USAGE);

/** mkfs.c get_number: strtoull base 0 with K/M/G. */
function sizeNumber(arg: string): number | null {
  const m = /^(0x[0-9a-f]+|\d+)([kmgb]?)$/i.exec(arg);
  if (!m) return null;
  const n = Number(m[1]);
  const s = m[2]!.toLowerCase();
  return n * (s === 'g' ? 1024 ** 3 : s === 'm' ? 1024 ** 2 : s === 'k' ? 1024 : 1);
}

/** get_valid_size: the largest power of two in range not above the value. */
function validPow2(n: number, lo: number, hi: number): number {
  let best = lo;
  for (let v = lo; v <= hi; v *= 2) {
    if (v === n) return n;
    if (v < n) best = v;
    else break;
  }
  return best;
}

const KNOWN_FEATURES = new Set(['local', 'sparse', 'backup-super', 'unwritten', 'extended-slotmap', 'inline-data', 'metaecc', 'xattr', 'indexed-dirs', 'usrquota', 'grpquota', 'refcount', 'discontig-bg', 'append-dio']);

/** Walks the options in order, as get_state's getopt loop does, stopping at the first bad one. */
function mkfsOptions(list: ReadonlyArray<{ key: string; value: string | undefined }>): { ok: true; o: MkfsOptions; version: boolean } | { ok: false; out: CommandOutcome } {
  const p = 'mkfs.ocfs2: ';
  const o: MkfsOptions = { fsType: null, level: 'default', featuresOn: [], featuresOff: [], mount: null, force: false, dryRun: false, quiet: false, xtool: false, noBackupSuper: false, hbDev: false, globalHeartbeat: false };
  let version = false;
  for (const { key, value: v = '' } of list) {
    switch (key) {
      case 'block-size': {
        const n = sizeNumber(v);
        if (n === null || n < 512 || n > 4096) return { ok: false, out: err(`${p}Specify a blocksize between 512 and 4096 in powers of 2\n`) };
        o.blockSize = validPow2(n, 512, 4096);
        break;
      }
      case 'cluster-size': {
        const n = sizeNumber(v);
        if (n === null || n < 4096 || n > 1048576) return { ok: false, out: err(`${p}Specify a clustersize between 4096 and 1048576 in powers of 2\n`) };
        o.clusterSize = validPow2(n, 4096, 1048576);
        break;
      }
      case 'label':
        if (v.length >= 64) return { ok: false, out: err(`${p}Volume label too long: must be less than 64 characters\n`) };
        o.label = v;
        break;
      case 'mount':
        if (/^local/i.test(v)) o.mount = 'local';
        else if (/^cluster/i.test(v)) o.mount = 'cluster';
        else return { ok: false, out: err(`${p}Invalid mount type ${v}\n`) };
        break;
      case 'node-slots': {
        const n = /^(0x[0-9a-f]+|\d+)$/i.test(v) ? Number(v) : v === '' ? 0 : NaN;
        if (!Number.isFinite(n) || n > 255) return { ok: false, out: err(`${p}Initial node slots must be no more than 255\n`) };
        if (n < 1) return { ok: false, out: err(`${p}Initial node slots must be at least 1\n`) };
        o.slots = n;
        break;
      }
      case 'journal-options': {
        const m = /^size=(.+)$/.exec(v);
        const n = m ? sizeNumber(m[1]!) : null;
        if (!m) return { ok: false, out: err(`${p}Bad journal options specified. Valid journal options are:\n\tsize=<journal size>\n\t[no]block32\n\t[no]block64\n\n`) };
        if (n === null || n < 4 * 1024 * 1024) return { ok: false, out: err(`${p}Invalid journal size: ${m[1]}\nSize must be greater than 4194304 bytes\n`) };
        o.journalBytes = n;
        break;
      }
      case 'U':
        o.uuid = v;
        break;
      case 'heartbeat-device':
        o.hbDev = true;
        break;
      case 'verbose':
        break;
      case 'dry-run':
        o.dryRun = true;
        break;
      case 'quiet':
        o.quiet = true;
        break;
      case 'version':
        version = true;
        break;
      case 'force':
        o.force = true;
        break;
      case 'x':
        o.xtool = true;
        break;
      case 'T':
        if (v !== 'datafiles' && v !== 'mail' && v !== 'vmstore') return { ok: false, out: err(`${p}Bad fs type option specified.\n`) };
        o.fsType = v as Ocfs2FsType;
        break;
      case 'no-backup-super':
        o.noBackupSuper = true;
        break;
      case 'fs-feature-level':
        if (v !== 'default' && v !== 'max-compat' && v !== 'max-features') return { ok: false, out: err(`${p}Unsupported feature(s) found when parsing fs-feature-level string\n`) };
        o.level = v as FeatureLevel;
        break;
      case 'fs-features':
        for (const f of v.split(',').filter(Boolean)) {
          const off = f.startsWith('no') && KNOWN_FEATURES.has(f.slice(2));
          const name = off ? f.slice(2) : f;
          if (!KNOWN_FEATURES.has(name)) return { ok: false, out: err(`${p}Unknown feature when parsing fs-features string\n`) };
          (off ? o.featuresOff : o.featuresOn).push(name);
        }
        break;
      case 'cluster-stack':
        if (!v) return { ok: false, out: err(`${p}Option --cluster-stack requires an argument\n`) };
        if (v !== 'o2cb' && v !== 'pcmk' && v !== 'cman') return { ok: false, out: err(`${p}Invalid name for a cluster stack ; unknown cluster stack '${v}'\n`) };
        o.clusterStack = v;
        break;
      case 'cluster-name':
        if (!v) return { ok: false, out: err(`${p}Option --cluster-name requires an argument\n`) };
        o.clusterName = v;
        break;
      case 'global-heartbeat':
        o.globalHeartbeat = true;
        break;
    }
  }
  return { ok: true, o, version };
}

const mkfs = defineCommand({
  name: 'mkfs.ocfs2',
  dir: '/sbin',
  summary: 'create an OCFS2 file system',
  usage: MKFS_USAGE.replace(/^usage: /, '').replace(/\n\t\t/g, ' ').trimEnd(),
  args: MKFS_ARGS,
  run(ctx) {
    const opt = mkfsOptions(ctx.parsed.list);
    if (!opt.ok) return opt.out;
    const { o } = opt;
    const ops = ctx.parsed.operands;
    const version = `mkfs.ocfs2 ${toolsVersion(ctx.host)}\n`;
    if (!ops.length && !opt.version) return usage();
    if (opt.version) return { stdout: '', stderr: version, exitCode: 0 };
    if (ops.length > 2) return usage();
    if (ops[1] !== undefined) {
      if (!/^(0x[0-9a-f]+|\d+)$/i.test(ops[1])) return err(`mkfs.ocfs2: Block count bad - ${ops[1]}\n`);
      o.blocksCount = Number(ops[1]);
    }
    const w = new Out().err(o.quiet ? '' : version);
    if (o.uuid !== undefined) {
      const u = o.uuid.replace(/^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i, '$1-$2-$3-$4-$5');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(u)) return w.err('mkfs.ocfs2: Invalid UUID specified\n').done(1);
      w.out(UUID_WARNING);
    }
    if (o.featuresOn.some((f) => o.featuresOff.includes(f))) {
      return w.err('mkfs.ocfs2: Conflicting features specified while reconciling specified features with chosen defaults\n').done(1);
    }
    const devPath = ops[0]!;
    const dev = volumeAtPath(ctx.world, ctx.host.name, devPath, ctx.frame.cwd).dev;
    const info = pickClusterInfo(ctx.world, ctx.host, dev, o);
    if (!info.ok) return w.err(info.stderr).done(1);
    w.out(renderClusterStack(info.info));
    const check = checkVolume(ctx.world, ctx.host, devPath, dev, o);
    w.out(check.stdout).err(check.stderr);
    if (check.kind === 'error') return w.done(1);
    const proceed = (): Answered => {
      if (!dev) return { text: '', err: `mkfs.ocfs2: Could not open device ${devPath}: ${STRERROR.ENOENT}\n`, exitCode: 1 };
      if (!dev.visible) return { text: '', err: `mkfs.ocfs2: Could not open device ${devPath}: ${STRERROR.EIO}\n`, exitCode: 1 };
      const plan = planVolume(ctx.host, dev.sizeBytes, o, info.info);
      if (!plan.ok) return { text: '', err: plan.stderr, exitCode: 1 };
      let text = o.quiet ? '' : renderMkfsSummary(plan.plan);
      if (o.dryRun) return { text, exitCode: 0 };
      const uuid = o.uuid ? o.uuid.replace(/-/g, '').toUpperCase() : newVolumeUuid(ctx.world);
      formatVolume(ctx.world, ctx.host, dev, plan.plan, uuid);
      if (!o.quiet) text += renderMkfsSteps(plan.plan);
      return { text, exitCode: 0 };
    };
    if (check.existing && !o.xtool) {
      return ask(w, 'Proceed (y/N): ', ctx.stdin, (answer) => {
        if (!saysYes(answer)) return { text: answer === null ? '\nAborting operation.\n' : 'Aborting operation.\n', exitCode: 1 };
        return proceed();
      }, { text: '\nProcess Interrupted.\n', exitCode: 1 });
    }
    const r = proceed();
    return w.out(r.text).err(r.err ?? '').done(r.exitCode);
  },
});

/** mounted.ocfs2: every visible device with an OCFS2 superblock, or the one named. */
const mounted = defineCommand({
  name: 'mounted.ocfs2',
  dir: '/sbin',
  summary: 'detect OCFS2 volumes and the nodes that mount them',
  usage: 'mounted.ocfs2 [-dfv] [device]',
  run(ctx) {
    if (!ctx.args.length) return { stdout: MOUNTED_USAGE, stderr: '', exitCode: 1 };
    let full = false;
    let i = 0;
    // getopt with opterr: unknown letters are reported and ignored.
    let stderr = '';
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (const c of a.slice(1)) {
        if (c === 'd') full = false;
        else if (c === 'f') full = true;
        else if (c !== 'v') stderr += `mounted.ocfs2: invalid option -- '${c}'\n`;
      }
    }
    const device = ctx.args[i];
    const v14 = ctx.host.release === 'ovm22';
    const rows: MountedRow[] = [];
    const names = nodeNames(ctx);
    const toRow = (path: string, vol: Ocfs2Volume): MountedRow => ({ device: path, vol, nodes: vol.slotMap.filter((h): h is string => h !== null && hostsMounting(ctx.world, vol).includes(h)).map((h) => names(h)) });
    if (device) {
      const { dev, vol } = volumeAtPath(ctx.world, ctx.host.name, device, ctx.frame.cwd);
      if (dev?.visible && vol) rows.push(toRow(device, vol));
    } else {
      for (const { dev, vol } of devicesWithVolumes(ctx.world, ctx.host.name)) rows.push(toRow(dev.path, vol));
    }
    const out = full ? renderMountedFull(rows, v14) : renderMountedQuick(rows, v14);
    return { stdout: out, stderr, exitCode: 0, stderrFirst: true };
  },
});

/** How mounted.ocfs2 -f names a node: its name in the running cluster, else its number. */
function nodeNames(ctx: CommandContext): (host: string) => string {
  const r = o2cbNode(ctx.world, ctx.host.name).running;
  return (host) => {
    if (r?.nodes.some((n) => n.name === host)) return host;
    const num = o2cbNode(ctx.world, host).running?.nodes.find((n) => n.name === host)?.number;
    return num === undefined ? host : String(num);
  };
}

const FSCK_USAGE =
  'Usage: fsck.ocfs2 {-y|-n|-p} [ -fGnuvVy ] [ -b superblock block ]\n\t\t    [ -B block size ] [-r num] device\n\nCritical flags for emergency repair:\n -n\t\tCheck but don\'t change the file system\n -y\t\tAnswer \'yes\' to all repair questions\n -p\t\tAutomatic repair (no questions, only safe repairs)\n -f\t\tForce checking even if file system is clean\n -F\t\tIgnore cluster locking (dangerous!)\n -r\t\trestore backup superblock(dangerous!)\n\nLess critical flags:\n -b superblock\tTreat given block as the super block\n -B blocksize\tForce the given block size\n -G\t\tAsk to fix mismatched inode generations\n -P\t\tShow progress\n -t\t\tShow I/O statistics\n -tt\t\tShow I/O statistics per pass\n -u\t\tAccess the device with buffering\n -V\t\tOutput fsck.ocfs2\'s version\n -v\t\tProvide verbose debugging output\n';

/** fsck.ocfs2: the check of a clean volume (the sandbox never corrupts one yet), -n or read-write. */
const fsck = defineCommand({
  name: 'fsck.ocfs2',
  dir: '/sbin',
  summary: 'check an OCFS2 file system',
  usage: 'fsck.ocfs2 {-y|-n|-p} [ -fGnuvVy ] [ -b superblock block ] [ -B block size ] [-r num] device',
  run(ctx) {
    const version = `fsck.ocfs2 ${toolsVersion(ctx.host)}\n`;
    let readOnly = false;
    let force = false;
    let skipCluster = false;
    const operands: string[] = [];
    for (const a of ctx.args) {
      if (a.startsWith('-') && a.length > 1) {
        for (const c of a.slice(1)) {
          if (c === 'n') readOnly = true;
          else if (c === 'f') force = true;
          else if (c === 'F') skipCluster = true;
          else if (c === 'V') return { stdout: '', stderr: version, exitCode: 16 };
          else if (!'DGpuvyatP'.includes(c)) return { stdout: '', stderr: `fsck.ocfs2: invalid option -- '${c}'\n${FSCK_USAGE}`, exitCode: 16 };
        }
      } else operands.push(a);
    }
    if (!operands.length) return { stdout: '', stderr: `Missing filename\n${FSCK_USAGE}`, exitCode: 16 };
    const path = operands[0]!;
    const { dev, vol } = volumeAtPath(ctx.world, ctx.host.name, path, ctx.frame.cwd);
    const report = (): { text: string; err: string; code: number } => {
      if (!dev) return { text: '', err: `fsck.ocfs2: Device name specified was not found while opening "${path}"\n`, code: 8 };
      if (!dev.visible) return { text: '', err: `fsck.ocfs2: I/O error on channel while opening "${path}"\n`, code: 8 };
      if (!vol) return { text: '', err: `fsck.ocfs2: Bad magic number in superblock while opening "${path}"\n`, code: 8 };
      if (!readOnly && !skipCluster && !vol.local) {
        // As the source does: these failures jump to close without setting an error bit.
        if (!o2cbNode(ctx.world, ctx.host.name).loaded || !clusterOnline(ctx.world, ctx.host.name)) return { text: '', err: 'fsck.ocfs2: Unable to access cluster service while initializing the cluster\n', code: 0 };
        if (hostsMounting(ctx.world, vol).length) return { text: '', err: 'fsck.ocfs2: Trylock failed while locking down the cluster\n', code: 0 };
      }
      const blocks = (vol.clusters * vol.clusterSize) / vol.blockSize;
      let text = `Checking OCFS2 filesystem in ${path}:\n  Label:              ${vol.label || '<NONE>'}\n  UUID:               ${vol.uuid}\n  Number of blocks:   ${blocks}\n  Block size:         ${vol.blockSize}\n  Number of clusters: ${vol.clusters}\n  Cluster size:       ${vol.clusterSize}\n  Number of slots:    ${vol.slots}\n\n`;
      if (readOnly) text += '** Skipping slot recovery because -n was given. **\n';
      if (force) text += `${path} was run with -f, check forced.\nPass 0a: Checking cluster allocation chains\nPass 0b: Checking inode allocation chains\nPass 0c: Checking extent block allocation chains\nPass 1: Checking inodes and blocks.\nPass 2: Checking directory entries.\nPass 3: Checking directory connectivity.\nPass 4a: checking for orphaned inodes\nPass 4b: Checking inodes link counts.\nAll passes succeeded.\n\n`;
      else text += `${path} is clean.  It will be checked after 20 additional mounts.\n`;
      return { text, err: '', code: 0 };
    };
    const mountedHere = !!vol && ctx.host.mounts.some((m) => m.fsId === vol.fsId);
    if (mountedHere || (skipCluster && !!vol)) {
      const warn = mountedHere
        ? readOnly
          ? '\nWARNING!!! Running fsck.ocfs2 (read-only) on a mounted filesystem may detect invalid errors.\n\n'
          : '\nWARNING!!! Running fsck.ocfs2 on a mounted filesystem may cause SEVERE filesystem damage.\n\n'
        : '\nWARNING!!! You have disabled the cluster check. Continue only if you\nare absolutely sure that NO node has this filesystem mounted or is\notherwise accessing it. If unsure, do NOT continue.\n\n';
      return ask(new Out().err(version).out(warn), 'Do you really want to continue (y/N): ', ctx.stdin, (answer) => {
        if (!saysYes(answer)) return { text: answer === null ? '\nAborting operation.\n' : 'Aborting operation.\n', exitCode: 32 };
        const r = report();
        return { text: r.text, err: r.err, exitCode: r.code };
      }, { text: '\nProcess Interrupted.\n', exitCode: 1 });
    }
    const r = report();
    return new Out().err(version).out(r.text).err(r.err).done(r.code);
  },
});

export const ocfs2: readonly CommandSpec[] = [mkfs, tunefs, mounted, fsck];
