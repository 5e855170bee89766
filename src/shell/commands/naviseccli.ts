// `naviseccli -h SP_ADDRESS …`: the subset of Navisphere Secure CLI a host admin uses against the
// CX4 — getagent, lun -list [-l N], lun -expand -l N -capacity C -sq mb|gb|tb [-o],
// storagegroup -list. Talks to an SP by its management address; a dead SP does not answer.
import { getagent, lunBlock, storageGroups } from '../../sim/render/navi';
import { growLun } from '../../sim/storage/san/faults';
import type { SanArray, SpName } from '../../sim/storage/types';
import type { WorldState } from '../../sim/types';
import { LineInput } from '../../programs/line-input';
import type { ProgramFactory } from '../../programs/program';
import { defineCommand, type CommandContext, type CommandOutcome } from '../types';

const USAGE = 'naviseccli: usage: naviseccli [-User <username>] [-Password <password>] [-Scope <0|1|2>] -h <address> <command> [options]\n';

function findSp(world: WorldState, addr: string): { array: SanArray; sp: SpName } | null {
  for (const a of world.san?.arrays ?? []) for (const sp of ['A', 'B'] as const) if (a.sps[sp].ip === addr) return { array: a, sp };
  return null;
}

const SQ: Record<string, number> = { mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, bc: 512 };

function expandProgram(world: WorldState, array: SanArray, alu: number, bytes: number): ProgramFactory {
  return (host) => {
    const io: LineInput = new LineInput(host, {
      line(t) {
        io.active = false;
        if (/^y(es)?$/i.test(t.trim())) growLun(world, { array: array.serial, alu }, bytes);
        host.exit(0);
      },
      eof() {
        io.active = false;
        host.exit(0);
      },
      interrupt() {
        io.active = false;
        host.exit(130);
      },
    });
    io.prompt('Are you sure you want to perform this operation?(y/n): ');
    return { onInput: (d) => io.input(d) };
  };
}

function lunCommand(ctx: CommandContext, array: SanArray, args: string[]): CommandOutcome {
  const sub = args[0];
  const opt = (name: string) => {
    const i = args.findIndex((a) => a.toLowerCase() === name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (sub === '-list') {
    const l = opt('-l');
    const luns = [...array.luns].sort((a, b) => a.alu - b.alu).filter((x) => l === undefined || String(x.alu) === l);
    if (l !== undefined && !luns.length) return { stdout: '', stderr: 'Could not retrieve the specified (pool lun). The (pool lun) may not exist\n', exitCode: 1 };
    return { stdout: luns.map(lunBlock).join(''), stderr: '', exitCode: 0 };
  }
  if (sub === '-expand') {
    const l = opt('-l');
    const cap = opt('-capacity');
    const sq = (opt('-sq') ?? 'gb').toLowerCase();
    const lun = array.luns.find((x) => String(x.alu) === l);
    if (!l || !cap || !SQ[sq] || !/^\d+(\.\d+)?$/.test(cap)) return { stdout: '', stderr: 'Invalid command line parameters\nlun -expand -l <LUN number> -capacity <capacity> [-sq <mb|gb|tb|bc>] [-o]\n', exitCode: 1 };
    if (!lun) return { stdout: '', stderr: 'Could not retrieve the specified (pool lun). The (pool lun) may not exist\n', exitCode: 1 };
    const bytes = Math.round(Number(cap) * SQ[sq]!);
    if (bytes <= lun.sizeBytes) return { stdout: '', stderr: 'The new capacity must be greater than the current capacity.\n', exitCode: 1 };
    if (args.some((a) => a.toLowerCase() === '-o')) {
      growLun(ctx.world, { array: array.serial, alu: lun.alu }, bytes);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: '', exitCode: 0, program: expandProgram(ctx.world, array, lun.alu, bytes) };
  }
  return { stdout: '', stderr: 'Invalid command line parameters\n', exitCode: 1 };
}

export const naviseccli = defineCommand({
  name: 'naviseccli',
  summary: 'EMC Navisphere Secure CLI (CLARiiON array management)',
  usage: 'naviseccli -h SP_ADDRESS getagent | lun -list [-l N] | lun -expand -l N -capacity C -sq mb|gb|tb [-o] | storagegroup -list',
  run(ctx) {
    const args = [...ctx.args];
    let addr: string | undefined;
    for (let i = 0; i < args.length; ) {
      const a = args[i]!.toLowerCase();
      if (a === '-h' || a === '-address') {
        addr = args[i + 1];
        args.splice(i, 2);
      } else if (a === '-user' || a === '-password' || a === '-scope' || a === '-secfilepath') args.splice(i, 2);
      else break;
    }
    if (!addr || !args.length) return { stdout: '', stderr: USAGE, exitCode: 1 };
    const target = findSp(ctx.world, addr);
    if (!target || !target.array.sps[target.sp].up) return { stdout: '', stderr: `Error: ${args[0]} command failed\nUnable to connect to the host ${addr}. Verify the host is reachable.\n`, exitCode: 1 };
    const { array, sp } = target;
    const cmd = args[0]!.toLowerCase();
    if (cmd === 'getagent') return { stdout: getagent(array, sp), stderr: '', exitCode: 0 };
    if (cmd === 'lun') return lunCommand(ctx, array, args.slice(1));
    if (cmd === 'storagegroup' && args[1]?.toLowerCase() === '-list') {
      const rows: Array<{ group: string; uid: string; sp: SpName; port: number }> = [];
      for (const sg of array.storageGroups) {
        for (const h of sg.hosts) {
          const hs = ctx.world.san?.hosts[h];
          for (const hba of hs?.hbas ?? []) {
            // The initiator's UID: its node name (20:…) then its port name (21:…).
            const uid = `${hba.wwpn.replace(/^21/, '20').toUpperCase()}:${hba.wwpn.toUpperCase()}`;
            for (const s of ['A', 'B'] as const) for (const p of array.sps[s].ports) if (p.fabric === hba.fabric) rows.push({ group: sg.name, uid, sp: s, port: p.index });
          }
        }
      }
      return { stdout: storageGroups(array, rows), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `Invalid command line parameters\n`, exitCode: 1 };
  },
});
