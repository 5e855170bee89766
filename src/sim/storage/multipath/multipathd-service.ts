// `service multipathd start|stop|reload`: the init script's effects on the daemon model. Plugged
// into sim/services.ts's handler table; imports nothing from it (services.ts imports this).
import type { HostState, WorldState } from '../../types';
import { reconfigure, startMultipathd, stopMultipathd } from './multipathd';
import { hostSan } from '../san/san';

interface Ctx {
  world: WorldState;
  host: HostState;
}

/** /etc/init.d/functions' `[  OK  ]` at column 60 (same as sim/services initLine). */
function line(text: string, success: boolean): string {
  const word = success ? '\x1b[0;32m  OK  \x1b[0;39m' : '\x1b[0;31mFAILED\x1b[0;39m';
  return `${text}${' '.repeat(Math.max(0, 59 - text.length))}[${word}]\n`;
}

export const multipathdService = {
  name: 'multipathd',
  onStart: (c: Ctx) => void startMultipathd(c.world, c.host.name),
  onStop: (c: Ctx) => stopMultipathd(c.world, c.host.name),
  actions: {
    reload(c: Ctx) {
      const running = hostSan(c.world, c.host.name)?.multipathd.running ?? false;
      if (!running) return { stdout: line('Reloading multipathd: ', false), exitCode: 7 };
      reconfigure(c.world, c.host.name);
      return { stdout: line('Reloading multipathd: ', true), exitCode: 0 };
    },
  },
};
