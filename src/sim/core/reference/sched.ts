// Reference credit scheduler: per host, weighted max-min fair shares by repeated water-filling
// over the host's domains (demand and cap limits), then each vCPU's part of its domain's share.
import { domHash, hi24 } from './hash';
import type { RefDomain, RefState } from './state';

interface Entry { d: RefDomain; handle: number; demand: number; limit: number; saturated: boolean; alloc: number }

/** Per-tick scheduler result the block I/O model needs: each domain's demand and share. */
export type CpuResult = Map<number, { demand: number; share: number }>;

export function schedTick(st: RefState, dtS: number): CpuResult {
  const seed = st.seed >>> 0;
  const tick = st.tick >>> 0;
  const byHost = new Map<number, Entry[]>();
  const result: CpuResult = new Map();
  st.domains.rows.forEach((d, handle) => {
    if (!d) return;
    let demand = 0;
    if (d.runnable && d.demand > 0) demand = Math.min(1, d.demand * (0.85 + 0.3 * hi24(domHash(seed, handle, tick)))) * d.online;
    const limit = d.cap > 0 ? Math.min(demand, d.cap / 100) : demand;
    const list = byHost.get(d.host) ?? [];
    list.push({ d, handle, demand, limit, saturated: limit <= 0, alloc: 0 });
    byHost.set(d.host, list);
  });

  st.hosts.rows.forEach((host, h) => {
    if (!host) return;
    const list = byHost.get(h) ?? [];
    shareHost(host.pcpus, list);
    let total = 0;
    for (const e of list) total += e.alloc;
    host.util = host.pcpus > 0 ? total / host.pcpus : 0;
    host.busyS += total * dtS;
  });

  for (const list of byHost.values()) {
    for (const e of list) {
      const d = e.d;
      d.share = e.alloc;
      d.dem = e.demand;
      if (e.alloc > 0) {
        d.cpuS += e.alloc * dtS;
        d.q += e.alloc * e.alloc * dtS;
        d.lastRun = tick;
      }
      result.set(e.handle, { demand: e.demand, share: e.alloc });
    }
  }
  return result;
}

/** Water-filling: offer λ = remaining / Σ weight; domains whose limit fits take it; repeat. */
function shareHost(pcpus: number, list: Entry[]): void {
  let rem = pcpus;
  let weights = 0;
  let sumLimits = 0;
  for (const e of list) {
    sumLimits += e.limit;
    if (e.limit > 0) weights += e.d.weight;
  }
  if (sumLimits <= rem) {
    for (const e of list) e.alloc = e.limit;
    return;
  }
  for (let pass = 0; pass <= list.length; pass++) {
    const lambda = Math.max(0, rem / weights);
    let changed = false;
    for (const e of list) {
      if (e.saturated || !(e.limit <= lambda * e.d.weight)) continue;
      e.saturated = true;
      rem -= e.limit;
      weights -= e.d.weight;
      changed = true;
    }
    if (!changed) {
      for (const e of list) e.alloc = e.saturated ? e.limit : lambda * e.d.weight;
      return;
    }
    if (weights <= 0) break;
  }
  for (const e of list) e.alloc = e.limit;
}
