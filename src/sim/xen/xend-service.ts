// xend as an init-script service (registered in sim/services.ts): starting it writes the daemon's
// start records to xend.log and xend-debug.log; stopping it leaves the guests running (xend is
// only the toolstack) — `xm` then answers "Is xend running?".
import { appendLog } from '../logs';
import { asctime, XEND_DEBUG_LOG, xendLog } from './xend-log';
import type { ServiceCtx } from '../services';

function started({ world, host }: ServiceCtx): void {
  xendLog(world, host, 'INFO', 'SrvDaemon:332', 'Xend Daemon started');
  xendLog(world, host, 'INFO', 'SrvDaemon:336', 'Xend changeset: unavailable.');
  xendLog(world, host, 'INFO', 'relocate:149', 'Listening for relocation connections on port 8002.');
  appendLog(world, host, XEND_DEBUG_LOG, `Xend started at ${asctime(world, world.clockMs)}.`);
}

function stopped({ world, host }: ServiceCtx): void {
  xendLog(world, host, 'INFO', 'SrvDaemon:190', 'Xend exiting.');
}

export const XEND_SERVICE = { name: 'xend', onStart: started, onStop: stopped };
