// Guest-side faults of the fault registry (faults.ts spreads them in): what another team does
// inside a guest that xend only notices at its next boot.
import { recordEvent } from '../sim/events';
import { installPvDriversAndRestart } from '../sim/xen/windows-boot';
import { findGuest, str } from './check-kit';
import type { FaultDef } from './faults';

export const XEN_FAULTS = {
  windows_pv_drivers: {
    summary: 'The Windows team installs the Oracle VM PV drivers in a Windows guest (their files land in its system volume) and restarts it, as the installer asks; a guest that is not running gets them at its next boot.',
    args: { domain: str },
    required: ['domain'],
    run({ world }, a) {
      const d = findGuest(world, a.domain);
      if (!d) return `no guest ${a.domain}`;
      if (!installPvDriversAndRestart(world, d)) return `${a.domain} has no Windows system volume`;
      recordEvent(world, d.host, 'fault.windows-pv-drivers', `PV drivers installed in ${d.simpleName}`);
      return null;
    },
  } satisfies FaultDef<{ domain: string }>,
};
