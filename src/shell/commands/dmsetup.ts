// `dmsetup ls|table|status|info|remove|version`: the host's device-mapper devices (multipath
// maps and kpartx partition maps) as the kernel holds them.
import { STRERROR } from '../../sim/errno';
import { infoBlock, linearTable, lsLine, multipathStatus, multipathTable } from '../../sim/render/dmsetup';
import { syncDevNodes } from '../../sim/storage/multipath/devnodes';
import { allHolders, mapHolders } from '../../sim/storage/multipath/holders';
import { bumpSan, hostSan } from '../../sim/storage/san/san';
import { kernelFeatures } from '../../sim/storage/san/topology';
import type { DmDevice, HostSan } from '../../sim/storage/types';
import { defineCommand, type CommandContext, type CommandOutcome } from '../types';

const USAGE = `Usage:

dmsetup
        [--version] [-h|--help [-c|-C|--columns]]
        [-v|--verbose [-v|--verbose ...]]
        [-r|--readonly] [--noopencount] [--nolockfs] [--inactive]
        [--udevcookie] [--noudevrules] [--noudevsync] [-y|--yes]
        [--readahead [+]<sectors>|auto|none]
        [-c|-C|--columns] [-o <fields>] [-O|--sort <sort_fields>]
        [--noheadings] [--separator <separator>]

        help [-c|-C|--columns]
        create <dev_name> [-j|--major <major> -m|--minor <minor>]
          [-U|--uid <uid>] [-G|--gid <gid>] [-M|--mode <octal_mode>]
          [-u|uuid <uuid>]
          [--notable | --table <table> | <table_file>]
        remove [-f|--force] <device>
        remove_all [-f|--force]
        suspend [--noflush] <device>
        resume <device>
        load <device> [<table_file>]
        clear <device>
        reload <device> [<table_file>]
        rename <device> [--setuuid] <new_name|new_uuid>
        message <device> <sector> <message>
        ls [--target <target_type>] [--exec <command>] [--tree [-o options]]
        info [<device>]
        deps [<device>]
        status [<device>] [--target <target_type>]
        table [<device>] [--target <target_type>] [--showkeys]
        wait <device> [<event_nr>]
        mknodes [<device>]
        udevcreatecookie
        udevreleasecookie [<cookie>]
        udevflags <cookie>
        udevcomplete <cookie>
        udevcomplete_all
        udevcookies
        targets
        version
        setgeometry <device> <cyl> <head> <sect> <start>
        splitname <device> [<subsystem>]

<device> may be device name or -u <uuid> or -j <major> -m <minor>
<fields> are comma-separated.  Use 'help -c' for list.
Table_file contents may be supplied on stdin.
Tree options are: ascii, utf, vt100; compact, inverted, notrunc;
                  [no]device, active, open, rw and uuid.

`;

const sorted = (hs: HostSan) => [...hs.dm].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function openCount(ctx: CommandContext, d: DmDevice): number {
  const hs = hostSan(ctx.world, ctx.host.name)!;
  if (d.target === 'multipath') {
    const m = hs.maps.find((x) => x.name === d.name);
    return m ? mapHolders(ctx.world, ctx.host.name, m).filter((h) => !h.indirect && (h.kind === 'partition' || h.device.kind === 'mpath')).length : 0;
  }
  return allHolders(ctx.world, ctx.host.name).filter((h) => !h.indirect && h.device.path === `/dev/mapper/${d.name}`).length;
}

function table(ctx: CommandContext, d: DmDevice, status: boolean): string {
  const hs = hostSan(ctx.world, ctx.host.name)!;
  if (d.target === 'linear') {
    const parent = hs.dm.find((x) => x.name === d.parent);
    return status ? `0 ${d.sectors} linear ` : linearTable(d, parent?.minor ?? 0);
  }
  const m = hs.maps.find((x) => x.name === d.name)!;
  return status ? multipathStatus(m, hs.disks) : multipathTable(m, kernelFeatures(m), hs.disks);
}

function perDevice(ctx: CommandContext, hs: HostSan, name: string | undefined, target: string | undefined, fn: (d: DmDevice) => string, many: (d: DmDevice, s: string) => string): CommandOutcome {
  if (name) {
    const d = hs.dm.find((x) => x.name === name);
    if (!d) return { stdout: '', stderr: 'Device does not exist.\nCommand failed\n', exitCode: 1 };
    return { stdout: fn(d), stderr: '', exitCode: 0 };
  }
  const list = sorted(hs).filter((d) => !target || d.target === target);
  if (!list.length) return { stdout: 'No devices found\n', stderr: '', exitCode: 0 };
  return { stdout: list.map((d) => many(d, fn(d))).join(''), stderr: '', exitCode: 0 };
}

export const dmsetup = defineCommand({
  name: 'dmsetup',
  dir: '/sbin',
  summary: 'low level logical volume management (device-mapper)',
  usage: 'dmsetup ls|info|table|status|remove|version [device]',
  complete: (_c, words, cur) => (words.length ? [] : ['ls', 'info', 'table', 'status', 'remove', 'version', 'targets'].filter((x) => x.startsWith(cur))),
  run(ctx) {
    const hs = hostSan(ctx.world, ctx.host.name);
    const args = [...ctx.args];
    let target: string | undefined;
    const ti = args.indexOf('--target');
    if (ti >= 0) {
      target = args[ti + 1];
      args.splice(ti, 2);
    }
    const [cmd, name] = args;
    const oldStyle = ctx.host.release === 'ovm22';
    if (cmd === 'version') return { stdout: oldStyle ? 'Library version:   1.02.39-RHEL5 (2010-03-22)\nDriver version:    4.11.6\n' : 'Library version:   1.02.79-RHEL6 (2013-10-04)\nDriver version:    4.23.6\n', stderr: '', exitCode: 0 };
    if (cmd === 'targets') return { stdout: 'multipath        v1.1.1\nstriped          v1.3.1\nlinear           v1.1.0\nerror            v1.0.1\n', stderr: '', exitCode: 0 };
    if (!hs || !cmd) return { stdout: '', stderr: USAGE, exitCode: cmd ? 1 : 0 };
    switch (cmd) {
      case 'ls': {
        const list = sorted(hs).filter((d) => !target || d.target === target);
        return { stdout: list.length ? list.map((d) => lsLine(d.name, d.minor, oldStyle)).join('') : 'No devices found\n', stderr: '', exitCode: 0 };
      }
      case 'table':
      case 'status':
        return perDevice(ctx, hs, name, target, (d) => table(ctx, d, cmd === 'status') + '\n', (d, s) => `${d.name}: ${s}`);
      case 'info':
        return perDevice(ctx, hs, name, target, (d) => infoBlock({ name: d.name, suspended: !!hs.maps.find((m) => m.name === d.name)?.suspended, openCount: openCount(ctx, d), minor: d.minor, uuid: d.uuid }), (_d, s) => s);
      case 'remove': {
        if (!name) return { stdout: '', stderr: USAGE, exitCode: 1 };
        const d = hs.dm.find((x) => x.name === name);
        if (!d) return { stdout: '', stderr: 'Device does not exist.\nCommand failed\n', exitCode: 1 };
        if (openCount(ctx, d) > 0) return { stdout: '', stderr: `device-mapper: remove ioctl failed: ${STRERROR.EBUSY}\nCommand failed\n`, exitCode: 1 };
        hs.dm = hs.dm.filter((x) => x !== d);
        if (d.target === 'multipath') hs.maps = hs.maps.filter((m) => m.name !== d.name);
        bumpSan(ctx.world);
        syncDevNodes(ctx.world, ctx.host.name);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      default:
        return { stdout: '', stderr: `Unknown command\n${USAGE}`, exitCode: 1 };
    }
  },
});
