// `reboot`: takes this dom0 through a reboot on the simulation clock (sim/power). Its domains
// die, every login to it is closed ("Connection to HOST closed by remote host."), and it comes
// back after the boot time with its services started as chkconfig says.
import { wallTime } from '../../../sim/clock';
import { rebootHost } from '../../../sim/power';
import { defineCommand, fail, ok } from '../../types';
import { strftime } from './strftime';

const USAGE = 'reboot [OPTION]...\nReboot the system.\n\nOptions:\n  -n, --no-sync               Don\'t sync before reboot or halt\n  -f, --force                 force reboot or halt, don\'t call shutdown.\n  -p, --poweroff              switch off the power when called as halt\n  -w, --wtmp-only             Only write wtmp record\n\nOther options:\n  -q, --quiet                 reduce output to errors only\n  -v, --verbose               increase output to include informational messages\n      --help                  display this help and exit\n      --version               output version information and exit\n\nThis command is intended to instruct the kernel to reboot or halt the system; when run without the -f option, or in a system runlevel other than 0 or 6, it will actually execute /sbin/shutdown.\n\nReport bugs to <upstart-devel@lists.ubuntu.com>\n';

export const reboot = defineCommand({
  name: 'reboot',
  dir: '/sbin',
  summary: 'reboot this server (its running guests die with it)',
  man: { section: 8, name: 'reboot the system', synopsis: ['reboot [OPTION]...'], description: ['Reboots the server. Every domain running on it dies with it (unless it was migrated away first, or HA restarts it elsewhere), and every login to it is closed. The server comes back after its boot time.'] },
  usage: 'reboot [-f] [-n] [-w]',
  run(ctx) {
    let force = false;
    let wtmpOnly = false;
    for (const a of ctx.args) {
      if (a === '--help') return ok(`Usage: ${USAGE}`);
      if (a === '-f' || a === '--force') force = true;
      else if (a === '-w' || a === '--wtmp-only') wtmpOnly = true;
      else if (['-n', '--no-sync', '-q', '--quiet', '-v', '--verbose', '-p', '--poweroff'].includes(a)) continue;
      else if (a.startsWith('--')) return fail(`reboot: unrecognized option '${a}'\nTry \`reboot --help' for more information.\n`, 1);
      else if (a.startsWith('-')) return fail(`reboot: invalid option: ${a}\nTry \`reboot --help' for more information.\n`, 1);
      else return fail(`reboot: too many arguments\nTry \`reboot --help' for more information.\n`, 1);
    }
    if (wtmpOnly) return ok();
    const now = wallTime(ctx.world);
    const fqdn = `${ctx.host.name}.${ctx.host.domain}`;
    const banner =
      ctx.host.release === 'ovm22'
        ? `\nBroadcast message from root (pts/0) (${strftime(now, '%a %b %e %H:%M:%S %Y')}):\n\nThe system is going down for reboot NOW!\n`
        : `\nBroadcast message from root@${fqdn}\n\t(/dev/pts/0) at ${now.getUTCHours()}:${strftime(now, '%M')} ...\n\nThe system is going down for reboot NOW!\n`;
    rebootHost(ctx.world, ctx.host);
    return ok(force ? '' : banner);
  },
});
