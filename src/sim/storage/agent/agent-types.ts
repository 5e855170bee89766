// Types of the Oracle VM agent's databases. The databases themselves live as files
// (/etc/ovs-agent/db/<name>, and db/<name> on the pool file system for `-c`), so deleting, copying
// or restoring them with the shell does what it does on a real server.

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

/** One agent database: a Python dict (its top-level keys are strings in practice). */
export type AgentDb = { $dict: Array<[PyValue, PyValue]> };
