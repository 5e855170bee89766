// What a node suffers when an OCFS2 volume was grown past the size its own device map still has
// (tunefs.ocfs2 -S run while this node had not re-read its paths / resized its map): the shared
// bitmap hands it clusters its kernel cannot address, so its guests' writes fail with
// "attempt to access beyond end of device". Logged once per node and volume, with a world event.
import { recordEvent } from '../../events';
import { syslog } from '../../logs';
import { volumeOfMount } from './mounts';
import { listBlockDevices } from '../san/block-devices';
import { ocfs2State, volumeBytes } from './ocfs2-volumes';
import { o2hbCheck } from './ocfs2-fence';
import type { Sim } from '../../sim';

export const BEYOND_END_EVENT = 'ocfs2-beyond-end';

/** Tick system (sim/tick.ts): checks every mounted OCFS2 volume against each node's device size. */
export function ocfs2Tick(sim: Sim): void {
  const world = sim.world;
  // o2hb works in 2-second iterations: checking on that grid is as precise and half the work.
  if (!world.ocfs2 || world.clockMs % 2000 !== 0) return;
  for (const host of Object.values(world.hosts)) {
    if (host.down || !world.ocfs2.nodes[host.name]?.running) continue;
    const devices = listBlockDevices(world, host.name);
    o2hbCheck(world, host, devices);
    if (host.down) continue;
    for (const m of host.mounts) {
      if (m.fsType !== 'ocfs2') continue;
      const vol = volumeOfMount(world, m);
      if (!vol) continue;
      const dev = devices.find((d) => d.path === m.device || `/dev/${d.kname}` === m.device);
      if (!dev || dev.sizeBytes >= volumeBytes(vol)) continue;
      const seen = (ocfs2State(world).beyondEnd ??= {});
      const hosts = (seen[vol.uuid] ??= []);
      if (hosts.includes(host.name)) continue;
      // Only a writer hits the new clusters: a running guest whose disk lives on this volume.
      const writer = Object.values(world.domains).find(
        (d) => d.host === host.name && d.domid !== null && d.workload.writeIops > 0 && d.disks.some((k) => k.kind === 'file' && k.path.startsWith(m.path + '/')),
      );
      if (!writer) continue;
      hosts.push(host.name);
      const limit = Math.floor(dev.sizeBytes / 512);
      const want = limit + vol.clusterSize / 512;
      syslog(world, host, 'kernel',
        'attempt to access beyond end of device',
        `${dev.kname}: rw=1, want=${want}, limit=${limit}`,
        `Buffer I/O error on device ${dev.kname}, logical block ${Math.floor(limit / (vol.blockSize / 512))}`,
        `(qemu-dm,${3000 + (writer.domid ?? 0)},1):ocfs2_write_begin_nolock:1928 ERROR: status = -5`,
      );
      recordEvent(world, host.name, BEYOND_END_EVENT, `${host.name}: ${m.path} is larger than ${m.device} (${dev.sizeBytes} bytes): guest ${writer.name} got I/O errors`);
    }
  }
}
