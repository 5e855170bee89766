// The terminal's keyboard extras: the bytes of the on-screen keys (phones and tablets have no
// Tab, Ctrl, Esc or arrows), the sticky Ctrl they arm, and leaving the terminal by keyboard
// (Escape then Tab / Shift+Tab, or Ctrl+F6 / Ctrl+Shift+F6), so it is never a keyboard trap.

/** What each on-screen key sends (as a VT100 terminal in normal cursor mode does). */
export const KEY_BYTES = {
  Tab: '\t',
  Esc: '\x1b',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
} as const;

/** Ctrl plus one typed character, as a terminal encodes it (Ctrl+C = 0x03), else null. */
export function ctrlByte(ch: string): string | null {
  if (ch.length !== 1) return null;
  const c = ch.toUpperCase().charCodeAt(0);
  if (c >= 0x40 && c <= 0x5f) return String.fromCharCode(c - 0x40); // @ A–Z [ \ ] ^ _
  if (ch === '?') return '\x7f';
  if (ch === ' ') return '\x00';
  return null;
}

/** The on-screen Ctrl: armed by its key, applied to the next character typed, then released. */
export const stickyCtrl = {
  armed: false,
  listeners: new Set<(armed: boolean) => void>(),
  set(on: boolean): void {
    this.armed = on;
    for (const l of this.listeners) l(on);
  },
  /** The bytes to send for typed data: Ctrl applied to a single character when armed. */
  apply(data: string): string {
    if (!this.armed) return data;
    const b = ctrlByte(data);
    this.set(false);
    return b ?? data;
  },
};

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Moves focus to the first focusable element after (or before) `container`, outside it. */
export function focusOutside(container: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((e) => !container.contains(e) && e.getClientRects().length > 0 && !e.closest('[hidden], [inert]'));
  const after = all.filter((e) => container.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((e) => container.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
  const target = backwards ? (before.at(-1) ?? all.at(-1)) : (after[0] ?? all[0]);
  target?.focus();
}

/**
 * A key handler for xterm's attachCustomKeyEventHandler: false for the keys that leave the
 * terminal (xterm then ignores them; the browser's own Tab moves focus, Ctrl+F6 moves it here).
 * Escape still reaches the terminal (vi needs it); only the Tab right after it leaves.
 */
export function leaveKeys(container: () => HTMLElement): (e: KeyboardEvent) => boolean {
  let afterEscape = false;
  return (e) => {
    if (e.type !== 'keydown') return true;
    if (e.key === 'F6' && e.ctrlKey) {
      e.preventDefault();
      focusOutside(container(), e.shiftKey);
      afterEscape = false;
      return false;
    }
    if (e.key === 'Tab' && afterEscape && !e.ctrlKey && !e.altKey) {
      afterEscape = false;
      return false; // the browser's default Tab moves focus out of the terminal
    }
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return true;
    afterEscape = e.key === 'Escape';
    return true;
  };
}

/** The help text for leaving the terminal, shown on the page and in the README. */
export const LEAVE_HELP = 'To leave the terminal by keyboard: press Escape, then Tab (or Shift+Tab); or Ctrl+F6.';
