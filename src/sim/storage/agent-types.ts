// The plain-JSON state of the Oracle VM agent: each host's databases (/etc/ovs-agent/db/*),
// the pool-wide databases kept on the pool file system, and OVM 2.2's repository list.

/**
 * A Python value as the agent stores it (ovs-agent-db prints and parses Python literals).
 * Plain JSON: str / int / bool / None map directly; tagged objects carry what JSON lacks.
 */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | { $u: string }
  | { $float: number }
  | { $list: PyValue[] }
  | { $tuple: PyValue[] }
  | { $set: PyValue[] }
  | { $dict: Array<[PyValue, PyValue]> };

/** One agent database: its top-level keys (always strings in practice) and values. */
export type AgentDb = Record<string, PyValue>;

export interface AgentHost {
  /** Databases by name: server, repository, aproc, exports … */
  db: Record<string, AgentDb>;
}

/** An OVM 2.2 repository as repos.py keeps it (/etc/ovs/repositories). */
export interface Ovm22Repo {
  /** 32 upper-case hex digits: the mount directory under /var/ovs/mount. */
  uuid: string;
  /** Device path or `host:/export`. */
  source: string;
}

export interface Ovm22Pool {
  repos: Ovm22Repo[];
  /** uuid of the cluster root (/OVS points to it), or null. */
  root: string | null;
}

export interface AgentState {
  hosts: Record<string, AgentHost>;
  /** Cluster databases (`dump_db -c NAME`) by pool id. */
  pools: Record<string, Record<string, AgentDb>>;
  /** OVM 2.2 repositories by pool id. */
  ovm22?: Record<string, Ovm22Pool>;
}
