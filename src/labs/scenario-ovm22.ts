// OVM 2.2 overrides: a pool as a fresh install leaves it — the root LUN's OCFS2 already made,
// but no repository registered with repos.py, nothing mounted under /var/ovs/mount, no /OVS
// link, no guests; template files waiting in /root for the learner to place.
import { umountTarget } from '../sim/storage/ocfs2/mounts';
import { MOUNT_BASE, REPOS_FILE } from '../sim/storage/agent/repository-ovm22';
import { lookup, remove } from '../sim/vfs';
import type { WorldState } from '../sim/types';

export function unregisterRepositories(world: WorldState): void {
  for (const d of Object.values(world.domains)) delete world.domains[d.name];
  const emptied = new Set<string>();
  for (const h of Object.values(world.hosts)) {
    for (const m of [...h.mounts].reverse()) {
      if (!m.path.startsWith(MOUNT_BASE + '/')) continue;
      // A fresh file system: only what mkfs.ocfs2 leaves (lost+found).
      const tree = world.filesystems[m.fsId];
      if (tree?.type === 'dir' && !emptied.has(m.fsId)) {
        emptied.add(m.fsId);
        for (const name of Object.keys(tree.children)) if (name !== 'lost+found') delete tree.children[name];
      }
      umountTarget(world, h, m.path, '/', () => false);
    }
    if (lookup(world, h, '/OVS', '/', true).ok) remove(world, h, '/OVS');
    if (lookup(world, h, REPOS_FILE).ok) remove(world, h, REPOS_FILE);
    h.nextDomId = 1;
  }
}
