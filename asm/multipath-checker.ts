// Multipath's path checker (multipathd, per host at polling_interval, interval doubling to 4× while
// stable): dm path state transitions, then due timed failbacks and no_path_retry deadlines.
import { EV_PATH_FAILED, EV_QUEUE_DISABLED, EV_REINSTATED, REASON_FAILBACK, REASON_NONE, emit } from './events';
import {
  A_CHK, A_DM, A_INT, A_MAP, A_NEXT, ENT_MAP, ENT_PATH, G_HW, G_NEXTCHK, H_CHECKER, H_POLL, M_FBAT, M_HOST, M_MODE, M_QUEUED,
  M_RETRYAT, gF, gI, ldF, ldI, sgF, stF, stI,
} from './layout';
import { CHK_FAULTY, CHK_GHOST, CHK_READY, LINK_GHOST, LINK_UP, MODE_FAILING, MODE_RECOVERY, effLink, touch } from './multipath';
import { bestGroup, noPathCheck, onReinstate, switchTo } from './multipath-groups';

/** Runs every path check that is due, then timed failbacks and retry deadlines. Only on hosts whose multipathd runs. */
export function checkerTick(now: f64): void {
  if (now < gF(G_NEXTCHK)) return;
  let next = Infinity;
  const na = gI(G_HW + ENT_PATH);
  for (let p = 0; p < na; p++) {
    const m = ldI(A_MAP, p);
    if (m < 0) continue;
    const h = ldI(M_HOST, m);
    if (ldI(H_CHECKER, h) == 0) continue;
    const due = ldF(A_NEXT, p);
    if (now < due) {
      if (due < next) next = due;
      continue;
    }
    const link = effLink(p);
    const nc = link == LINK_UP ? CHK_READY : link == LINK_GHOST ? CHK_GHOST : CHK_FAULTY;
    const old = ldI(A_CHK, p);
    const poll = ldF(H_POLL, h);
    if (nc == CHK_FAULTY) {
      if (old != CHK_FAULTY || ldI(A_DM, p) == 1) emit(EV_PATH_FAILED, h, m, p, 1, REASON_NONE);
      if (ldI(A_DM, p) == 1) {
        stI(A_DM, p, 0);
        touch();
        noPathCheck(m, now);
      }
      stF(A_INT, p, poll);
    } else {
      let changed = nc != old;
      if (ldI(A_DM, p) == 0) {
        stI(A_DM, p, 1);
        touch();
        emit(EV_REINSTATED, h, m, p, 0, REASON_NONE);
        onReinstate(m, p, now);
        changed = true;
      }
      if (changed) {
        stF(A_INT, p, poll);
      } else {
        const max = 4 * poll;
        const cur = ldF(A_INT, p);
        stF(A_INT, p, cur < max / 2 ? 2 * cur : max);
      }
    }
    stI(A_CHK, p, nc);
    const at = now + ldF(A_INT, p) * 1000;
    stF(A_NEXT, p, at);
    if (at < next) next = at;
  }
  const nm = gI(G_HW + ENT_MAP);
  for (let m = 0; m < nm; m++) {
    const h = ldI(M_HOST, m);
    if (h < 0 || ldI(H_CHECKER, h) == 0) continue;
    const at = ldF(M_FBAT, m);
    if (at >= 0) {
      if (now >= at) {
        stF(M_FBAT, m, -1);
        const best = bestGroup(m);
        if (best >= 0) switchTo(m, best, REASON_FAILBACK);
      } else if (at < next) {
        next = at;
      }
    }
    // no_path_retry N ran out: disable queueing; the queue fails in this tick's I/O pass.
    if (ldI(M_MODE, m) == MODE_RECOVERY) {
      const until = ldF(M_RETRYAT, m);
      if (now >= until) {
        stI(M_MODE, m, MODE_FAILING);
        emit(EV_QUEUE_DISABLED, h, m, -1, ldF(M_QUEUED, m), REASON_NONE);
      } else if (until < next) {
        next = until;
      }
    }
  }
  sgF(G_NEXTCHK, next);
}
