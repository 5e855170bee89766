// The less used xm subcommands: rename, sysrq, trigger, dump-core, debug-keys, the other
// schedulers (refused: Xen runs credit), and the ones the sandbox does not simulate (said so
// plainly rather than faked).
import { pyErrno } from '../../../sim/errno';
import { recordEvent } from '../../../sim/events';
import { mkdir, putNode, normalizePath, dirname, lookup } from '../../../sim/vfs';
import { wallTime } from '../../../sim/clock';
import { two } from '../../../lib/calendar';
import { destroyDomain, lookupDomain, pyInt, requestShutdown, restartDomain } from '../../../sim/xen/domains';
import { xendLog } from '../../../sim/xen/xend-log';
import { renameDomain } from '../../../sim/xen/domain-settings';
import { gnuGetopt } from './getopt';
import type { CommandContext, CommandOutcome } from '../../types';
import type { DomainState } from '../../../sim/types';
import { argCheck, done, faultError, invalidArgument, noSuchDomain, optionError, plainError, type XmSubcommand } from './subcommand';

export const rename: XmSubcommand = {
  name: 'rename',
  run(ctx, args) {
    const bad = argCheck(ctx, 'rename', args, 2);
    if (bad) return bad;
    const [ref, to] = args as [string, string];
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    const err = renameDomain(ctx.world, ctx.host, t, ref, to);
    return err === null ? done() : faultError(ctx, 'rename', err);
  },
};

type Guest = { kind: 'error'; error: CommandOutcome } | { kind: 'dom0' } | { kind: 'guest'; d: DomainState };

/** A running guest of this host, or the error outcome. */
function runningGuest(ctx: CommandContext, name: string, ref: string): Guest {
  const t = lookupDomain(ctx.world, ctx.host, ref);
  if (!t) return { kind: 'error', error: noSuchDomain(ref) };
  if (t.kind === 'dom0') return { kind: 'dom0' };
  if (t.d.domid === null || t.d.host === null) return { kind: 'error', error: faultError(ctx, name, 'Domain is not running') };
  return { kind: 'guest', d: t.d };
}

export const sysrq: XmSubcommand = {
  name: 'sysrq',
  run(ctx, args) {
    const bad = argCheck(ctx, 'sysrq', args, 2);
    if (bad) return bad;
    const r = runningGuest(ctx, 'sysrq', args[0]!);
    return r.kind === 'error' ? r.error : done();
  },
};

export const trigger: XmSubcommand = {
  name: 'trigger',
  run(ctx, args) {
    const bad = argCheck(ctx, 'trigger', args, 2, 3);
    if (bad) return bad;
    if (args.length === 3 && pyInt(args[2]!) === null) return invalidArgument(ctx, 'trigger');
    const r = runningGuest(ctx, 'trigger', args[0]!);
    if (r.kind === 'error') return r.error;
    if (r.kind === 'dom0') return faultError(ctx, 'trigger', `Cannot send trigger to privileged domain ${args[0]}`);
    const what = args[1]!;
    if (!['nmi', 'reset', 'init', 's3resume', 'power'].includes(what)) return faultError(ctx, 'trigger', `Invalid trigger: ${what}`);
    if (what === 'reset') restartDomain(ctx.world, r.d, 'reset');
    if (what === 'power') requestShutdown(ctx.world, r.d, 'poweroff');
    return done();
  },
};

export const dumpCore: XmSubcommand = {
  name: 'dump-core',
  complete: 'domains',
  run(ctx, args) {
    const g = gnuGetopt(args, 'LCR', ['live', 'crash', 'reset']);
    if (!g.ok) return optionError(ctx, 'dump-core', g.error);
    const has = (s: string, l: string) => g.opts.some(([k]) => k === s || k === l);
    const crash = has('-C', '--crash');
    const reset = has('-R', '--reset');
    if (crash && reset) return optionError(ctx, 'dump-core', "You may not specify more than one '-CR' option");
    if (g.args.length < 1 || g.args.length > 2) return optionError(ctx, 'dump-core', 'Expects 1 or 2 argument(s)');
    const ref = g.args[0]!;
    const r = runningGuest(ctx, 'dump-core', ref);
    const head = `Dumping core of domain: ${ref} ...\n`;
    if (r.kind === 'error') return { ...r.error, stdout: head + r.error.stdout, stderrFirst: false };
    if (r.kind === 'dom0') return { ...faultError(ctx, 'dump-core', `Cannot dump core for privileged domain ${ref}`), stdout: head };
    const d = r.d;
    const now = wallTime(ctx.world);
    const stamp = `${now.getUTCFullYear()}-${two(now.getUTCMonth() + 1)}${two(now.getUTCDate())}-${two(now.getUTCHours())}${two(now.getUTCMinutes())}.${two(now.getUTCSeconds())}`;
    const file = g.args[1] ? normalizePath(g.args[1], ctx.frame.cwd) : `/var/xen/dump/${stamp}-${d.name}.${d.domid}.core`;
    if (!g.args[1]) mkdir(ctx.world, ctx.host, '/var/xen/dump', '/', true);
    if (!lookup(ctx.world, ctx.host, dirname(file)).ok) return { ...faultError(ctx, 'dump-core', `Failed to dump core: ${pyErrno('ENOENT')}: '${file}'`), stdout: head };
    putNode(ctx.world, ctx.host, file, { type: 'file', mode: 0o600, mtimeMs: ctx.world.clockMs, content: '', sizeBytes: d.memoryMiB * 1048576 + 8192 });
    xendLog(ctx.world, ctx.host, 'INFO', 'XendDomainInfo:2126', `Domain core dump requested for domain ${d.name} (${d.domid}) live=${has('-L', '--live') ? 1 : 0} crash=${crash ? 1 : 0} reset=${reset ? 1 : 0}.`);
    recordEvent(ctx.world, ctx.host.name, 'domain.dumped', `${d.name} core dumped to ${file}`);
    if (crash) destroyDomain(ctx.world, d, 'crashed');
    else if (reset) restartDomain(ctx.world, d, 'reset');
    return done(head);
  },
};

export const debugKeys: XmSubcommand = {
  name: 'debug-keys',
  complete: 'none',
  run(ctx, args) {
    return argCheck(ctx, 'debug-keys', args, 1) ?? done();
  },
};

/** Another scheduler's command on a credit-scheduler Xen: `err(...); sys.exit(1)`. */
function otherScheduler(name: string): XmSubcommand {
  return { name, complete: 'none', run: () => plainError('Xen is running with the credit scheduler') };
}

export const schedSedf = otherScheduler('sched-sedf');
export const schedCredit2 = otherScheduler('sched-credit2');

/** Subcommands xm has that the sandbox does not simulate. */
export const NOT_SIMULATED = [
  'vncviewer', 'shell', 'serve', 'usb-add', 'usb-del', 'block-attach', 'block-configure', 'block-detach', 'network-attach', 'network-detach',
  'network2-attach', 'network2-detach', 'network2-list', 'vnet-create', 'vnet-delete', 'vnet-list', 'vtpm-list', 'pci-attach', 'pci-detach', 'pci-list',
  'pci-list-assignable-devices', 'scsi-attach', 'scsi-detach', 'scsi-list', 'usb-attach', 'usb-detach', 'usb-list', 'usb-list-assignable-devices',
  'usb-hc-create', 'usb-hc-destroy', 'tmem-list', 'tmem-thaw', 'tmem-freeze', 'tmem-destroy', 'tmem-set', 'tmem-freeable', 'tmem-shared-auth',
  'cpupool-create', 'cpupool-new', 'cpupool-start', 'cpupool-list', 'cpupool-destroy', 'cpupool-delete', 'cpupool-cpu-add', 'cpupool-cpu-remove',
  'cpupool-migrate', 'addlabel', 'rmlabel', 'getlabel', 'dry-run', 'resources', 'dumppolicy', 'setpolicy', 'resetpolicy', 'getpolicy', 'labels',
  'getenforce', 'setenforce', 'event-monitor', 'network-new', 'network-del', 'network-show', 'tmem-flush',
];

export const notSimulated: XmSubcommand[] = NOT_SIMULATED.map((name) => ({
  name,
  complete: 'none',
  run: () => ({ stdout: '', stderr: `xm ${name}: not simulated in this sandbox\n`, exitCode: 1 }),
}));

