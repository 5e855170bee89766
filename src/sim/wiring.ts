// Everything the simulated world hooks into its lower layers, in one call: the generated /proc
// and /sys trees of every host's VFS, and the storage model's VBD router for the core's Xen sync.
// Nothing registers itself on import: createEngine() calls this, and so does a test that builds a
// Sim by hand. Idempotent (each registry is keyed or a single slot).
import { registerVbdRouter } from './core/sync-xen';
import { registerProc } from './proc/proc';
import { routeVbd } from './storage/multipath/core-sync';
import { registerSysfs } from './storage/san/sysfs';

export function wireSim(): void {
  registerProc();
  registerSysfs();
  registerVbdRouter(routeVbd);
}
