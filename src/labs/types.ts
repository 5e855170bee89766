// The shape of a lab as authored in labs/*.yaml (after validation and variable substitution).
// Plain data only: a lab can never carry code. The JSON schema in schema/lab-schema.ts mirrors it.

export type LabModule = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type LabLevel = 'beginner' | 'intermediate' | 'advanced';

/** A composable predicate: one key per node, a registered check name or all/any/not. */
export type CheckNode = { all: CheckNode[] } | { any: CheckNode[] } | { not: CheckNode } | { [check: string]: unknown };

/** How a variable is drawn from the learner's seed. */
export type VariableSpec =
  | { pick: Array<string | number> }
  | { int: { min: number; max: number; step?: number } }
  | { hex: number }
  | { template: string };

export type VarValue = string | number;

export interface QuizSpec {
  /** Shown above the answer box; the objective's text is the question when absent. */
  question?: string;
  placeholder?: string;
  /** Accepted answers (compared after trimming; case-insensitive unless `case_sensitive`). */
  accept?: Array<string | number>;
  /** Or: the answer is a number read from the world when the learner answers. */
  query?: { [query: string]: unknown };
  /** For numeric answers: how far off an answer may be and still count. */
  tolerance?: number;
  /** For numeric answers: the unit of the expected value; an answer in another unit (`16 GiB`) is converted. */
  unit?: 'KiB' | 'MiB' | 'GiB';
  case_sensitive?: boolean;
  /** Several words in any order count as the same answer (`sdc sde` = `sde, sdc`). */
  any_order?: boolean;
}

export interface Objective {
  id: string;
  text: string;
  points: number;
  check?: CheckNode;
  quiz?: QuizSpec;
  /** Why it is not met yet: shown beside a ✗. */
  failure: string;
  /** Once met, stays met even if the check stops holding. */
  milestone?: boolean;
  hints: string[];
}

export interface Constraint {
  id: string;
  text: string;
  check: CheckNode;
  /** Shown when broken. */
  failure: string;
}

export interface Fault {
  id: string;
  /** Exactly one trigger: a time ("30s", "2m"), an objective met, or a command run. */
  at?: string;
  after?: string;
  on_command?: string;
  do: { [action: string]: unknown };
  /** A line for the event feed when it fires (the action may also log on its own). */
  announce?: string;
}

export type SolutionStep =
  /** `fails: true`: the commands are expected to fail (a lesson in reading the error). */
  | { host: string; run: string | string[]; note?: string; fails?: boolean }
  | { host: string; keys: string; note: string; fails?: boolean }
  | { wait: string; note?: string }
  /** `value`: answer this instead of the right answer (a trap's wrong answer). */
  | { answer: string; note?: string; value?: string | number };

/**
 * A wrong path the lab teaches against, replayed by its test: after `steps` the lab must be
 * unsolved, with the objectives in `unmet` not met and the constraints in `broken` broken, each
 * showing its own failure text. Never shown to the learner.
 */
export interface Trap {
  name: string;
  steps: SolutionStep[];
  expect: { unmet?: string[]; broken?: string[] };
}

export interface ScenarioRef {
  base: string;
  overrides?: Overrides;
}

export interface HostOverride {
  name: string;
  memory?: number;
  dom0_mem?: number;
  cpu?: { sockets?: number; cores_per_socket?: number; threads_per_core?: number; mhz?: number; model?: string; virt_flag?: 'vmx' | 'svm' | '' };
  services?: Record<string, 'running' | 'stopped'>;
  files?: Record<string, string>;
  /** The server's Oracle VM agent password (what `service ovs-agent configure` sets). */
  agent_password?: string;
}

export interface DomainOverride {
  /** OVM_simple_name of an existing guest, or of a new one. */
  simple: string;
  /** Its xm name (32 hex digits on OVM 3), so that a lab's solution can name it: usually a variable. */
  id?: string;
  host?: string | null;
  state?: 'running' | 'paused' | 'halted';
  memory?: number;
  maxmem?: number;
  vcpus?: number;
  max_vcpus?: number;
  weight?: number;
  cap?: number;
  hvm?: boolean;
  production?: boolean;
  os?: string;
  workload?: { cpu?: number; read_iops?: number; write_iops?: number };
  /** A new guest lives in the repository created on this LUN (by `repositories`), not the first one. */
  repository?: string;
  /** A shutdown was requested and the guest never completes it (a hung guest: only destroy helps). */
  hung?: boolean;
  /** Replaces the guest's disks, in vm.cfg order: new images (ISOs for CD-ROMs) in its repository; `attached: false` only copies one there. */
  disks?: DiskOverride[];
  /** A Windows Server 2003 guest: its first hard disk holds a system volume whose hal.dll is a copy of `hal`, with or without the PV drivers. */
  windows?: { hal: string; pv_drivers?: boolean };
}

export interface DiskOverride {
  /** The image's OVM id (32 hex digits): `VirtualDisks/<id>.img`, or `ISOs/<id>.iso` for a CD-ROM. */
  id: string;
  /** Its device in vm.cfg (hda, xvdb …); required unless `attached: false`. */
  vdev?: string;
  cdrom?: boolean;
  size_gb?: number;
  attached?: boolean;
}

export interface RepositoryOverride {
  /** LUN role (spare …) or array LUN number: formatted whole, as OVM Manager 3 does. */
  lun: string | number;
  alias: string;
  /** Write a different alias into .ovsrepo than into the agent databases (they disagree). */
  ovsrepo_alias?: string;
  /** Per host, a different alias in that host's agent database. */
  db_aliases?: Record<string, string>;
}

export interface Overrides {
  release?: 'ovm34' | 'ovm22';
  host_names?: string[];
  hosts?: HostOverride[];
  domains?: DomainOverride[];
  remove_domains?: string[];
  repositories?: RepositoryOverride[];
  /** OVM 2.2: start as a fresh install — no repository registered or mounted, no /OVS, no guests. */
  unregister_repositories?: boolean;
}

export interface LabDoc {
  title: string;
  summary: string;
  module: LabModule;
  level: LabLevel;
  minutes: number;
  tags?: string[];
  scenario: ScenarioRef;
  variables?: Record<string, VariableSpec>;
  /**
   * Facts read from the world once it is built (a LUN's WWID, a map's name, a guest's id):
   * `{ name: { query: args } }`, then usable as {{name}} like a variable. Text only: facts are
   * not known when the file is validated, so do not use them where a number is expected.
   */
  facts?: Record<string, { [query: string]: unknown }>;
  briefing: string;
  debrief: string;
  objectives: Objective[];
  constraints?: Constraint[];
  faults?: Fault[];
  solution: SolutionStep[];
  traps?: Trap[];
}

/** A lab as loaded: its id (the file name) and the document before variables are substituted. */
export interface LabSource {
  id: string;
  file: string;
  doc: LabDoc;
}

/** A scenario base from labs/_scenarios/NAME.yaml. */
export interface ScenarioBase {
  name: string;
  title: string;
  description: string;
  /** The world builder it starts from. */
  builder: string;
  overrides?: Overrides;
}
