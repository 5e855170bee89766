// Everything a core shows, flattened to name → number, so two cores can be compared counter by
// counter (wasm vs reference) and a failure names the first counter that differs.
import type { SimCore } from '../types';
import type { Estate } from './estate';

export type Observation = Map<string, number>;

export function observe(core: SimCore, e: Estate, live: (kind: keyof Estate, h: number) => boolean = () => true): Observation {
  const o: Observation = new Map();
  const put = (prefix: string, rec: object) => {
    for (const [k, v] of Object.entries(rec)) if (typeof v === 'number') o.set(`${prefix}.${k}`, v);
  };
  o.set('now', core.nowMs());
  for (const h of e.hosts) if (live('hosts', h)) put(`host${h}`, core.hostCpu(h));
  for (const d of [...e.dom0s, ...e.domains]) {
    if (!live('domains', d)) continue;
    o.set(`dom${d}.cpuS`, core.domainCpuS(d));
    o.set(`dom${d}.share`, core.domainShare(d));
    const v = core.domainVcpus(d);
    v.timeS.forEach((t, i) => {
      o.set(`dom${d}.vcpu${i}.timeS`, t);
      o.set(`dom${d}.vcpu${i}.pcpu`, v.pcpu[i]!);
      o.set(`dom${d}.vcpu${i}.busy`, v.busy[i]!);
    });
  }
  for (const v of e.vbds) if (live('vbds', v)) put(`vbd${v}`, core.vbdCounters(v));
  for (const p of e.ports) if (live('ports', p)) put(`port${p}`, core.portStatus(p));
  for (const l of e.luns) if (live('luns', l)) put(`lun${l}`, core.lunCounters(l));
  for (const m of e.maps) {
    if (!live('maps', m)) continue;
    put(`map${m}`, core.mapCounters(m));
    const s = core.mapStatus(m);
    put(`map${m}.status`, s);
    o.set(`map${m}.queueIfNoPath`, s.queueIfNoPath ? 1 : 0);
  }
  for (const p of e.paths) {
    if (!live('paths', p)) continue;
    put(`path${p}`, core.pathCounters(p));
    const s = core.pathStatus(p);
    put(`path${p}.status`, s);
    o.set(`path${p}.usable`, s.usable ? 1 : 0);
  }
  return o;
}

/** First counters whose relative difference exceeds tol (|a-b| ≤ tol·max(1,|a|,|b|)). */
export function differences(a: Observation, b: Observation, tol = 1e-9, limit = 5): string[] {
  const out: string[] = [];
  for (const [k, va] of a) {
    const vb = b.get(k);
    if (vb === undefined) out.push(`${k}: ${va} vs missing`);
    else if (Math.abs(va - vb) > tol * Math.max(1, Math.abs(va), Math.abs(vb))) out.push(`${k}: ${va} vs ${vb}`);
    if (out.length >= limit) return out;
  }
  for (const k of b.keys()) if (!a.has(k) && out.length < limit) out.push(`${k}: missing vs ${b.get(k)}`);
  return out;
}
