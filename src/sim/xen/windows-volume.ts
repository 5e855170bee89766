// A Windows guest's system volume (C:), kept as an NTFS tree in world.filesystems under
// `ntfs:<image path>` so that dom0 can loop-mount the image and change it: the HAL files and the PV drivers.
import { newDir } from '../vfs';
import type { DomainState, FsNode, WorldState } from '../types';

/** The HALs of Windows Server 2003 (the Windows team extracts them from the service pack's cab). */
export const HALS = ['halmacpi.dll', 'halaacpi.dll', 'halacpi.dll', 'halmps.dll', 'halapic.dll', 'hal.dll'] as const;
/** The HAL a guest needs: MPS multiprocessor under emulated devices, ACPI multiprocessor once the PV drivers run. */
export const HAL_WITHOUT_PV = 'halmps.dll';
export const HAL_WITH_PV = 'halmacpi.dll';
/** The Oracle VM PV drivers' files in system32\drivers. */
export const PV_DRIVER_FILES = ['xenbus.sys', 'xenvbd.sys', 'xennet.sys'] as const;
/** Sectors before the first partition of an image made by an MBR-era Windows: the loop mount's offset. */
export const PARTITION_OFFSET = 63 * 512;

export const ntfsFsId = (imagePath: string): string => `ntfs:${imagePath}`;

type Dir = Extract<FsNode, { type: 'dir' }>;

/** What `strings` shows of a HAL: the version resource names the file it was built as. */
function halContent(name: string): string {
  const orig = name === 'hal.dll' ? 'hal.dll' : name;
  return `MZ\nThis program cannot be run in DOS mode.\nFileDescription Hardware Abstraction Layer DLL\nOriginalFilename ${orig}\nFileVersion 5.2.3790.3959 (srv03_sp2_rtm.070216-1710)\n`;
}

const file = (content: string): FsNode => ({ type: 'file', mode: 0o777, mtimeMs: 0, content });

function dirOf(children: Record<string, FsNode>): Dir {
  const d = newDir(0, 0o777);
  d.children = children;
  return d;
}

/** The system volume of a Windows Server 2003 guest whose hal.dll is a copy of `hal`. */
export function buildSystemVolume(hal: string, pvDrivers: boolean): Dir {
  const sys32: Record<string, FsNode> = {};
  for (const h of HALS) sys32[h] = file(halContent(h));
  sys32['hal.dll'] = file(halContent(hal));
  sys32['ntoskrnl.exe'] = file('MZ\nOriginalFilename ntoskrnl.exe\n');
  const drivers: Record<string, FsNode> = { 'atapi.sys': file('MZ\nOriginalFilename atapi.sys\n') };
  if (pvDrivers) for (const f of PV_DRIVER_FILES) drivers[f] = file(`MZ\nOriginalFilename ${f}\nCompanyName Oracle Corporation\n`);
  sys32['drivers'] = dirOf(drivers);
  return dirOf({
    'boot.ini': file('[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n[operating systems]\r\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Standard" /noexecute=optout /fastdetect\r\n'),
    'Documents and Settings': dirOf({}),
    'Program Files': dirOf({}),
    WINDOWS: dirOf({ system32: dirOf(sys32) }),
  });
}

/** The system volume of a guest: the NTFS tree of its first hard disk, if that disk holds one. */
export function systemVolume(world: WorldState, d: DomainState): Dir | undefined {
  const boot = d.disks.find((v) => !v.cdrom);
  const fs = boot ? world.filesystems[ntfsFsId(boot.path)] : undefined;
  return fs?.type === 'dir' ? fs : undefined;
}

function at(root: Dir, ...parts: string[]): FsNode | undefined {
  let n: FsNode | undefined = root;
  for (const p of parts) n = n?.type === 'dir' && Object.hasOwn(n.children, p) ? n.children[p] : undefined;
  return n;
}

/** Which HAL hal.dll is (by the name in its version resource), or null when it is missing or unknown. */
export function currentHal(vol: Dir): string | null {
  const n = at(vol, 'WINDOWS', 'system32', 'hal.dll');
  const m = n?.type === 'file' ? /OriginalFilename (\S+)/.exec(n.content) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** The PV drivers are installed: their disk driver is in system32\drivers. */
export function hasPvDrivers(vol: Dir): boolean {
  return at(vol, 'WINDOWS', 'system32', 'drivers', 'xenvbd.sys')?.type === 'file';
}

/** The HAL this volume's drivers need. */
export const neededHal = (vol: Dir): string => (hasPvDrivers(vol) ? HAL_WITH_PV : HAL_WITHOUT_PV);

/** A Windows guest gets through its boot: a system volume whose HAL fits its drivers (no volume: not Windows, always). */
export function bootsCleanly(world: WorldState, d: DomainState): boolean {
  const vol = systemVolume(world, d);
  return !vol || currentHal(vol) === neededHal(vol);
}

/** The Windows team installs the PV drivers: their files land in system32\drivers. False without a system volume. */
export function installPvDrivers(world: WorldState, d: DomainState): boolean {
  const vol = systemVolume(world, d);
  const drivers = vol && at(vol, 'WINDOWS', 'system32', 'drivers');
  if (drivers?.type !== 'dir') return false;
  for (const f of PV_DRIVER_FILES) drivers.children[f] = { type: 'file', mode: 0o777, mtimeMs: world.clockMs, content: `MZ\nOriginalFilename ${f}\nCompanyName Oracle Corporation\n` };
  drivers.mtimeMs = world.clockMs;
  return true;
}

/** Puts a Windows system volume in an image (a scenario's P2V/V2V-converted guest). */
export function createSystemVolume(world: WorldState, imagePath: string, hal: string, pvDrivers: boolean): void {
  world.filesystems[ntfsFsId(imagePath)] = buildSystemVolume(hal, pvDrivers);
}
