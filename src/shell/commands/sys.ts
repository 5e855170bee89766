// System identity commands of dom0: hostname.
import { defineCommand, fail, ok, type CommandSpec } from '../types';

const hostname = defineCommand({
  name: 'hostname',
  summary: 'show the system host name',
  usage: 'hostname [-s|-f|-i]',
  run(ctx) {
    const [opt, ...more] = ctx.args;
    const h = ctx.host;
    if (more.length) return fail('hostname: you must be root to change the host name\n', 1);
    switch (opt) {
      case undefined:
      case '-f':
      case '--fqdn':
      case '--long':
        return ok(`${h.name}.${h.domain}\n`);
      case '-s':
      case '--short':
        return ok(`${h.name}\n`);
      case '-i':
      case '--ip-address':
        return ok(`${h.ip}\n`);
      case '-d':
      case '--domain':
        return ok(`${h.domain}\n`);
      default:
        if (opt.startsWith('-')) return fail(`hostname: invalid option -- '${opt.replace(/^-+/, '').charAt(0)}'\nUsage: hostname [-v] {hostname|-F file}      set host name (from file)\n`, 1);
        return fail('hostname: you must be root to change the host name\n', 1);
    }
  },
});

export const sys: readonly CommandSpec[] = [hostname];
