// The OCFS2 faults of the fault registry (faults.ts spreads them in): a node back from a reboot
// without a shared file system (and why), and a file system copied in from another pool's cluster.
import { recordEvent } from '../sim/events';
import { readFile, realPath, writeFile } from '../sim/vfs';
import { listBlockDevices } from '../sim/storage/san/block-devices';
import { hostSan, bumpSan } from '../sim/storage/san/san';
import { deleteDisk } from '../sim/storage/san/sysfs';
import { allPaths, partitionMaps } from '../sim/storage/multipath/maps';
import { syncDevNodes } from '../sim/storage/multipath/devnodes';
import { umountTarget, volumeOfMount } from '../sim/storage/ocfs2/mounts';
import { allVolumes } from '../sim/storage/ocfs2/ocfs2-volumes';
import { O2CB_SYSCONFIG, setOffline, unloadStack } from '../sim/storage/ocfs2/o2cb';
import { parseSysconfig, renderSysconfig } from '../sim/storage/ocfs2/o2cb-config';
import { findHost, oneOfStr, str, type JsonSchema } from './check-kit';
import { resolveLun } from './checks/storage';
import type { DomainState, HostState, Mount, WorldState } from '../sim/types';
import type { FaultDef } from './faults';

const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };

/** The media keys (`<array>:<alu>`) a LUN is known by on any host. */
function lunKeys(world: WorldState, lun: string | number): Set<string> | null {
  const ref = resolveLun(world, lun);
  if (!ref) return null;
  const keys = new Set<string>();
  for (const h of Object.keys(world.hosts)) {
    for (const d of listBlockDevices(world, h)) if (d.lun?.array === ref.array && d.lun.alu === ref.alu) keys.add(d.mediumKey);
  }
  return keys;
}

/** A running guest of the host whose vm.cfg or disks live on one of these mounts (paths followed through links such as /OVS). */
function guestOn(world: WorldState, h: HostState, mounts: readonly Mount[]): DomainState | undefined {
  const under = (p: string) => {
    const r = realPath(world, h, p);
    const real = r.ok ? r.value : p;
    return mounts.some((m) => real.startsWith(m.path + '/'));
  };
  return Object.values(world.domains).find((d) => d.host === h.name && d.domid !== null && (under(d.cfgPath) || d.disks.some((k) => under(k.path))));
}

/** Unmounts every OCFS2 mount of the LUN on a host; refuses (text) while a running guest lives there. */
function unmountLun(world: WorldState, h: HostState, keys: Set<string>): string | null {
  const mounts = h.mounts.filter((m) => keys.has(volumeOfMount(world, m)?.mediumKey ?? ''));
  const used = guestOn(world, h, mounts);
  if (used) return `${used.simpleName || used.name} runs on ${h.name} from that file system`;
  for (const m of mounts) umountTarget(world, h, m.path, '/', () => false);
  return null;
}

type Cause = 'kpartx' | 'paths' | 'o2cb';

export const OCFS2_FAULTS = {
  ocfs2_lost: {
    summary: 'A host is back from a reboot without the OCFS2 file system of a LUN mounted, for one `cause`: `kpartx` (its partition maps of the LUN are missing), `paths` (the kernel dropped the LUN\'s SCSI disks and nobody rescanned: the multipath map is left without paths), `o2cb` (O2CB_ENABLED=false in /etc/sysconfig/o2cb, so O2CB did not start). Refused while a running guest of the host lives on it.',
    args: { host: str, lun: lunArg, cause: oneOfStr('kpartx', 'paths', 'o2cb') },
    required: ['host', 'lun', 'cause'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      const keys = lunKeys(world, a.lun);
      const hs = hostSan(world, h.name);
      const map = hs?.maps.find((m) => listBlockDevices(world, h.name).some((d) => d.kind === 'mpath' && d.wwid === m.wwid && keys?.has(d.mediumKey)));
      if (!keys || !hs || !map) return `${a.host} has no multipath map of LUN ${a.lun}`;
      // O2CB cannot stop under any OCFS2 mount: that cause takes every one of the host's down.
      const busy = guestOn(world, h, h.mounts.filter((m) => m.fsType === 'ocfs2' && (a.cause === 'o2cb' || keys.has(volumeOfMount(world, m)?.mediumKey ?? ''))));
      if (busy) return `${busy.simpleName || busy.name} runs on ${h.name} from that file system`;
      unmountLun(world, h, keys);
      if (a.cause === 'kpartx') {
        const parts = new Set(partitionMaps(hs, map).map((d) => d.name));
        hs.dm = hs.dm.filter((d) => !parts.has(d.name));
        bumpSan(world);
        syncDevNodes(world, h.name);
      } else if (a.cause === 'paths') {
        for (const p of allPaths(map)) deleteDisk(world, h.name, p.dev);
      } else {
        const sys = readFile(world, h, O2CB_SYSCONFIG);
        const cfg = parseSysconfig(sys.ok ? sys.value : '', h.release);
        writeFile(world, h, O2CB_SYSCONFIG, renderSysconfig({ ...cfg, enabled: false }));
        for (const m of h.mounts.filter((x) => x.fsType === 'ocfs2')) umountTarget(world, h, m.path, '/', () => false);
        setOffline(world, h.name);
        unloadStack(world, h.name);
        h.services.o2cb = 'stopped';
      }
      recordEvent(world, h.name, 'fault.ocfs2-lost', `${h.name} lost the OCFS2 file system of LUN ${a.lun} (${a.cause})`);
      return null;
    },
  } satisfies FaultDef<{ host: string; lun: string | number; cause: Cause }>,
  ocfs2_foreign_cluster: {
    summary: 'The OCFS2 file system on a LUN comes from another server pool (a SAN-to-SAN copy): its superblock names that pool\'s O2CB `cluster` (global heartbeat), so it is unmounted everywhere and mount.ocfs2 refuses it until `tunefs.ocfs2 --update-cluster-stack`. Refused while a running guest lives on it.',
    args: { lun: lunArg, cluster: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,16}$' } },
    required: ['lun', 'cluster'],
    run({ world }, a) {
      const keys = lunKeys(world, a.lun);
      const vols = keys ? allVolumes(world).filter((v) => keys.has(v.mediumKey) && !v.local) : [];
      if (!vols.length) return `no OCFS2 file system on LUN ${a.lun}`;
      for (const h of Object.values(world.hosts)) {
        const used = guestOn(world, h, h.mounts.filter((m) => vols.some((v) => v.fsId === m.fsId)));
        if (used) return `${used.simpleName || used.name} runs on ${h.name} from that file system`;
      }
      for (const h of Object.values(world.hosts)) unmountLun(world, h, keys!);
      for (const v of vols) {
        v.clusterInfo = { stack: 'o2cb', name: a.cluster, globalHeartbeat: true };
        if (!v.features.includes('clusterinfo')) v.features = [...v.features, 'clusterinfo'];
      }
      recordEvent(world, null, 'fault.ocfs2-foreign-cluster', `the OCFS2 file system on LUN ${a.lun} now names cluster ${a.cluster}`);
      return null;
    },
  } satisfies FaultDef<{ lun: string | number; cluster: string }>,
};
