// On the 3.x Manager's own server (`ssh ovmm`): `service ovmm stop|start|status` and
// `ovm_upgrade.sh --deletedb`, which empties the Manager's database (seed 000: "Clear OracleVM
// Manager DB"). Output wording [INFERRED]; the changes are sim/manager/rebuild.ts's.
import { deleteManagerDb, startManagerService, stopManagerService } from '../../../sim/manager/rebuild';
import type { WorldState } from '../../../sim/types';
import type { ManagerState } from '../../../sim/manager/types';

export const OVM_UPGRADE = '/u01/app/oracle/ovm-manager-3/ovm_upgrade/bin/ovm_upgrade.sh';
/** The Manager database's password, as the sandbox's Manager was installed (the admin password). */
const DB_PASSWORD = 'Welcome1';

const line = (text: string, ok: boolean) => `${text.padEnd(60)}[${ok ? '  OK  ' : 'FAILED'}]\n`;

/** One command line on the Manager's server: its output, or null when it is not one of these. */
export function managerServiceCommand(world: WorldState, m: ManagerState, words: string[]): string | null {
  if (m.release === '2.2') return null;
  const [c, ...args] = words;
  if (c === 'service' && args[0] === 'ovmm') {
    const running = m.up || m.upAtMs !== null;
    switch (args[1]) {
      case 'stop':
        if (!running) return line('Stopping Oracle VM Manager', false);
        stopManagerService(world, m);
        return line('Stopping Oracle VM Manager', true);
      case 'start':
        if (running) return 'Oracle VM Manager is already running\n';
        startManagerService(world, m);
        return line('Starting Oracle VM Manager', true);
      case 'status':
        return m.up ? 'Oracle VM Manager is running...\n' : m.upAtMs !== null ? 'Oracle VM Manager is starting...\n' : 'Oracle VM Manager is stopped\n';
      default:
        return 'Usage: /etc/init.d/ovmm {start|stop|status|restart}\n';
    }
  }
  if (c === OVM_UPGRADE || c?.endsWith('/ovm_upgrade.sh') || c === 'ovm_upgrade.sh') {
    if (!args.includes('--deletedb')) return `Usage: ${OVM_UPGRADE} --deletedb --dbuser=USER --dbpass=PASSWORD [--dbhost=HOST] [--dbport=PORT] [--dbsid=SID]\n`;
    const pass = args.find((a) => a.startsWith('--dbpass='))?.slice('--dbpass='.length);
    if (pass !== DB_PASSWORD) return 'Connecting to the database ... failed: Access denied for user (using password: ' + (pass ? 'YES' : 'NO') + ')\n';
    const err = deleteManagerDb(world, m);
    if (err) return `${err}\n`;
    return 'Connecting to the database ... done\nDeleting the Oracle VM Manager database objects ... done\nThe database is empty: start Oracle VM Manager and discover the servers again.\n';
  }
  return null;
}
