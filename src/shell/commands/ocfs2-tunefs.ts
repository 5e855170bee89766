// tunefs.ocfs2 (ocfs2ne.c): option parsing with its own messages (opterr = 0), then the
// operations in run_operations' order — resize first, online-capable ones in a first pass when
// the volume is mounted somewhere, the rest after (which then fail the cluster trylock).
import { defineArgs } from '../args';
import { defineCommand, type CommandOutcome } from '../types';
import { TUNEFS_USAGE, checkQueryFormat, renderQuery } from '../../sim/render/tunefs';
import { changeSlots, lockFor, openDevice, relabel, resetUuid, resizeVolume, tunefsNumber, updateClusterStack, type TunefsOp } from '../../sim/storage/ocfs2/ocfs2-tunefs';
import { o2cbNode, toolsVersion } from '../../sim/storage/ocfs2/o2cb';
import { Out, ask, saysYes } from './ocfs2-prompt';
import type { CommandContext } from '../types';

const ARGS = defineArgs({
  prog: 'tunefs.ocfs2',
  tryHelp: false,
  options: [
    { short: 'h', long: 'help' },
    { short: 'V', long: 'version' },
    { short: 'i', long: 'interactive' },
    { short: 'p', long: 'progress' },
    { short: 'v', long: 'verbose' },
    { short: 'q', long: 'quiet' },
    { short: 'L', long: 'label', arg: 'required' },
    { short: 'N', long: 'node-slots', arg: 'required' },
    { short: 'S', long: 'volume-size', arg: 'optional' },
    { short: 'U', long: 'uuid-reset', arg: 'optional' },
    { short: 'J', long: 'journal-options', arg: 'required' },
    { short: 'Q', long: 'query', arg: 'required' },
    { long: 'list-sparse' },
    { short: 'M', long: 'mount', arg: 'required' },
    { long: 'backup-super' },
    { long: 'fs-features', arg: 'required' },
    { long: 'update-cluster-stack' },
    { long: 'cloned-volume', arg: 'optional' },
    { long: 'usrquota-sync-interval', arg: 'required' },
    { long: 'grpquota-sync-interval', arg: 'required' },
    { short: 'y', long: 'yes' },
    { short: 'n', long: 'no' },
  ],
  onError: (e, ctx) => usageErr(remapError(e.message, ctx.args)),
});

const P = 'tunefs.ocfs2: ';
const usageErr = (msg: string): CommandOutcome => ({ stdout: '', stderr: `${P}${msg}\n${TUNEFS_USAGE}`, exitCode: 1 });

/** glibc's getopt messages turned into ocfs2ne's own (it sets opterr = 0). */
function remapError(error: string, argv: readonly string[]): string {
  let m = /^invalid option -- '(.)'$/.exec(error);
  if (m) return `Invalid option: '-${m[1]}'`;
  m = /^option requires an argument -- '(.)'$/.exec(error);
  if (m) return `Option '-${m[1]}' requires an argument`;
  m = /^option '(--[^'=]+)' requires an argument$/.exec(error);
  if (m) return `Option '${m[1]}' requires an argument`;
  const word = /'(--[^']*)'/.exec(error)?.[1] ?? argv.find((a) => a.startsWith('--')) ?? '';
  return `Invalid option: '${word}'`;
}

export const tunefs = defineCommand({
  name: 'tunefs.ocfs2',
  dir: '/sbin',
  summary: 'change or query OCFS2 file system parameters',
  usage: 'tunefs.ocfs2 [options] <device> [new-size]',
  args: ARGS,
  run(ctx) {
    const a = ctx.parsed;
    const seen = new Set<string>();
    for (const { key } of a.list) {
      if (key === 'verbose' || key === 'quiet') continue;
      if (seen.has(key)) {
        const opt = ARGS.options.find((o) => (o.long ?? o.short) === key);
        return usageErr(`Option '-${opt?.short ?? key}' specified more than once`);
      }
      seen.add(key);
    }
    if (a.has('help')) return { stdout: TUNEFS_USAGE, stderr: '', exitCode: 0 };
    if (a.has('version')) return { stdout: '', stderr: `tunefs.ocfs2 ${toolsVersion(ctx.host)}\n`, exitCode: 0 };
    const ops: TunefsOp[] = [];
    for (const { key, value } of a.list) {
      if (key === 'label') ops.push({ kind: 'label', label: value ?? '' });
      else if (key === 'node-slots') {
        const v = value ?? '';
        if (!/^-?\d+$/.test(v)) return usageErr(`Invalid number: "${v}"`);
        if (Number(v) < 1) return usageErr('At least one slot required');
        ops.push({ kind: 'slots', slots: Number(v) });
      } else if (key === 'query') {
        if (!checkQueryFormat(value ?? '')) return usageErr(`Unknown type specifier in the query format: "${value}"`);
        ops.push({ kind: 'query', format: value ?? '' });
      } else if (key === 'uuid-reset') {
        const u = value ?? null;
        if (u !== null && !/^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.test(u)) return usageErr(`Invalid UUID: "${u}"`);
        ops.push({ kind: 'uuid', uuid: u });
      } else if (key === 'update-cluster-stack') ops.push({ kind: 'update-cluster-stack' });
      else if (['journal-options', 'mount', 'backup-super', 'fs-features', 'list-sparse', 'cloned-volume', 'usrquota-sync-interval', 'grpquota-sync-interval'].includes(key)) {
        return { stdout: '', stderr: `${P}this operation is not simulated in OVM Sandbox\n`, exitCode: 1 };
      }
    }
    const [device, size, ...extra] = a.operands;
    if (device === undefined) return usageErr('No device specified');
    if (a.has('volume-size')) {
      const unitArg = a.value('volume-size');
      const unit = (unitArg ?? 'blocks').replace(/:$/, '');
      if (unit !== 'bytes' && unit !== 'blocks' && unit !== 'clusters') return usageErr(`Invalid number - new size is invalid: ${unitArg}`);
      let count: number | null = null;
      if (size !== undefined) {
        count = tunefsNumber(size);
        if (count === null) return usageErr(`Invalid number - new size is invalid: ${size}`);
      }
      ops.unshift({ kind: 'resize', unit, count });
    } else if (size !== undefined) return usageErr('Too many arguments');
    if (extra.length) return usageErr('Too many arguments');
    return runOps(ctx, device, ops, a.count('verbose') > 0, a.has('yes'));
  },
});

/** run_operations: open, run what this open allows, reopen for the rest. */
function runOps(ctx: CommandContext, device: string, ops: TunefsOp[], verbose: boolean, yes: boolean): CommandOutcome {
  const w = new Out();
  const done = (code: number): CommandOutcome => w.done(code);
  let pending = [...ops];
  for (let pass = 0; pending.length && pass < 8; pass++) {
    const opened = openDevice(ctx.world, ctx.host, device, ctx.frame.cwd);
    if (!opened.ok) {
      w.err(opened.stderr);
      return done(1);
    }
    const { dev, vol } = opened;
    const readOnly = pending.every((o) => o.kind === 'query');
    let runnable = pending;
    if (!readOnly) {
      const onlineCapable = pending.some((o) => o.kind === 'resize');
      const noCluster = pending.some((o) => o.kind === 'update-cluster-stack');
      const running = o2cbNode(ctx.world, ctx.host.name).running;
      const mismatch = noCluster && !vol.local && !!running && JSON.stringify(vol.clusterInfo?.name ?? null) !== JSON.stringify(running.heartbeatMode === 'global' ? running.name : null);
      const lock = lockFor(ctx.world, ctx.host, vol, device, onlineCapable, mismatch);
      if (lock.mode === 'error') {
        w.err(lock.stderr);
        return done(1);
      }
      if (lock.mode === 'online') runnable = pending.filter((o) => o.kind === 'resize');
      if (mismatch) runnable = pending.filter((o) => o.kind === 'update-cluster-stack');
    }
    pending = pending.filter((o) => !runnable.includes(o));
    for (const op of runnable) {
      switch (op.kind) {
        case 'query':
          w.out(renderQuery(op.format, vol));
          break;
        case 'resize': {
          const r = resizeVolume(vol, dev, device, op, verbose);
          w.out(r.stdout).err(r.stderr);
          if (r.exitCode) return done(1);
          break;
        }
        case 'label':
          relabel(vol, op.label);
          break;
        case 'slots': {
          const r = changeSlots(vol, device, op.slots);
          w.err(r.stderr);
          if (r.exitCode) return done(1);
          break;
        }
        case 'uuid':
          resetUuid(ctx.world, vol, op.uuid);
          break;
        case 'update-cluster-stack': {
          const question = 'Updating on-disk cluster information to match the running cluster.\nDANGER: YOU MUST BE ABSOLUTELY SURE THAT NO OTHER NODE IS USING THIS FILESYSTEM BEFORE MODIFYING ITS CLUSTER CONFIGURATION.\nUpdate the on-disk cluster information? ';
          const running = o2cbNode(ctx.world, ctx.host.name).running;
          const sameAlready = JSON.stringify(vol.clusterInfo?.name ?? null) === JSON.stringify(running?.heartbeatMode === 'global' ? running.name : null);
          if (sameAlready) {
            if (verbose) w.out(`Device "${device}" is already configured for the running cluster; nothing to do\n`);
            break;
          }
          const apply = () => {
            updateClusterStack(ctx.world, ctx.host, vol);
          };
          if (yes) {
            apply();
            break;
          }
          const rest = pending;
          return ask(w, question, ctx.stdin, (answer) => {
            if (!saysYes(answer)) return { text: '', exitCode: 0 };
            apply();
            const more = rest.length ? runOps(ctx, device, rest, verbose, yes) : { stdout: '', stderr: '', exitCode: 0 };
            return { text: more.stdout, err: more.stderr, exitCode: more.exitCode };
          }, { text: '\ntunefs.ocfs2: Caught signal 2, exiting\n', exitCode: 1 });
        }
      }
    }
  }
  return done(0);
}
