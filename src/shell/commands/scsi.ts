// `lsscsi`: the SCSI devices the kernel knows, in H:C:T:L order (offline ones too).
import { renderLsscsi } from '../../sim/render/lsscsi';
import { hostSan } from '../../sim/storage/san/san';
import { defineCommand } from '../types';

const USAGE = `Usage: lsscsi   [--classic] [--device] [--generic] [--help] [--hosts]
                [--kname] [--list] [--lunhex] [--long] [--protection]
                [--size] [--sysfsroot=PATH] [--transport] [--verbose]
                [--version] [--wwn] [<h:c:t:l>]
`;

export const lsscsi = defineCommand({
  name: 'lsscsi',
  summary: 'list SCSI devices (or hosts) and their attributes',
  usage: 'lsscsi [--hosts] [--size] [--version]',
  run(ctx) {
    const hs = hostSan(ctx.world, ctx.host.name);
    const args = ctx.args;
    const bad = args.find((a) => !['-H', '--hosts', '-s', '--size', '-V', '--version', '-d', '--device'].includes(a));
    if (bad) return { stdout: '', stderr: (bad.startsWith('--') ? `lsscsi: unrecognized option '${bad}'\n` : `lsscsi: invalid option -- '${bad.replace(/^-/, '')[0] ?? ''}'\n`) + USAGE, exitCode: 1 };
    if (args.includes('-V') || args.includes('--version')) return { stdout: '', stderr: 'release: 0.23  21 March 2009\n', exitCode: 0 };
    if (!hs) return { stdout: '', stderr: '', exitCode: 0 };
    if (args.includes('-H') || args.includes('--hosts')) {
      const hosts = [{ n: 0, drv: 'ahci' }, ...hs.hbas.map((b) => ({ n: b.scsiHost, drv: b.driver }))];
      return { stdout: hosts.map((h) => `[${h.n}]    ${h.drv}\n`).join(''), stderr: '', exitCode: 0 };
    }
    const disks = [...hs.disks].sort((a, b) => a.host - b.host || a.channel - b.channel || a.target - b.target || a.lun - b.lun);
    const size = args.includes('-s') || args.includes('--size');
    const dev = args.includes('-d') || args.includes('--device');
    const rows = disks.map((d) => {
      const sz = d.sizeBytes >= 1e12 ? `${(d.sizeBytes / 1e12).toFixed(1)}TB` : d.sizeBytes >= 1e9 ? `${(d.sizeBytes / 1e9).toFixed(1)}GB` : `${Math.round(d.sizeBytes / 1e6)}MB`;
      return { hctl: `${d.host}:${d.channel}:${d.target}:${d.lun}`, vendor: d.vendor, model: d.product, rev: d.rev, node: `/dev/${d.name}${dev ? `[${d.major}:${d.minor}]` : ''}${size ? `   ${sz}` : ''}` };
    });
    return { stdout: renderLsscsi(rows), stderr: '', exitCode: 0 };
  },
});
