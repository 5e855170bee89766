// Random operations on a core (the world's path verdicts and group switches, config changes,
// churn, ticks of varied length), described by plain integers so fast-check can generate and
// shrink them; applied to several cores in lockstep they must leave them equal.
import { seedRng } from '../../../lib/rng';
import type { Handle, MapRouting, SimCore } from '../types';
import { addGuest, type Estate } from './estate';

export interface Op {
  kind: number;
  a: number;
  b: number;
  c: number;
}

export const OP_KINDS = 30;

/** Live handles of an estate under churn. */
export class Live {
  readonly dead = new Set<string>();
  constructor(readonly e: Estate) {}
  alive = (kind: keyof Estate, h: Handle): boolean => !this.dead.has(`${kind}:${h}`);
  list(kind: keyof Estate): Handle[] {
    return this.e[kind].filter((h) => this.alive(kind, h));
  }
  kill(kind: keyof Estate, h: Handle): void {
    this.dead.add(`${kind}:${h}`);
  }
  revive(kind: keyof Estate, h: Handle): void {
    this.dead.delete(`${kind}:${h}`);
    if (!this.e[kind].includes(h)) this.e[kind].push(h);
  }
}

const WEIGHTS = [1, 128, 256, 256, 512, 27500, 65535];

export function routingFrom(b: number, c: number): MapRouting {
  const selector = (['round-robin', 'queue-length', 'service-time'] as const)[(b >> 3) % 3]!;
  return { selector, rrMinIo: [1, 16, 100, 1000][(b >> 5) % 4]!, queueIfNoPath: c % 3 !== 0 };
}

/** Paths of a live map (the core has no per-map listing; the estate's handles do). */
const pathsOf = (core: SimCore, live: Live, m: Handle): Handle[] => live.list('paths').filter((p) => core.pathStatus(p).map === m);

const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[Math.abs(n) % xs.length] : undefined);

/**
 * Applies one operation. Returns a short description of what happened (or the error it threw),
 * so that two cores can be checked to have reacted the same way.
 */
export function applyOp(core: SimCore, live: Live, op: Op): string {
  const { a, b, c } = op;
  try {
    switch (op.kind % OP_KINDS) {
      case 0: {
        const n = 1 + (b % 8);
        for (let i = 0; i < n; i++) core.tick(1000);
        return `tick×${n}`;
      }
      case 1:
      case 3:
      case 4:
      case 21: {
        // The world's verdict on one path: failed or reinstated (by the kernel, the checker, the operator).
        const p = pick(live.list('paths'), a);
        if (p === undefined) return 'none';
        core.setPathUsable(p, op.kind % OP_KINDS === 4 || (op.kind % OP_KINDS !== 3 && b % 3 !== 0));
        return `usable ${p}`;
      }
      case 2:
      case 5:
      case 14: {
        // The world switched groups (failover, failback, switchgroup); -1 and empty groups included.
        const m = pick(live.list('maps'), a);
        if (m === undefined) return 'none';
        core.setMapActiveGroup(m, (b % 5) - 1);
        return `group ${m}`;
      }
      case 6:
      case 7:
      case 8:
      case 9:
      case 10:
      case 25: {
        const d = pick([...live.list('dom0s'), ...live.list('domains')], a);
        if (d === undefined) return 'none';
        const k = op.kind % OP_KINDS;
        if (k === 6) core.setDomainWeight(d, WEIGHTS[b % WEIGHTS.length]!);
        if (k === 7) core.setDomainCap(d, (b % 9) * 50);
        if (k === 8) core.setDomainVcpus(d, 1 + (b % core.domainVcpus(d).timeS.length));
        if (k === 9) core.setDomainDemand(d, (b % 21) / 20);
        if (k === 10) core.setDomainRunnable(d, b % 3 !== 0);
        if (k === 25) core.setDomainCpuTime(d, c % 100000);
        return `dom ${k} ${d}`;
      }
      case 11: {
        const m = pick(live.list('maps'), a);
        if (m === undefined) return 'none';
        core.setMapRouting(m, routingFrom(b, c));
        return `routing ${m}`;
      }
      case 12: {
        const v = pick(live.list('vbds'), a);
        if (v === undefined) return 'none';
        core.setVbdWorkload(v, b % 5000, c % 3000, [1, 8, 16, 128][b % 4]!);
        return `workload ${v}`;
      }
      case 13: {
        const v = pick(live.list('vbds'), a);
        if (v === undefined) return 'none';
        const m = b % 5 === 0 ? -1 : (pick(live.list('maps'), c) ?? -1);
        core.routeVbd(v, m);
        return `route ${v} ${m}`;
      }
      case 15:
      case 24: {
        const h = pick(live.list('hosts'), a);
        if (h === undefined) return 'none';
        core.setHostPcpus(h, [1, 2, 4, 8, 16][b % 5]!);
        return `host ${h}`;
      }
      case 16: {
        const d = pick(live.list('domains'), a);
        const h = pick(live.list('hosts'), b);
        if (d === undefined || h === undefined) return 'none';
        core.moveDomain(d, h);
        return `move ${d} ${h}`;
      }
      case 17: {
        const h = pick(live.list('hosts'), a);
        if (h === undefined) return 'none';
        const before = new Set(live.e.vbds);
        const maps = live.list('maps');
        const d = addGuest(core, seedRng(c), live.e, h, maps.slice(0, 4));
        live.revive('domains', d);
        for (const v of live.e.vbds) if (!before.has(v)) live.revive('vbds', v);
        return `guest ${d}`;
      }
      case 18: {
        const d = pick(live.list('domains'), a);
        if (d === undefined) return 'none';
        core.removeDomain(d);
        live.kill('domains', d);
        // Its VBDs went with it; find them by asking the core which ones are gone.
        for (const v of live.list('vbds')) {
          try {
            core.vbdCounters(v);
          } catch {
            live.kill('vbds', v);
          }
        }
        return `remove dom ${d}`;
      }
      case 19: {
        const m = pick(live.list('maps'), a);
        const port = pick(live.list('ports'), b);
        if (m === undefined || port === undefined) return 'none';
        const p = core.addPath(m, port, c % 3);
        live.revive('paths', p);
        return `path ${p}`;
      }
      case 20: {
        const p = pick(live.list('paths'), a);
        if (p === undefined) return 'none';
        core.removePath(p);
        live.kill('paths', p);
        return `remove path ${p}`;
      }
      case 22: {
        const p = pick(live.list('ports'), a);
        if (p === undefined) return 'none';
        core.setPort(p, [50, 500, 5000, 24000][b % 4]!, [0.2, 1, 5, 20][c % 4]!);
        return `port cfg ${p}`;
      }
      case 23: {
        const m = pick(live.list('maps'), a);
        if (m === undefined) return 'none';
        const paths = pathsOf(core, live, m);
        core.removeMap(m);
        live.kill('maps', m);
        for (const p of paths) live.kill('paths', p);
        return `remove map ${m}`;
      }
      case 26: {
        const d = pick(live.list('domains'), a);
        if (d === undefined) return 'none';
        const v = core.addVbd(d);
        core.setVbdWorkload(v, b % 400, c % 200, 16);
        live.revive('vbds', v);
        return `vbd ${v}`;
      }
      case 27:
      case 28: {
        // A whole map loses (or regains) every path: cable pulls on both fabrics, or repair.
        const m = pick(live.list('maps'), a);
        if (m === undefined) return 'none';
        const down = op.kind % OP_KINDS === 27;
        for (const p of pathsOf(core, live, m)) core.setPathUsable(p, !down);
        return `outage ${m} ${down}`;
      }
      default: {
        const dt = [500, 2000, 5000][b % 3]!;
        core.tick(dt);
        return `tick ${dt}`;
      }
    }
  } catch (e) {
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
}
