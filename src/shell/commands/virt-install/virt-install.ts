// `virt-install` (python-virtinst 0.400.3, OVM 2.x dom0 only): checks the options in the order
// virt-install's main() does, asks what is missing with --prompt, then creates the disks, the
// install-time domain and /etc/xen/NAME through sim/xen/virt-install.ts and attaches the console.
// Sources and inferences: ./REFERENCE.md.
import { STRERROR } from '../../../sim/errno';
import { bridges } from '../../../sim/network';
import { lookup } from '../../../sim/vfs';
import { activeDomains } from '../../../sim/world';
import { guestNameInUse, randomUuid, randomXenMac, virtInstall, type VirtDisk, type VirtInstallRequest } from '../../../sim/xen/virt-install';
import { defineCommand, type CommandContext, type CommandOutcome } from '../../types';
import { dialogue } from '../dialogue';
import { STILL_IN_PROGRESS, virtInstallConsole } from './installer-console';
import { parseVirtArgs, VIRT_INSTALL_ARGS, virtInstallHelp, type VirtValues } from './options';
import { meterLine } from './meter';
import { Ask, Exit, Session } from './session';

const MIN_RAM = 256;
const MAX_XEN_VCPUS = 32;
const INSTALL_METHODS = '--pxe, --location, --import';

const list = <T>(v: VirtValues, k: string): T[] => (v.get(k) as T[] | undefined) ?? [];
const str = (v: VirtValues, k: string): string | undefined => v.get(k) as string | undefined;

/** virtinst/_util.validate_name for "Guest". */
function nameError(name: string): string | null {
  if (name.length === 0 || name.length > 50) return 'Guest name must be a string between 0 and 50 characters';
  if (/^\d+$/.test(name)) return 'Guest name can not be only numeric characters';
  if (!/^[A-Za-z0-9_.:-]+$/.test(name)) return "Guest name can only contain alphanumeric, '_', '.', or '-' characters";
  return null;
}

/** The whole of main() for one set of answers: throws Ask at an unanswered question, Exit at the end. */
function main(ctx: CommandContext, v: VirtValues, s: Session): CommandOutcome['program'] {
  const { world, host } = ctx;
  // Virtualization type.
  if (v.get('fullvirt') && v.get('paravirt')) s.fail("Can't do both --hvm and --paravirt");
  let hvm = v.get('fullvirt') === true;
  if (hvm && !host.cpu.virtFlag) s.fail("Host does not support virtualization type 'hvm' for arch 'x86_64'");
  if (!hvm && !v.get('paravirt') && host.cpu.virtFlag && s.prompting)
    hvm = s.yesNo('Would you like a fully virtualized guest (yes or no)? This will allow you to run unmodified operating systems.');
  const methods = ['pxe', 'location', 'cdrom', 'import_install'].filter((k) => v.has(k));
  if (methods.length > 1) s.fail(`Only one install method (${INSTALL_METHODS}) can be used`);
  if (!hvm && v.get('pxe')) s.fail('Network PXE boot is not supported for paravirtualized guests');
  if (!hvm && (v.has('cdrom') || v.get('livecd'))) s.fail('Paravirtualized guests cannot install off cdrom media.');

  // Name, memory, UUID, vcpus (cli.get_name, get_memory, get_uuid, get_vcpus).
  let name = str(v, 'name');
  for (;;) {
    name = s.input('What is the name of your virtual machine?', name);
    const bad = nameError(name) ?? (guestNameInUse(world, host, name) ? `Guest name '${name}' is already in use.` : null);
    if (!bad) break;
    s.print(`ERROR:  ${bad}\n`);
    name = undefined;
  }
  let mem = v.get('memory') as number | undefined;
  for (;;) {
    const raw = s.input('How much RAM should be allocated (in megabytes)?', mem === undefined ? undefined : String(mem));
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
      s.print(`ERROR:  invalid literal for int(): ${raw}\n`);
      mem = undefined;
      continue;
    }
    mem = parseInt(raw, 10);
    if (mem >= MIN_RAM) break;
    s.print(`ERROR:  Installs currently require ${MIN_RAM} megs of RAM.\n\n`);
    mem = undefined;
  }
  const uuidArg = str(v, 'uuid');
  if (uuidArg !== undefined && !/^([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})$/.test(uuidArg))
    s.fail('UUID must be a 32-digit hexadecimal number. It may take the form XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX or may omit hyphens altogether.');
  const vcpus = (v.get('vcpus') as number | undefined) ?? 1;
  if (vcpus < 1) s.fail('Number of vcpus must be a postive integer.');
  if (vcpus > MAX_XEN_VCPUS) s.fail(`Number of vcpus must be no greater than ${MAX_XEN_VCPUS} for this vm type.`);
  const pcpus = host.cpu.sockets * host.cpu.coresPerSocket * host.cpu.threadsPerCore;
  if (v.get('check_cpu') && vcpus > pcpus) {
    const ok = s.yesNo(`You have asked for more virtual CPUs (${vcpus}) than there are physical CPUs (${pcpus}) on the host. This will work, but performance will be poor. Are you sure? (yes or no)`);
    if (!ok) {
      s.print('Exiting at user request.\n');
      throw new Exit(0);
    }
  }
  const cpuset = str(v, 'cpuset');
  if (cpuset !== undefined && !/^[0-9,-]+$/.test(cpuset)) s.fail("cpuset can only contain numeric, ',', or '-' characters");

  const disks = getDisks(ctx, v, s, hvm);
  const vifs = getNetworks(ctx, v, s);

  // Graphics: with no DISPLAY (an ssh login), no choice means --nographics.
  const gfx = ['vnc', 'sdl', 'nographics'].filter((k) => v.get(k));
  if (gfx.length > 1) s.fail("Can't specify more than one of VNC, SDL, or --nographics");
  const vnc = v.get('vnc') === true;

  // Install media.
  const media = getMedia(ctx, v, s, hvm);
  if (media.cdrom) disks.push({ path: media.cdrom, target: 'hdc', driver: 'file:', cdrom: true });

  s.print('\n\nStarting install...\n');
  for (const [file, bytes] of media.fetched) s.print(meterLine(`Retrieving file ${file}...`, bytes, 0, ctx.cols));
  for (const d of disks) if (d.sizeGiB !== undefined) s.print(meterLine('Creating storage file...', d.sizeGiB * 1024 ** 3, 0, ctx.cols));
  const req: VirtInstallRequest = {
    name,
    uuid: uuidArg ?? randomUuid(world),
    memoryMiB: mem,
    vcpus,
    hvm,
    disks,
    vifs: vifs.map((x) => ({ bridge: x.bridge, mac: x.mac ?? randomXenMac(world) })),
    vnc,
    source: media.source,
    cmdline: [media.source && !hvm ? `method=${media.source}` : '', str(v, 'extra') ?? ''].filter(Boolean).join(' '),
  };
  const r = virtInstall(world, host, req);
  if (!r.ok) {
    s.print('Creating domain...\n');
    s.error(`POST operation failed: xend_post: error from xen daemon: (xend.err ${JSON.stringify(r.error).replace(/^"|"$/g, "'")})`);
    s.print(`Domain installation may not have been\n successful.  If it was, you can restart your domain\n by running 'virsh start ${name}'; otherwise, please\n restart your installation.\n`);
    throw new Exit(1);
  }
  s.print(meterLine('Creating domain...', 0, 1, ctx.cols));
  if (v.get('autoconsole') !== false) {
    if (!vnc) return virtInstallConsole(name);
    s.print("Unable to connect to graphical console: virt-viewer not installed. Please install the 'virt-viewer' package.\n");
  }
  s.print(STILL_IN_PROGRESS);
  return undefined;
}

type DiskReq = { path?: string; size?: number };

/** virt-install's get_disks/get_disk (--file, --file-size, --nodisks; --disk path=,size=). */
function getDisks(ctx: CommandContext, v: VirtValues, s: Session, hvm: boolean): VirtDisk[] {
  const files = list<string>(v, 'diskfile');
  const sizes = list<number>(v, 'disksize');
  const opts = list<string>(v, 'diskopts');
  if (v.get('nodisks')) {
    if (files.length || sizes.length || opts.length) s.fail('Cannot use --file, --size, or --disk with --nodisks');
    return [];
  }
  if (opts.length && (files.length || sizes.length || v.get('sparse') === false))
    s.fail('Cannot mix --file, --nonsparse, or --file-size with --disk options. Please see the manual for --disk syntax.');
  let reqs: DiskReq[];
  if (opts.length) reqs = opts.map((o) => parseDiskOpt(s, o));
  else {
    if (files.length && sizes.length && files.length !== sizes.length) {
      s.print('Need to pass size for each disk\n');
      throw new Exit(1);
    }
    const n = Math.max(files.length, sizes.length, 1);
    reqs = Array.from({ length: n }, (_, i) => ({ path: files[i], size: sizes[i] }));
    if (!files.length && !sizes.length && !s.prompting) s.fail('A disk must be specified (use --nodisks to override)');
  }
  const out: VirtDisk[] = [];
  for (const [i, req] of reqs.entries()) {
    let { path, size } = req;
    for (;;) {
      const msg = size === undefined ? 'What would you like to use as the disk (file path)?' : `Please enter the path to the file you would like to use for storage. It will have size ${size}GB.`;
      path = s.input(msg, path);
      const abs = path.startsWith('/') ? path : `${ctx.frame.cwd.replace(/\/$/, '')}/${path}`;
      const node = lookup(ctx.world, ctx.host, abs);
      let err: string | null = null;
      if (node.ok && node.value.type === 'dir') err = `The path '${abs}' must be a file or a device, not a directory`;
      else if (!node.ok) {
        const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
        const parent = lookup(ctx.world, ctx.host, dir);
        if (!parent.ok || parent.value.type !== 'dir') err = `No write access to directory '${dir}'`;
        else
          while (size === undefined) {
            const raw = s.input(`How large would you like the disk (${abs}) to be (in gigabytes)?`);
            if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(raw) && parseFloat(raw) > 0) size = parseFloat(raw);
            else s.print(`ERROR:  ${parseFloat(raw) <= 0 ? "'size' must be a number greater than 0." : `invalid literal for float(): ${raw}`}\n`);
          }
      }
      if (!err && size !== undefined && size <= 0 && !node.ok) err = "'size' must be a number greater than 0.";
      if (err) {
        if (!s.prompting) s.fail(`Error with storage parameters: ${err}`);
        s.print(`ERROR:  ${err}\n`);
        path = undefined;
        size = undefined;
        continue;
      }
      const user = activeDomains(ctx.world, ctx.host.name).find((d) => d.disks.some((x) => x.path === abs && x.mode === 'w'));
      if (user && !s.yesNo(`Disk ${abs} is already in use by another guest!\n Do you really want to use the disk (yes or no)?`)) {
        path = undefined;
        size = undefined;
        continue;
      }
      const isBlock = abs.startsWith('/dev/');
      out.push({
        path: abs,
        ...(node.ok ? {} : { sizeGiB: size! }),
        target: hvm ? `hd${String.fromCharCode(97 + (i >= 2 ? i + 1 : i))}` : `xvd${String.fromCharCode(97 + i)}`,
        driver: isBlock ? 'phy:' : hvm ? 'file:' : 'tap:aio:',
      });
      break;
    }
  }
  return out;
}

/** --disk path=P[,size=G][,sparse=true|false][,perms=rw|ro|sh][,device=disk]. */
function parseDiskOpt(s: Session, opt: string): DiskReq {
  const [first, ...rest] = opt.split(',');
  if (!first!.startsWith('path=')) s.fail('--disk path must start with path=, pool=, or vol=.');
  const req: DiskReq = { path: first!.slice(5) };
  for (const kv of rest) {
    const [k, val = ''] = kv.split('=');
    if (k === 'size') {
      if (!/^\d+(\.\d+)?$/.test(val)) s.fail(`Improper value for 'size': ${val}`);
      req.size = parseFloat(val);
    } else if (k === 'sparse' || k === 'perms' || k === 'device' || k === 'bus' || k === 'cache') continue;
    else s.fail(`Unknown --disk option '${kv}'.`);
  }
  return req;
}

/** cli.digest_networks for Xen: bridges (default: the first bridge), --mac, --nonetworks. */
function getNetworks(ctx: CommandContext, v: VirtValues, s: Session): Array<{ bridge: string; mac?: string }> {
  const macs = list<string>(v, 'mac');
  const brs = list<string>(v, 'bridge');
  const nets = list<string>(v, 'network');
  if (v.get('nonetworks')) {
    if (macs.length) s.fail('Cannot use --mac with --nonetworks');
    if (brs.length) s.fail('Cannot use --bridges with --nonetworks');
    if (nets.length) s.fail('Cannot use --network with --nonetworks');
    return [];
  }
  if (brs.length && nets.length) s.fail('Cannot mix both --bridge and --network arguments');
  const dflt = bridges(ctx.world, ctx.host)[0]?.name ?? 'xenbr0';
  const specs = brs.length ? brs.map((b) => `bridge:${b}`) : nets.length ? nets : [`bridge:${dflt}`];
  if (macs.length > specs.length) s.fail('Need to pass equal numbers of networks & mac addresses');
  return specs.map((spec, i) => {
    const [type = '', data = ''] = spec.split(/[:=]/, 2);
    if (type === 'network') s.fail(`Virtual network '${data}' does not exist: Network not found: no network with matching name '${data}'`);
    if (type !== 'bridge') s.fail(`Unknown network type ${type}`);
    const mac = macs[i] && macs[i] !== 'RANDOM' ? macs[i]!.toLowerCase() : undefined;
    if (mac && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac)) s.fail('MAC address must be of the format AA:BB:CC:DD:EE:FF');
    if (mac && Object.values(ctx.world.domains).some((d) => d.domid !== null && d.vifs.some((x) => x.mac?.toLowerCase() === mac)))
      s.fail('The MAC address you entered is already in use by another active virtual machine.');
    return { bridge: data || dflt, ...(mac ? { mac } : {}) };
  });
}

interface Media {
  source: string | null;
  cdrom?: string;
  /** Files fetched from the install tree, with their sizes [INFERRED sizes of an EL5 x86_64 tree]. */
  fetched: Array<[string, number]>;
}

/** Install media: PV needs a tree (--location); HVM a CD/ISO, a tree's boot.iso, PXE or --import. */
function getMedia(ctx: CommandContext, v: VirtValues, s: Session, hvm: boolean): Media {
  if (v.get('import_install')) return { source: null, fetched: [] };
  if (hvm && v.get('pxe')) return { source: 'pxe', fetched: [] };
  const exists = (p: string) => lookup(ctx.world, ctx.host, p, ctx.frame.cwd).ok;
  if (hvm && !v.has('location')) {
    const cd = s.prompting ? s.input('What is the virtual CD image, CD device or install location?', str(v, 'cdrom')) : str(v, 'cdrom');
    if (cd === undefined) s.fail(`One of ${INSTALL_METHODS}, or cdrom media must be specified.`);
    if (!exists(cd)) s.fail('The specified media path does not exist.');
    return { source: cd, cdrom: cd, fetched: [] };
  }
  const loc = s.input('What is the install URL?', str(v, 'location'));
  if (/^nfs:/.test(loc) && !/^nfs:[^:]+:\/./.test(loc)) s.fail('Invalid NFS format: No path specified.');
  if (loc.startsWith('/')) {
    if (!exists(loc)) s.fail(`Checking installer location failed: Could not find media '${loc}'.`);
  } else if (!/^(https?:\/\/|ftp:\/\/|nfs:)/.test(loc)) s.fail('Install media location must be an NFS, HTTP or FTP network install source, or an existing file/device');
  const tree: Array<[string, number]> = hvm ? [['.treeinfo', 413], ['boot.iso', 9_627_648]] : [['.treeinfo', 413], ['vmlinuz', 2_005_928], ['initrd.img', 8_921_335]];
  return { source: loc, ...(hvm ? { cdrom: `/var/lib/xen/virtinst-boot.iso.${ctx.world.clockMs % 1_000_000}` } : {}), fetched: tree };
}

function run(ctx: CommandContext): CommandOutcome {
  if (ctx.host.release !== 'ovm22') return { stdout: '', stderr: `-bash: ${ctx.name}: ${ctx.name.includes('/') ? STRERROR.ENOENT : 'command not found'}\n`, exitCode: 127 };
  const p = parseVirtArgs(ctx.args);
  if (!p.ok) return { stdout: '', stderr: p.stderr, exitCode: 2 };
  if (p.values.get('help')) return { stdout: virtInstallHelp(ctx.cols), stderr: '', exitCode: 0 };
  const prompting = p.values.get('prompt') === true;
  const force = p.values.get('force') === true;
  const once = (answers: ReadonlyArray<string | null>) => {
    const s = new Session(answers, prompting, force);
    try {
      const program = main(ctx, p.values, s);
      return { s, code: 0, program };
    } catch (e) {
      if (e instanceof Ask) return { s, ask: e.prompt };
      if (e instanceof Exit) return { s, code: e.code };
      throw e;
    }
  };
  const first = once([]);
  if (first.ask === undefined) return { stdout: first.s.stdout(), stderr: first.s.stderr(), exitCode: first.code ?? 0, ...(first.program && { program: first.program }) };
  return dialogue((answers) => {
    const r = once(answers);
    if (r.ask !== undefined) return { say: r.s.all(), ask: { prompt: r.ask } };
    return { say: r.s.all(), exitCode: r.code ?? 0, ...(r.program && { then: r.program }) };
  }, ctx.stdin);
}

export const virtInstallCommand = defineCommand({
  name: 'virt-install',
  release: 'ovm22',
  dir: '/usr/sbin',
  summary: 'provision new virtual machines (python-virtinst 0.400.3; Oracle VM Server 2.x)',
  man: {
    section: 1,
    name: 'provision new virtual machines',
    synopsis: ['virt-install [OPTION]...'],
    description: [
      'virt-install is a command line tool for provisioning new virtual machines using the libvirt hypervisor management library (python-virtinst 0.400.3 on Oracle VM Server 2.x; Oracle VM 3 has no virt-install). It supports text based installations over the serial console and fetches the kernel and initrd of a paravirtualized install from an NFS, HTTP or FTP install tree.',
      'Given the name, the memory, storage and an install source (-n NAME -r MB -f FILE -s GB -p -l URL) it runs without questions; with --prompt it asks for whatever is missing, and without --prompt it stops with an error where a question would be asked. The directory of a new disk image must exist. The guest boots its installer and virt-install attaches its console (Ctrl-] leaves it; --noautoconsole does not attach). The configuration the guest boots from after the installation is written to /etc/xen/NAME, for xm create NAME.',
    ],
  },
  usage: 'virt-install [options]',
  args: { prog: 'virt-install', options: VIRT_INSTALL_ARGS, exitCode: 2 },
  // optparse 2.4 parses (options.ts); `args` is declared for Tab, man and the fuzzer.
  selfParsing: true,
  run,
});
