// Keys typed into the sandbox's first terminal before its session is open (the terminal and its
// login are drawn before the world is built: early-terminal.ts) wait for the session; meanwhile
// plain text is shown at once, as a shell would echo it, and taken back before the session's own
// echo, so typing feels immediate and nothing shows twice.

/** What of xterm.js this needs (a headless terminal in the tests). */
interface EchoTerminal {
  readonly cols: number;
  readonly buffer: { readonly active: { readonly cursorX: number } };
  write(data: string): void;
}

export class LocalEcho {
  readonly #term: EchoTerminal;
  /** Characters shown, and the column the first was shown at (the prompt's end). */
  #shown = 0;
  #from = -1;
  /** Anything but plain text (Enter, Tab, arrows, Ctrl keys) ends the echo: the shell's answer to it is not known here. */
  #on = true;

  constructor(term: EchoTerminal) {
    this.#term = term;
  }

  /** Shows `keys` if they are printable and still fit on the row; Backspace takes one back. */
  type(keys: string): void {
    if (!this.#on) return;
    if (this.#from < 0) this.#from = this.#term.buffer.active.cursorX;
    if (keys === '\x7f') {
      if (this.#shown === 0) return void (this.#on = false); // the line editor's own bell: not ours to fake
      this.#shown -= 1;
      return this.#term.write('\b \b');
    }
    if (!/^[\x20-\x7e]+$/.test(keys) || this.#from + this.#shown + keys.length >= this.#term.cols) return void (this.#on = false);
    this.#shown += keys.length;
    this.#term.write(keys);
  }

  /** The bytes that take back what was shown (the session echoes the keys itself); ends the echo. */
  takeBack(): string {
    const n = this.#shown;
    this.#shown = 0;
    this.#on = false;
    return n ? `${'\b'.repeat(n)}\x1b[K` : '';
  }
}
