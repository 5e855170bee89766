// The curriculum's modules as the catalog presents them (CURRICULUM.md).
import type { LabModule } from '../../../labs/types';

export const MODULES: ReadonlyArray<{ id: LabModule; title: string; description: string }> = [
  { id: 'A', title: 'Dom0 and Xen', description: 'Find your way around dom0 with xm: domains, their lifecycle, CPU and memory, live migration.' },
  { id: 'B', title: 'Storage paths', description: 'Read multipath, survive a failed path, name LUNs the same on every node, balance the load.' },
  { id: 'C', title: 'Shared storage and repositories', description: 'Build and grow OCFS2 repositories on shared LUNs, and keep the agent\u2019s metadata straight.' },
  { id: 'D', title: 'Operations and migrations', description: 'Pool-to-pool and SAN-to-SAN moves, P2V of Windows guests, upgrades under known alerts.' },
  { id: 'E', title: 'Manager, HA and recovery', description: 'High availability, pool master failure, a VM stuck in the Manager, replacing the Manager.' },
  { id: 'F', title: 'Troubleshooting challenges', description: 'Start broken, one clear victory condition, no step-by-step text.' },
];
