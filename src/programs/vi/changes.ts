// Yank, put and undo/redo as vi commands: the buffer does the work; this module words vim's
// messages ("3 lines yanked", "1 line less; before #2  5 seconds ago").
import { hms } from '../../lib/calendar';
import type { ViBuffer } from './buffer';
import type { ViState } from './state';

/** `yy` / `Y`: vim only reports yanks of more than two lines. */
export function yank(s: ViState, count: number): void {
  const n = s.buf.yankLines(count);
  if (n > 2) s.msg = { text: `${n} lines yanked` };
}

/** `p` / `P`. */
export function put(s: ViState, after: boolean, count: number): void {
  const b = s.buf;
  if (!b.register) return s.error('E353: Nothing in register "');
  b.checkpoint(s.now());
  const n = b.put(after, count);
  if (n > 2) s.msg = { text: `${n} more lines` };
}

/** `u` / Ctrl-R, `count` times, with vim's summary of what changed and when. */
export function undoRedo(s: ViState, undo: boolean, count: number): void {
  let r: ReturnType<ViBuffer['undo']> = null;
  let delta = 0;
  for (let i = 0; i < count; i++) {
    const step = undo ? s.buf.undo(s.now()) : s.buf.redo();
    if (!step) break;
    delta += step.delta;
    r = step;
  }
  if (!r) {
    s.msg = { text: undo ? 'Already at oldest change' : 'Already at newest change' };
    return;
  }
  s.buf.clamp(false);
  const what = delta === 1 ? 'more line' : delta > 1 ? 'more lines' : delta === -1 ? 'line less' : delta < -1 ? 'fewer lines' : 'change';
  const n = delta === 0 ? count : Math.abs(delta);
  // Changes older than 100 seconds show their time of day instead, as vim does.
  const ago = Math.max(0, Math.floor((s.now() - r.atMs) / 1000));
  const when = ago >= 100 ? clock(s.host.sim.world.epochMs + r.atMs) : `${ago} second${ago === 1 ? '' : 's'} ago`;
  s.msg = { text: `${n} ${what}${n === 1 || delta ? '' : 's'}; ${undo ? 'before' : 'after'} #${undo ? r.seq + 1 : r.seq}  ${when}` };
}

const clock = (ms: number): string => hms(new Date(ms));
