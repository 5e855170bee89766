// The event ring: path failures, reinstatements, group switches and queueing changes, written
// during a tick and drained by the storage model for its syslog lines. Overwrites the oldest.
import { CAP_E, E_AT, E_HOST, E_KIND, E_MAP, E_PATH, E_REASON, E_VAL, G_EV_COUNT, G_EV_HEAD, G_NOW, gF, gI, sgI, stF, stI } from './layout';

export const EV_PATH_FAILED: i32 = 1;
export const EV_REINSTATED: i32 = 2;
export const EV_GROUP_SWITCH: i32 = 3;
export const EV_QUEUE_RECOVERY: i32 = 4;
export const EV_QUEUE_DISABLED: i32 = 5;
export const EV_QUEUE_RESUMED: i32 = 6;
export const EV_IO_ERROR: i32 = 7;

export const REASON_NONE: i32 = 0;
export const REASON_FAILOVER: i32 = 1;
export const REASON_FAILBACK: i32 = 2;
export const REASON_OPERATOR: i32 = 3;

export function emit(kind: i32, host: i32, map: i32, path: i32, value: f64, reason: i32): void {
  if (CAP_E <= 0) return;
  const at = gI(G_EV_HEAD);
  stF(E_AT, at, gF(G_NOW));
  stI(E_KIND, at, kind);
  stI(E_HOST, at, host);
  stI(E_MAP, at, map);
  stI(E_PATH, at, path);
  stF(E_VAL, at, value);
  stI(E_REASON, at, reason);
  sgI(G_EV_HEAD, at + 1 >= CAP_E ? 0 : at + 1);
  const n = gI(G_EV_COUNT);
  if (n < CAP_E) sgI(G_EV_COUNT, n + 1);
}

/** Ring slot of the oldest undrained event. */
export function evFirst(): i32 {
  const start = gI(G_EV_HEAD) - gI(G_EV_COUNT);
  return start < 0 ? start + CAP_E : start;
}
