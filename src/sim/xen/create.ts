// xend's side of `xm create` / `xm start` / `xm restore`: name and HVM checks, the domain id,
// balloon.free's memory check (dom0 never balloons on OVM, reference §1.6/§8.6) and the hotplug
// scripts' disk checks (an image in use by another guest or loop-mounted in dom0); qemu-dm skips disks beyond its limits without failing (./device-model.ts).
// A failure after the domain id was taken leaves the id used and a trace in xend.log.
import { nextHex, nextInt } from '../../lib/rng';
import { freeMemKiB, neededKiB } from '../memory';
import { lookup } from '../vfs';
import { bridges } from '../network';
import { activeDomains } from '../world';
import { startOnHost, xenOf } from './domains';
import { newDomain } from './new-domain';
import { dom0LoopOf } from './ntfs-loop-mount';
import { vdevNumber, type VmConfig } from './vm-config';
import { xendLog, xendStartFailed } from './xend-log';
import type { DomainState, HostState, WorldState } from '../types';

export type XendResult = { ok: true; d: DomainState } | { ok: false; error: string };

const NAME_RE = /^[A-Za-z0-9_\-.:+]+$/;

/** The world's record for this VM (a halted one is reused), or a new record not yet stored. */
function recordFor(world: WorldState, cfg: VmConfig, cfgPath: string): DomainState {
  const existing = world.domains[cfg.name];
  const rng = world.rng;
  const uuid = cfg.uuid ?? existing?.uuid ?? `${nextHex(rng, 8)}-${nextHex(rng, 4)}-${nextHex(rng, 4)}-${nextHex(rng, 4)}-${nextHex(rng, 12)}`;
  const base: DomainState =
    existing ??
    newDomain({
      name: cfg.name,
      uuid,
      simpleName: cfg.simpleName ?? cfg.name,
      memoryMiB: cfg.memoryMiB,
      maxMemMiB: cfg.maxMemMiB,
      vcpus: cfg.vcpus,
      maxVcpus: cfg.maxVcpus,
      hvm: false,
      osType: cfg.osType ?? '',
      cfgPath,
      workload: { cpuDemand: 0.05 + nextInt(rng, 20) / 100, readIops: 5 + nextInt(rng, 40), writeIops: 2 + nextInt(rng, 20), sectorsPerRequest: 16 },
      disks: [],
      vifs: [],
    });
  return {
    ...base,
    uuid,
    simpleName: cfg.simpleName ?? base.simpleName,
    memoryMiB: cfg.memoryMiB,
    maxMemMiB: cfg.maxMemMiB,
    vcpus: cfg.vcpus,
    maxVcpus: cfg.maxVcpus,
    weight: cfg.weight ?? 256,
    cap: cfg.cap ?? 0,
    hvm: cfg.builder === 'hvm',
    osType: cfg.osType ?? base.osType,
    cfgPath,
    disks: cfg.disks.map((v) => ({ ...v })),
    // xend makes up a MAC (Xen's 00:16:3e prefix) for a vif without one.
    vifs: cfg.vifs.map((v) => ({ ...v, mac: v.mac || `00:16:3e:${nextHex(rng, 2)}:${nextHex(rng, 2)}:${nextHex(rng, 2)}` })),
    xen: {
      onPoweroff: cfg.onPoweroff,
      onReboot: cfg.onReboot,
      onCrash: cfg.onCrash,
      ...(cfg.bootloader !== undefined && { bootloader: cfg.bootloader }),
      ...(cfg.kernel !== undefined && { kernel: cfg.kernel }),
      ...(cfg.serial !== undefined && { serial: cfg.serial }),
      vnc: cfg.vnc,
      ...(cfg.keymap !== undefined && { keymap: cfg.keymap }),
      ...(cfg.boot !== undefined && { boot: cfg.boot }),
      ...(cfg.domainType !== undefined && { domainType: cfg.domainType }),
      ...(base.xen?.restartCount !== undefined && { restartCount: base.xen.restartCount }),
    },
  };
}

/** Checks xend makes before it asks the hypervisor for a domain. */
function precheck(world: WorldState, host: HostState, d: DomainState): string | null {
  if (!d.name) return 'Missing VM Name';
  if (!NAME_RE.test(d.name)) return 'Invalid VM Name';
  if (d.hvm && !host.cpu.virtFlag) return 'HVM guest support is unavailable: is VT/AMD-V supported by your CPU and enabled in your BIOS?';
  const running = activeDomains(world, host.name).find((x) => x.name === d.name || x.uuid === d.uuid);
  if (running) return `Domain '${running.name}' already exists with ID '${running.domid}'`;
  return null;
}

/** A disk the hotplug script refuses, as `Device N (vbd) could not be connected. …`. */
function diskError(world: WorldState, host: HostState, d: DomainState): string | null {
  for (const v of d.disks) {
    const dev = vdevNumber(v.vdev);
    const node = lookup(world, host, v.path);
    if (!node.ok || node.value.type === 'dir') return `Device ${dev} (vbd) could not be connected. ${v.path} does not exist.`;
    if (v.mode !== 'w' || v.cdrom) continue;
    // The block script's check_file_sharing: an image dom0 has loop-mounted stays dom0's.
    const dom0Loop = dom0LoopOf(world, host, v.path);
    if (dom0Loop) return `Device ${dev} (vbd) could not be connected.\nFile ${v.path} is loopback-mounted through ${dom0Loop},\nwhich is mounted in the privileged domain,\nand so cannot be mounted by a guest.`;
    // A writable image already in use by another running guest (here or, through the shared repository, elsewhere).
    const user = Object.values(world.domains).find((o) => o.name !== d.name && o.domid !== null && o.host !== null && o.disks.some((x) => x.path === v.path && x.mode === 'w'));
    const same = Object.values(world.domains).find((o) => o.name === d.name && o.domid !== null && o.host !== null && o.host !== host.name);
    if (user || same) {
      const loop = d.disks.indexOf(v);
      return `Device ${dev} (vbd) could not be connected.\nFile ${v.path} is loopback-mounted through /dev/loop${loop}, which is mounted in a guest domain, and so cannot be mounted now.`;
    }
  }
  return null;
}

/** The vif-bridge hotplug script needs the bridge a VIF names (empty: the first bridge). */
function vifError(world: WorldState, host: HostState, d: DomainState): string | null {
  const present = new Set(bridges(world, host).map((b) => b.name));
  const i = d.vifs.findIndex((v) => v.bridge && !present.has(v.bridge));
  return i < 0 ? null : `Device ${i} (vif) could not be connected. Could not find bridge device ${d.vifs[i]!.bridge}`;
}

/** `xm new`: the configuration becomes a managed, halted domain of this host's xend. */
export function xendDefine(world: WorldState, host: HostState, cfg: VmConfig, cfgPath: string): void {
  const current = world.domains[cfg.name];
  if (current && current.domid !== null && current.host !== null) {
    current.managedOn = host.name;
    return;
  }
  const d = recordFor(world, cfg, cfgPath);
  d.managedOn = host.name;
  world.domains[d.name] = d;
  xendLog(world, host, 'DEBUG', 'XendDomain:1122', `XendDomain.domain_new: ${d.name}`);
}

/**
 * Creates and starts a domain from a configuration (XendDomain.domain_create). On success the
 * domain is stored in the world (replacing its halted record) and running on `host`.
 */
export function xendCreate(world: WorldState, host: HostState, cfg: VmConfig, cfgPath: string, paused = false): XendResult {
  const d = recordFor(world, cfg, cfgPath);
  return startRecord(world, host, d, paused);
}

/** Starts a prepared record (create, start of a managed domain, restore). */
export function startRecord(world: WorldState, host: HostState, d: DomainState, paused = false): XendResult {
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:103', `XendDomainInfo.create(['vm', ['name', '${d.name}'], ['memory', ${d.memoryMiB}], ['vcpus', ${d.maxVcpus}], ['uuid', '${d.uuid}'], ...])`);
  const pre = precheck(world, host, d);
  if (pre) {
    xendLog(world, host, 'ERROR', 'XendDomainInfo:108', 'Domain construction failed');
    return { ok: false, error: pre };
  }
  // The hypervisor hands out a domain id before memory is checked.
  const domid = host.nextDomId++;
  xendLog(world, host, 'DEBUG', 'XendDomainInfo:2498', 'XendDomainInfo.constructDomain');
  xendLog(world, host, 'DEBUG', 'XendDomain:476', `Adding Domain: ${domid}`);
  const need = neededKiB(d.memoryMiB, d.hvm);
  const free = freeMemKiB(world, host);
  if (need > free) {
    const msg = `Not enough free memory and enable-dom0-ballooning is False, so I cannot release any more.  I need ${need} KiB but only have ${free}.`;
    xendLog(world, host, 'DEBUG', 'balloon:187', `Balloon: ${free} KiB free; need ${need}; done.`);
    xendStartFailed(world, host, 'VmError', msg);
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:3071', `XendDomainInfo.destroy: domid=${domid}`);
    return { ok: false, error: msg };
  }
  xendLog(world, host, 'DEBUG', 'balloon:187', `Balloon: ${free} KiB free; need ${need}; done.`);
  const disk = diskError(world, host, d) ?? vifError(world, host, d);
  if (disk) {
    xendLog(world, host, 'DEBUG', 'DevController:139', 'Waiting for devices vbd.');
    xendLog(world, host, 'ERROR', 'XendDomainInfo:2183', disk.split('\n')[0]!);
    xendLog(world, host, 'DEBUG', 'XendDomainInfo:3071', `XendDomainInfo.destroy: domid=${domid}`);
    return { ok: false, error: disk };
  }
  world.domains[d.name] = d;
  // startOnHost takes the next id; give it the one already allocated.
  host.nextDomId = domid;
  startOnHost(world, host, d, paused);
  if (paused) xenOf(d).pausedByAdmin = false;
  return { ok: true, d };
}
