// The one registry of fault actions: what a lab's `faults[].do` and the sandbox's fault menu
// may do to the world. Each is a plain function over the world, recorded in the event log.
import { recordEvent } from '../sim/events';
import { syslog } from '../sim/logs';
import { setServiceState } from '../sim/services';
import { writeFile } from '../sim/vfs';
import { changePage83, growLun, setCable, setHbaPort, setSp, setSpPort, setSwitch } from '../sim/storage/san/faults';
import { findLun } from '../sim/storage/san/san';
import { replaceHba } from '../sim/storage/san/hba-swap';
import { syncStorage } from '../sim/storage/multipath/core-sync';
import { crashHost } from '../sim/power';
import { MANAGER_FAULTS } from './faults-manager';
import { OCFS2_FAULTS } from './faults-ocfs2';
import { XEN_FAULTS } from './faults-xen';
import { freeMemoryMiB } from '../sim/memory';
import { bool, findHost, int, num, oneOfStr, str, type JsonSchema } from './check-kit';
import { own } from './own';
import type { LunRef } from '../sim/storage/types';
import type { WorldState } from '../sim/types';
import type { Sim } from '../sim/sim';

export interface FaultDef<A = Record<string, unknown>> {
  summary: string;
  args: Record<string, JsonSchema>;
  required: readonly string[];
  /** Offered in the sandbox's fault menu under this label (absent: lab-only). */
  menu?: string;
  /** Does it; returns an error text when it cannot (an unknown host), else null. */
  run(sim: Sim, args: A): string | null;
}

const defineFault = <A>(f: FaultDef<A>): FaultDef<A> => f;

const GiB = 1024 ** 3;

/** The first array of the SAN (the scenarios have one). */
const firstArray = (world: WorldState): string | undefined => world.san?.arrays[0]?.serial;

/** A LUN named by its scenario role (repository, poolfs, spare) or by its array LUN number. */
function lunRef(world: WorldState, lun: string | number): LunRef | undefined {
  if (typeof lun === 'string' && !/^\d+$/.test(lun)) return own(world.san?.roles, lun);
  const array = firstArray(world);
  return array ? { array, alu: Number(lun) } : undefined;
}

const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };
const hbaArg: JsonSchema = { ...int, minimum: 0, maximum: 255 };
const portArg: JsonSchema = { ...int, minimum: 0, maximum: 63 };
const upDown = (verb: string) => ({ ...bool, description: verb });

/** Logs a fault in the event feed (the subsystem writes its own syslog lines). */
function noted(world: WorldState, host: string | null, kind: string, text: string, ok: boolean, missing: string): string | null {
  if (!ok) return missing;
  recordEvent(world, host, kind, text);
  return null;
}

export const FAULTS = {
  write_file: defineFault<{ host: string; path: string; content: string; append?: boolean }>({
    summary: 'Writes (or appends to) a file on a host, as another administrator would.',
    args: { host: str, path: str, content: { type: 'string' }, append: bool },
    required: ['host', 'path', 'content'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      const r = writeFile(world, h, a.path, a.content, '/', a.append ?? false);
      return r.ok ? null : `cannot write ${a.path}: ${r.error}`;
    },
  }),
  syslog: defineFault<{ host: string; tag: string; message: string }>({
    summary: 'Adds a line to /var/log/messages of a host (`Mar  2 08:01:02 HOST TAG: MESSAGE`).',
    args: { host: str, tag: str, message: str },
    required: ['host', 'tag', 'message'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      syslog(world, h, a.tag, a.message);
      return null;
    },
  }),
  service: defineFault<{ host: string; service: string; state: 'running' | 'stopped' }>({
    summary: 'Starts or stops a service on a host behind the learner\'s back (a crashed daemon).',
    args: { host: str, service: str, state: oneOfStr('running', 'stopped') },
    required: ['host', 'service', 'state'],
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      setServiceState({ world, host: h }, a.service, a.state);
      recordEvent(world, h.name, `service.${a.state === 'running' ? 'started' : 'stopped'}`, `${a.service} ${a.state === 'running' ? 'started' : 'stopped'} on ${h.name}`);
      return null;
    },
  }),
  cable: defineFault<{ host: string; hba: number; plugged: boolean }>({
    summary: 'Pulls (plugged: false) or plugs back (plugged: true) the FC cable of a host\'s HBA port (hba: the SCSI host number, 5 for host5).',
    args: { host: str, hba: hbaArg, plugged: upDown('plug it back in') },
    required: ['host', 'hba', 'plugged'],
    menu: 'FC cable',
    run({ world }, a) {
      const h = findHost(world, a.host);
      const ok = !!h && setCable(world, h.name, a.hba, a.plugged);
      return noted(world, h?.name ?? null, a.plugged ? 'fault.cable-plugged' : 'fault.cable-pulled', `FC cable of host${a.hba} on ${a.host} ${a.plugged ? 'plugged back in' : 'pulled'}`, ok, `${a.host} has no HBA port host${a.hba}`);
    },
  }),
  hba_port: defineFault<{ host: string; hba: number; up: boolean }>({
    summary: 'Fails (up: false) or repairs (up: true) one HBA port of a host.',
    args: { host: str, hba: hbaArg, up: upDown('repair it') },
    required: ['host', 'hba', 'up'],
    menu: 'HBA port',
    run({ world }, a) {
      const h = findHost(world, a.host);
      const ok = !!h && setHbaPort(world, h.name, a.hba, a.up);
      return noted(world, h?.name ?? null, a.up ? 'fault.hba-repaired' : 'fault.hba-failed', `HBA port host${a.hba} on ${a.host} ${a.up ? 'repaired' : 'failed'}`, ok, `${a.host} has no HBA port host${a.hba}`);
    },
  }),
  hba_replaced: defineFault<{ host: string; hba: number }>({
    summary: 'The datacentre swaps a host\'s HBA for a new card (SCSI host `hba`, registered on the array again): the kernel drops the old port\'s disks and their paths, the new port\'s link comes up, and its LUNs appear only once the port is scanned (`echo "- - -" > /sys/class/scsi_host/hostN/scan`).',
    args: { host: str, hba: hbaArg },
    required: ['host', 'hba'],
    menu: 'HBA replaced',
    run({ world }, a) {
      const h = findHost(world, a.host);
      const ok = !!h && replaceHba(world, h.name, a.hba);
      return noted(world, h?.name ?? null, 'fault.hba-replaced', `HBA port host${a.hba} on ${a.host} replaced by a new card`, ok, `${a.host} has no HBA port host${a.hba}`);
    },
  }),
  fc_switch: defineFault<{ fabric: number; up: boolean }>({
    summary: 'Takes an FC switch (fabric 0 or 1) down or brings it back.',
    args: { fabric: { type: 'integer', minimum: 0, maximum: 1 }, up: upDown('bring it back') },
    required: ['fabric', 'up'],
    menu: 'FC switch',
    run({ world }, a) {
      return noted(world, null, a.up ? 'fault.switch-up' : 'fault.switch-down', `FC switch of fabric ${a.fabric} ${a.up ? 'back up' : 'down'}`, setSwitch(world, a.fabric, a.up), `no fabric ${a.fabric}`);
    },
  }),
  sp: defineFault<{ sp: 'A' | 'B'; up: boolean }>({
    summary: 'Fails a whole storage processor of the array (its LUNs trespass to the peer) or repairs it.',
    args: { sp: oneOfStr('A', 'B'), up: upDown('repair it') },
    required: ['sp', 'up'],
    menu: 'Storage processor',
    run({ world }, a) {
      const array = firstArray(world);
      return noted(world, null, a.up ? 'fault.sp-up' : 'fault.sp-down', `SP ${a.sp} ${a.up ? 'repaired' : 'failed'}`, !!array && setSp(world, array, a.sp, a.up), 'no storage array in this world');
    },
  }),
  sp_port: defineFault<{ sp: 'A' | 'B'; port: number; up: boolean }>({
    summary: 'Fails or repairs one front-end port of a storage processor.',
    args: { sp: oneOfStr('A', 'B'), port: portArg, up: upDown('repair it') },
    required: ['sp', 'port', 'up'],
    menu: 'SP port',
    run({ world }, a) {
      const array = firstArray(world);
      return noted(world, null, a.up ? 'fault.sp-port-up' : 'fault.sp-port-down', `SP ${a.sp} port ${a.port} ${a.up ? 'repaired' : 'failed'}`, !!array && setSpPort(world, array, a.sp, a.port, a.up), `no SP ${a.sp} port ${a.port}`);
    },
  }),
  lun_grow: defineFault<{ lun: string | number; size_gb?: number; add_gb?: number }>({
    summary: 'The storage team grows a LUN on the array (lun: a role such as repository, or its LUN number) to size_gb, or by add_gb. Hosts notice only when they re-read it.',
    args: { lun: lunArg, size_gb: { ...num, exclusiveMinimum: 0, maximum: 65536 }, add_gb: { ...num, exclusiveMinimum: 0, maximum: 65536 } },
    required: ['lun'],
    menu: 'LUN growth',
    run({ world }, a) {
      const ref = lunRef(world, a.lun);
      const lun = ref && findLun(world, ref);
      if (!ref || !lun) return `no LUN ${a.lun}`;
      const target = a.size_gb !== undefined ? a.size_gb * GiB : lun.sizeBytes + (a.add_gb ?? 50) * GiB;
      if (target < lun.sizeBytes) return `LUN ${a.lun} is already ${lun.sizeBytes / GiB} GB: a LUN cannot shrink`;
      growLun(world, ref, Math.round(target));
      recordEvent(world, null, 'fault.lun-grown', `LUN ${lun.name} grown on the array to ${Math.round(target / GiB)} GB`);
      return null;
    },
  }),
  slow_port: defineFault<{ sp: 'A' | 'B'; port: number; service_ms: number; iops?: number }>({
    summary: 'Makes one front-end port of a storage processor slow (a failing SFP, a congested switch port): its service time becomes `service_ms` and its capacity `iops` (default 2000). Paths through it stay up.',
    args: { sp: oneOfStr('A', 'B'), port: portArg, service_ms: { type: 'number', exclusiveMinimum: 0, maximum: 60000 }, iops: { type: 'integer', minimum: 1, maximum: 1000000 } },
    required: ['sp', 'port', 'service_ms'],
    menu: 'Slow SP port',
    run(sim, a) {
      const array = firstArray(sim.world);
      if (!array || !sim.world.san?.arrays[0]?.sps[a.sp].ports.some((p) => p.index === a.port)) return `no SP ${a.sp} port ${a.port}`;
      // The port's speed lives in the core (which owns I/O timing); the core's tables are saved
      // with every snapshot and this action replays with the journal, so it stays deterministic.
      syncStorage(sim);
      const h = (sim.core.meta.storage as { ports?: Record<string, number> } | undefined)?.ports?.[`${array}:${a.sp}:${a.port}`];
      if (h === undefined || typeof sim.core.setPort !== 'function') return 'this simulator core has no port timing';
      sim.core.setPort(h, a.iops ?? 2000, a.service_ms);
      recordEvent(sim.world, null, 'fault.slow-port', `SP ${a.sp} port ${a.port} is slow: ${a.service_ms} ms per request`);
      return null;
    },
  }),
  host_crash: defineFault<{ host: string; back_after_s?: number }>({
    summary: 'A host crashes (kernel panic): its guests die with it, the cluster loses the node; it boots again after `back_after_s` seconds (default 180: the watchdog reboot).',
    args: { host: str, back_after_s: { type: 'integer', minimum: 10, maximum: 86400 } },
    required: ['host'],
    menu: 'Host crash',
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      if (h.down) return `${h.name} is already down`;
      crashHost(world, h, (a.back_after_s ?? 180) * 1000);
      return null;
    },
  }),
  dom0_memory: defineFault<{ host: string; add_mib: number }>({
    summary: 'Dom0 memory pressure: dom0 takes `add_mib` more MiB from the hypervisor (a leaking driver, a misjudged dom0_mem), leaving less for guests.',
    args: { host: str, add_mib: { type: 'integer', minimum: 1, maximum: 1048576 } },
    required: ['host', 'add_mib'],
    menu: 'Dom0 memory pressure',
    run({ world }, a) {
      const h = findHost(world, a.host);
      if (!h) return `no host ${a.host}`;
      const take = Math.min(a.add_mib, freeMemoryMiB(world, h));
      h.dom0MemMiB += take;
      recordEvent(world, h.name, 'fault.dom0-memory', `dom0 on ${h.name} grew by ${take} MiB to ${h.dom0MemMiB} MiB`);
      return null;
    },
  }),
  page83: defineFault<{ lun: string | number; wwid?: string }>({
    summary: 'Changes a LUN\'s page 0x83 identifier (a SAN-to-SAN copy or a re-created LUN): to `wwid` (3 then 32 hex digits) when given, else to a new random one.',
    args: { lun: lunArg, wwid: { type: 'string', pattern: '^3[0-9a-f]{32}$' } },
    required: ['lun'],
    menu: 'LUN page83 id change',
    run({ world }, a) {
      const ref = lunRef(world, a.lun);
      const wwid = ref ? changePage83(world, ref, a.wwid) : null;
      return noted(world, null, 'fault.page83', `LUN ${a.lun} now reports page83 id ${wwid ?? ''}`, wwid !== null, `no LUN ${a.lun}`);
    },
  }),
  ...MANAGER_FAULTS,
  ...OCFS2_FAULTS,
  ...XEN_FAULTS,
} satisfies Record<string, FaultDef<never>>;

export const faultRegistry: Readonly<Record<string, FaultDef<never>>> = FAULTS;

/** Runs one `{ action: args }` node. */
export function runFault(sim: Sim, node: Record<string, unknown>): string | null {
  const [name, args] = Object.entries(node)[0] ?? [];
  const def = name ? own(faultRegistry, name) : undefined;
  if (!def) return `unknown fault ${name ?? ''}`;
  return def.run(sim, (args ?? {}) as never);
}
