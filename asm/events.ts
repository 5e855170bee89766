// The event ring: I/O errors (requests a map failed with no usable path and no queueing), written
// during a tick and drained by the storage model for its syslog lines. Overwrites the oldest.
// Path and group events are not the core's: the world owns path state and logs it itself.
import { CAP_E, E_AT, E_HOST, E_KIND, E_MAP, E_VAL, G_EV_COUNT, G_EV_HEAD, G_NOW, gF, gI, sgI, stF, stI } from './layout';

export const EV_IO_ERROR: i32 = 1;

export function emit(kind: i32, host: i32, map: i32, value: f64): void {
  if (CAP_E <= 0) return;
  const at = gI(G_EV_HEAD);
  stF(E_AT, at, gF(G_NOW));
  stI(E_KIND, at, kind);
  stI(E_HOST, at, host);
  stI(E_MAP, at, map);
  stF(E_VAL, at, value);
  sgI(G_EV_HEAD, at + 1 >= CAP_E ? 0 : at + 1);
  const n = gI(G_EV_COUNT);
  if (n < CAP_E) sgI(G_EV_COUNT, n + 1);
}

/** Ring slot of the oldest undrained event. */
export function evFirst(): i32 {
  const start = gI(G_EV_HEAD) - gI(G_EV_COUNT);
  return start < 0 ? start + CAP_E : start;
}
