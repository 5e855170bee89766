// sed address matching: whether a command's address (N, $, /re/, first~step) or range (addr1,addr2,
// addr1,+N, addr1,~N, 0,/re/) selects the current line; a range keeps its state on its Cmd.
import type { Addr, Cmd } from './sed-script';

/** The current line as addresses see it. */
export interface LinePosition {
  lineNo: number;
  isLast: () => boolean;
  /** Tests the pattern space against `re`, or against the last regex used when null. */
  matchRe: (re: RegExp | null) => boolean;
}

export function addressMatches(ad: Addr, at: LinePosition): boolean {
  switch (ad.k) {
    case 'line':
      return at.lineNo === ad.n;
    case 'last':
      return at.isLast();
    case 're':
      return at.matchRe(ad.re);
    case 'step':
      return ad.step <= 0 ? at.lineNo === ad.first : at.lineNo >= ad.first && (at.lineNo - ad.first) % ad.step === 0;
    default:
      return false;
  }
}

/** Whether `c`'s address selects the line (before `!`); enters and leaves ranges as a side effect. */
export function isSelected(c: Cmd, at: LinePosition): boolean {
  const lineNo = at.lineNo;
  if (!c.a1) return true;
  if (!c.a2) return addressMatches(c.a1, at);
  // GNU 0,/re/: the range is open before line 1, so /re/ can end it on line 1 itself.
  if (c.a1.k === 'line' && c.a1.n === 0 && lineNo === 1) c.active = true;
  if (c.active) {
    const a2 = c.a2;
    let end = false;
    if (a2.k === 'line') end = lineNo >= a2.n;
    else if (a2.k === 'plus' || a2.k === 'mult') end = lineNo >= c.endAt!;
    else end = addressMatches(a2, at);
    if (end || (a2.k === 'line' && lineNo > a2.n)) c.active = false;
    return true;
  }
  if (!addressMatches(c.a1, at)) return false;
  const a2 = c.a2;
  if (a2.k === 'line' && a2.n <= lineNo) return true;
  if (a2.k === 'plus') c.endAt = lineNo + a2.n;
  if (a2.k === 'mult') c.endAt = a2.n > 0 ? Math.ceil(lineNo / a2.n) * a2.n : lineNo;
  if ((a2.k === 'plus' || a2.k === 'mult') && c.endAt! <= lineNo) return true;
  c.active = true;
  return true;
}
