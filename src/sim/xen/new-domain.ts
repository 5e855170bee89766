// The one way a domain record is made: what a caller knows about the guest, plus xend's defaults
// for the rest (halted, nowhere, no CPU time yet). Keys come out in one order for every builder.
import type { DomainState, VbdSpec, VifSpec, WorkloadProfile } from '../types';

/** What a builder says about a new domain; everything else defaults as for a freshly defined guest. */
export interface NewDomain {
  name: string;
  uuid: string;
  simpleName: string;
  memoryMiB: number;
  vcpus: number;
  hvm: boolean;
  osType: string;
  cfgPath: string;
  workload: WorkloadProfile;
  disks: VbdSpec[];
  vifs: VifSpec[];
  /** Defaults to memoryMiB. */
  maxMemMiB?: number;
  /** Defaults to vcpus. */
  maxVcpus?: number;
  /** Credit scheduler weight: 256 (xend's default) unless OVM Manager set its own. */
  weight?: number;
  cap?: number;
  production?: boolean;
  /** A domain already running when the world begins. */
  host?: string | null;
  domid?: number | null;
  state?: DomainState['state'];
  startedAtMs?: number;
  cpuTimeS?: number;
}

export function newDomain(o: NewDomain): DomainState {
  return {
    name: o.name,
    uuid: o.uuid,
    simpleName: o.simpleName,
    host: o.host ?? null,
    domid: o.domid ?? null,
    state: o.state ?? 'halted',
    memoryMiB: o.memoryMiB,
    maxMemMiB: o.maxMemMiB ?? o.memoryMiB,
    vcpus: o.vcpus,
    maxVcpus: o.maxVcpus ?? o.vcpus,
    weight: o.weight ?? 256,
    cap: o.cap ?? 0,
    hvm: o.hvm,
    osType: o.osType,
    cfgPath: o.cfgPath,
    startedAtMs: o.startedAtMs ?? 0,
    cpuTimeS: o.cpuTimeS ?? 0,
    workload: o.workload,
    disks: o.disks,
    vifs: o.vifs,
    production: o.production ?? false,
  };
}
