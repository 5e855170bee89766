// The fault menu's words for a learner: what each fault does and what each field means, in plain
// language (the registry's summaries are written for lab authors and name the schema's fields).

export interface FaultWords {
  help: string;
  /** Field labels, by argument name. */
  fields?: Record<string, string>;
  /** A yes/no field's two choices (false first), by argument name. */
  toggles?: Record<string, [string, string]>;
}

const FIELDS: Record<string, string> = {
  host: 'Server',
  hba: 'HBA port',
  fabric: 'Fabric',
  sp: 'Storage processor',
  port: 'Port',
  lun: 'LUN',
  size_gb: 'New size (GB)',
  add_gb: 'Or grow by (GB)',
  service_ms: 'Service time (ms)',
  iops: 'Capacity (I/O per second)',
  back_after_s: 'Reboots after (s)',
  add_mib: 'Extra memory (MiB)',
};

export const FAULT_WORDS: Record<string, FaultWords> = {
  cable: { help: 'Pull the fibre channel cable out of one of a server’s HBA ports, or plug it back in.', toggles: { plugged: ['Pull it out', 'Plug it back in'] }, fields: { plugged: 'Cable' } },
  hba_port: { help: 'Break one of a server’s HBA ports, or repair it.', toggles: { up: ['Break it', 'Repair it'] }, fields: { up: 'Action' } },
  fc_switch: { help: 'Take one of the two FC switches down (every path through it fails), or bring it back.', toggles: { up: ['Take it down', 'Bring it back'] }, fields: { up: 'Action' } },
  sp: { help: 'Fail a whole storage processor of the array (its LUNs move to the other one), or repair it.', toggles: { up: ['Fail it', 'Repair it'] }, fields: { up: 'Action' } },
  sp_port: { help: 'Fail one front-end port of a storage processor, or repair it.', toggles: { up: ['Fail it', 'Repair it'] }, fields: { up: 'Action' } },
  lun_grow: { help: 'The storage team grows a LUN on the array (give a new size, or how much to add). The servers notice only when they re-read the disk.' },
  slow_port: { help: 'Make one storage processor port slow (a failing SFP, a congested switch port): its paths stay up but every I/O through it waits.' },
  host_crash: { help: 'The server crashes (kernel panic): its guests die with it; it boots again after a while (3 minutes unless you say otherwise).' },
  dom0_memory: { help: 'Dom0 takes more memory from the hypervisor (a leaking driver), leaving less for guests.' },
  page83: { help: 'The LUN gets a new identity (as after a copy to another SAN or a re-created LUN): multipath sees a different WWID.', fields: { wwid: 'New WWID' } },
};

/** The help for a fault; an unknown one gets its summary without the schema's `(name: value)` asides. */
export function faultHelp(name: string, summary: string): string {
  return FAULT_WORDS[name]?.help ?? summary.replace(/\s*\([a-z_]+: [^)]*\)/g, '').replace(/`/g, '');
}

export function fieldLabel(fault: string, arg: string): string {
  return FAULT_WORDS[fault]?.fields?.[arg] ?? FIELDS[arg] ?? arg.replace(/_/g, ' ');
}

export function toggleWords(fault: string, arg: string): [string, string] {
  return FAULT_WORDS[fault]?.toggles?.[arg] ?? ['No', 'Yes'];
}
