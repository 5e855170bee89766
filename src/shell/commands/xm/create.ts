// `xm create` (reference §1.6) and the xend-managed lifecycle: `xm new`, `start`, `delete`,
// `suspend`, `resume`. create prints `Using config file "…".` then `Started domain NAME (id=N)`.
import { STRERROR } from '../../../sim/errno';
import { prettySxp, type Sxp } from '../../../sim/render/xm-sxp';
import { restoreDomain, saveDomain } from '../../../sim/xen/checkpoint';
import { startRecord, xendCreate, xendDefine } from '../../../sim/xen/create';
import { lookupDomain } from '../../../sim/xen/domains';
import { domainCpu } from '../../../sim/stats';
import { lookup, mkdir, remove } from '../../../sim/vfs';
import { consoleProgram } from './console';
import { gnuGetopt } from './getopt';
import { loadVmConfig } from './load-config';
import { CREATE_OPTS } from './module-opts';
import { parseOpts } from './opts';
import { argCheck, done, faultError, getoptError, noSuchDomain, optionError, plainError, type XmSubcommand } from './subcommand';
import type { VmConfig } from '../../../sim/xen/vm-config';

/** What `xm create -n` prints: create.py's make_config, the SXP xm would send to xend. */
function dryRunSxp(c: VmConfig): Sxp {
  const set = (k: string) => c.setKeys.includes(k);
  const out: Sxp[] = ['vm', ['name', c.name], ['memory', c.memoryMiB]];
  if (set('maxmem')) out.push(['maxmem', c.maxMemMiB]);
  if (set('on_poweroff')) out.push(['on_poweroff', c.onPoweroff]);
  if (set('on_reboot')) out.push(['on_reboot', c.onReboot]);
  if (set('on_crash')) out.push(['on_crash', c.onCrash]);
  if (set('maxvcpus')) out.push(['vcpu_avail', 2 ** c.vcpus - 1]);
  out.push(['vcpus', c.maxVcpus]);
  if (c.uuid) out.push(['uuid', c.uuid]);
  if (c.cpus) out.push(['cpus', c.cpus]);
  if (c.cap !== undefined) out.push(['cpu_cap', c.cap]);
  if (c.weight !== undefined) out.push(['cpu_weight', c.weight]);
  if (c.bootloader) out.push(['bootloader', c.bootloader], ['bootloader_args', '-q']);
  const image: Sxp[] = [c.builder];
  if (c.kernel) image.push(['kernel', c.kernel]);
  image.push(['videoram', 4]);
  if (c.builder === 'hvm') {
    image.push(['acpi', 1], ['apic', 1]);
    if (c.boot) image.push(['boot', c.boot]);
    image.push(['device_model', '/usr/lib/xen/bin/qemu-dm'], ['guest_os_type', 'default'], ['hap', 1], ['hpet', 0], ['isa', 0]);
    if (c.keymap) image.push(['keymap', c.keymap]);
    image.push(['localtime', 0], ['monitor', 0], ['nographic', 0], ['oos', 1], ['pae', 1], ['pci', []], ['pci_msitranslate', 1], ['pci_power_mgmt', 0], ['rtc_timeoffset', 0]);
    if (c.serial) image.push(['serial', c.serial]);
    image.push(['stdvga', 0], ['timer_mode', 1], ['usb', 0], ['vcpus', c.vcpus], ['vnc', c.vnc ? 1 : 0], ['vncunused', 1], ['viridian', 0], ['vpt_align', 1], ['xen_platform_pci', 1]);
  }
  image.push(['tsc_mode', 0], ['nomigrate', 0]);
  out.push(['image', image], ['s3_integrity', 1]);
  for (const v of c.disks) out.push(['device', ['vbd', ['uname', `${v.prefix ?? `${v.kind}:`}${v.path}`], ['dev', `${v.vdev}${v.cdrom ? ':cdrom' : ''}`], ['mode', v.mode]]]);
  for (const v of c.vifs) {
    const vif: Sxp[] = ['vif'];
    if (v.mac) vif.push(['mac', v.mac]);
    if (v.bridge) vif.push(['bridge', v.bridge]);
    if (v.type) vif.push(['type', v.type]);
    if (v.model) vif.push(['model', v.model]);
    out.push(['device', vif]);
  }
  return out;
}

function createLike(name: 'create' | 'new'): XmSubcommand {
  return {
    name,
    complete: 'files',
    run(ctx, args) {
      const p = parseOpts(CREATE_OPTS, args);
      if (!p.ok) return optionError(ctx, ctx.args[0] ?? name, p.error, p.usage);
      if (p.values.has('help')) return done();
      if (p.values.has('help_config')) return done('\n');
      const sxpFile = p.values.get('config');
      if (typeof sxpFile === 'string') {
        if (!lookup(ctx.world, ctx.host, sxpFile, ctx.frame.cwd).ok) return optionError(ctx, ctx.args[0] ?? name, `Cannot read file ${sxpFile}: ${STRERROR.ENOENT}`);
        return plainError('SXP configuration files (-F) are not simulated; use a Python vm.cfg');
      }
      const loaded = loadVmConfig(ctx, ctx.args[0] ?? name, p.values, p.vars);
      if (!loaded.ok) return loaded.outcome;
      const { config, stdout } = loaded;
      if (p.values.has('dryrun')) return done(stdout + prettySxp(dryRunSxp(config)));
      if (p.values.has('xmldryrun')) return done(stdout);
      const { world, host } = ctx;
      if (name === 'new') {
        xendDefine(world, host, config, loaded.realPath);
        return done(stdout);
      }
      const r = xendCreate(world, host, config, loaded.realPath, p.values.has('paused'));
      if (!r.ok) return { stdout, stderr: `Error: ${r.error}\n`, exitCode: 1 };
      const started = p.values.has('quiet') ? '' : `Started domain ${r.d.name} (id=${r.d.domid})\n`;
      if (p.values.has('console_autoconnect')) return { ...done(stdout + started), program: consoleProgram(r.d.name) };
      return done(stdout + started);
    },
  };
}

export const create = createLike('create');
export const xmNew = createLike('new');

export const start: XmSubcommand = {
  name: 'start',
  run(ctx, args) {
    const g = gnuGetopt(args, 'cp', ['console_autoconnect', 'paused', 'vncviewer', 'vncviewer-autopass']);
    if (!g.ok) return getoptError(ctx, 'start', g.error);
    if (g.args.length !== 1) return optionError(ctx, 'start', 'Expects 1 argument');
    const paused = g.opts.some(([k]) => k === '-p' || k === '--paused');
    const ref = g.args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0' || (t.d.domid !== null && t.d.host !== null)) return faultError(ctx, 'start', 'Domain is already running');
    const r = startRecord(ctx.world, ctx.host, t.d, paused);
    if (!r.ok) return faultError(ctx, 'start', r.error);
    if (g.opts.some(([k]) => k === '-c' || k === '--console_autoconnect')) return { ...done(), program: consoleProgram(r.d.name) };
    return done();
  },
};

export const xmDelete: XmSubcommand = {
  name: 'delete',
  run(ctx, args) {
    const bad = argCheck(ctx, 'delete', args, 1);
    if (bad) return bad;
    const ref = args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t || t.kind === 'dom0' || t.d.managedOn !== ctx.host.name) return noSuchDomain(ref);
    if (t.d.domid !== null && t.d.host !== null) return faultError(ctx, 'delete', 'Domain is not halted.');
    delete t.d.managedOn;
    remove(ctx.world, ctx.host, checkpointPath(t.d.uuid), '/', false);
    return done();
  },
};

const checkpointPath = (uuid: string): string => `/var/lib/xend/domains/${uuid}/checkpoint.chk`;

export const suspend: XmSubcommand = {
  name: 'suspend',
  run(ctx, args) {
    const bad = argCheck(ctx, 'suspend', args, 1);
    if (bad) return bad;
    const ref = args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0') return faultError(ctx, 'suspend', `Cannot suspend privileged domain ${ref}`);
    const d = t.d;
    if (d.domid === null || d.host === null || d.state === 'paused') return faultError(ctx, 'suspend', 'Domain is not running');
    if (d.managedOn !== ctx.host.name) return faultError(ctx, 'suspend', 'Domain is not managed by Xend lifecycle support.');
    mkdir(ctx.world, ctx.host, `/var/lib/xend/domains/${d.uuid}`, '/', true);
    d.cpuTimeS = domainCpu(ctx.sim, d).totalS;
    saveDomain(ctx.world, ctx.host, d, checkpointPath(d.uuid), false);
    return done();
  },
};

export const resume: XmSubcommand = {
  name: 'resume',
  run(ctx, args) {
    const bad = argCheck(ctx, 'resume', args, 1, 2);
    if (bad) return bad;
    const g = gnuGetopt(args, 'p', ['paused']);
    if (!g.ok) return getoptError(ctx, 'resume', g.error);
    if (g.args.length !== 1) return faultError(ctx, 'resume', 'Wrong number of parameters');
    const ref = g.args[0]!;
    const t = lookupDomain(ctx.world, ctx.host, ref);
    if (!t) return noSuchDomain(ref);
    if (t.kind === 'dom0' || (t.d.domid !== null && t.d.host !== null)) return faultError(ctx, 'resume', 'Domain is already running');
    const paused = g.opts.length > 0;
    const chk = checkpointPath(t.d.uuid);
    if (lookup(ctx.world, ctx.host, chk).ok) {
      const r = restoreDomain(ctx.world, ctx.host, chk, paused);
      if (!r.ok) return faultError(ctx, 'resume', r.error);
      remove(ctx.world, ctx.host, chk);
      return done();
    }
    const r = startRecord(ctx.world, ctx.host, t.d, paused);
    return r.ok ? done() : faultError(ctx, 'resume', r.error);
  },
};
