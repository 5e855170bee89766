// What virt-install (python-virtinst 0.400.3 on an OVM 2.x dom0) changes in the world: the sparse
// disk images it creates, the guest's boot configuration in /etc/xen/NAME, and the install-time
// domain it asks xend for (created with xendCreate, as `xm create` does), marked as installing.
// The command (src/shell/commands/virt-install) validates; this module only applies.
import { nextInt } from '../../lib/rng';
import { lookup, mkdir, putNode, writeFile } from '../vfs';
import { activeDomains } from '../world';
import { xendCreate } from './create';
import { execPyConfig } from './pycfg';
import { configFromVars } from './vm-config';
import type { DomainState, HostState, WorldState } from '../types';

export interface VirtDisk {
  path: string;
  /** Gigabytes for a file to create; undefined for an existing file or device. */
  sizeGiB?: number;
  /** xvdX (PV) or hdX (HVM). */
  target: string;
  /** tap:aio: for PV file images (blktap), file: for HVM, phy: for block devices. */
  driver: 'tap:aio:' | 'file:' | 'phy:';
  cdrom?: boolean;
}

export interface VirtInstallRequest {
  name: string;
  uuid: string;
  memoryMiB: number;
  vcpus: number;
  hvm: boolean;
  disks: VirtDisk[];
  vifs: Array<{ mac: string; bridge: string }>;
  vnc: boolean;
  /** Install source shown by the installer console (URL, ISO path, 'pxe'); null for --import. */
  source: string | null;
  /** Kernel command line of a PV install (method=… plus --extra-args). */
  cmdline: string;
}

type VirtInstallResult = { ok: true; d: DomainState } | { ok: false; error: string };

/** util.randomMAC for Xen: 00:16:3e, then a byte below 0x80 and two random bytes. */
export function randomXenMac(world: WorldState): string {
  const b = (n: number) => nextInt(world.rng, n).toString(16).padStart(2, '0');
  return `00:16:3e:${b(0x80)}:${b(0x100)}:${b(0x100)}`;
}

/** A random UUID from the world's generator (virtinst's _util.randomUUID, 16 random bytes). */
export function randomUuid(world: WorldState): string {
  const hex = Array.from({ length: 16 }, () => nextInt(world.rng, 256).toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** VirtualDisk.setup: a new sparse file of `sizeGiB` (os.lseek past the end, one byte written). */
function createDiskImage(world: WorldState, host: HostState, path: string, sizeGiB: number): void {
  putNode(world, host, path, { type: 'file', mode: 0o644, mtimeMs: world.clockMs, content: '', sizeBytes: Math.round(sizeGiB * 1024 ** 3) });
}

const q = (s: string) => `"${s}"`;
const list = (xs: string[]) => `[ ${xs.map(q).join(', ')} ]`;

/** The xm-format file libvirt writes for the guest after the install (the boot configuration). */
function bootConfigText(r: VirtInstallRequest): string {
  const disks = r.disks.filter((d) => !d.cdrom).map((d) => `${d.driver}${d.path},${d.target},w`);
  const lines = [`name = ${q(r.name)}`, `uuid = ${q(r.uuid)}`, `maxmem = ${r.memoryMiB}`, `memory = ${r.memoryMiB}`, `vcpus = ${r.vcpus}`];
  if (r.hvm) lines.push(`builder = "hvm"`, `kernel = "/usr/lib/xen/boot/hvmloader"`, `boot = "c"`, `pae = 1`, `acpi = 1`, `apic = 1`, `localtime = 0`);
  else lines.push(`bootloader = "/usr/bin/pygrub"`);
  lines.push(`on_poweroff = "destroy"`, `on_reboot = "restart"`, `on_crash = "restart"`);
  if (r.hvm) lines.push(`device_model = "/usr/lib/xen/bin/qemu-dm"`, r.vnc ? `vnc = 1` : `vnc = 0`, `serial = "pty"`);
  else if (r.vnc) lines.push(`vfb = [ "type=vnc,vncunused=1" ]`);
  lines.push(`disk = ${list(disks)}`, `vif = ${list(r.vifs.map((v) => `mac=${v.mac},bridge=${v.bridge}${r.hvm ? ',type=ioemu' : ''}`))}`);
  return lines.join('\n') + '\n';
}

/** The install-time configuration (libvirt's createLinux XML as xend sees it): boots the installer, destroyed on reboot. */
function installConfigText(r: VirtInstallRequest): string {
  const disks = r.disks.map((d) => `${d.driver}${d.path},${d.target}${d.cdrom ? ':cdrom,r' : ',w'}`);
  const lines = [`name = ${q(r.name)}`, `uuid = ${q(r.uuid)}`, `maxmem = ${r.memoryMiB}`, `memory = ${r.memoryMiB}`, `vcpus = ${r.vcpus}`];
  if (r.hvm) lines.push(`builder = "hvm"`, `kernel = "/usr/lib/xen/boot/hvmloader"`, `boot = "${r.source === 'pxe' ? 'n' : 'd'}"`, `serial = "pty"`, r.vnc ? `vnc = 1` : `vnc = 0`);
  else lines.push(`kernel = "/var/lib/xen/virtinst-vmlinuz.${r.uuid.slice(0, 6)}"`, `ramdisk = "/var/lib/xen/virtinst-initrd.img.${r.uuid.slice(0, 6)}"`, `extra = ${q(r.cmdline)}`);
  lines.push(`on_poweroff = "destroy"`, `on_reboot = "destroy"`, `on_crash = "destroy"`);
  lines.push(`disk = ${list(disks)}`, `vif = ${list(r.vifs.map((v) => `mac=${v.mac},bridge=${v.bridge}`))}`);
  return lines.join('\n') + '\n';
}

/** A name libvirt's lookupByName finds on this host: a running domain, an xend-managed one, a config in /etc/xen. */
export function guestNameInUse(world: WorldState, host: HostState, name: string): boolean {
  if (activeDomains(world, host.name).some((d) => d.name === name)) return true;
  if (world.domains[name]?.managedOn === host.name) return true;
  return lookup(world, host, `/etc/xen/${name}`).ok;
}

/**
 * Guest.start_install: new disk images first (they stay if the domain then fails, as they do),
 * then the install-time domain through xend, then the boot configuration (defineXML).
 */
export function virtInstall(world: WorldState, host: HostState, r: VirtInstallRequest): VirtInstallResult {
  for (const d of r.disks) if (d.sizeGiB !== undefined && !d.cdrom) createDiskImage(world, host, d.path, d.sizeGiB);
  const text = r.source === null ? bootConfigText(r) : installConfigText(r);
  const run = execPyConfig(text);
  if (!run.ok) return { ok: false, error: run.message };
  const cfg = configFromVars(run.vars, r.name);
  if (!cfg.ok) return { ok: false, error: cfg.error };
  const created = xendCreate(world, host, cfg.config, `/etc/xen/${r.name}`);
  if (!created.ok) return created;
  // Every dom0 has /etc/xen (xend's configuration); the simulated file system may not have it yet.
  if (!lookup(world, host, '/etc/xen').ok) mkdir(world, host, '/etc/xen', '/', true);
  writeFile(world, host, `/etc/xen/${r.name}`, bootConfigText(r));
  if (r.source !== null) created.d.xen = { ...created.d.xen!, installing: r.source };
  return { ok: true, d: created.d };
}
