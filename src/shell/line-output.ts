// What one command line shows on the terminal, capped: a tab's memory is the simulated
// machine's, so past MAX_LINE_OUTPUT the rest is counted and reported once, never kept.
import { MAX_LINE_OUTPUT } from './limits';

export class LineOutput {
  #text = '';
  /** Characters not shown (past MAX_LINE_OUTPUT) or dropped from a pipe (past MAX_STRING). */
  cut = 0;

  write = (text: string): void => {
    const room = MAX_LINE_OUTPUT - this.#text.length;
    if (text.length <= room) this.#text += text;
    else {
      if (room > 0) this.#text += text.slice(0, room);
      this.cut += text.length - Math.max(room, 0);
    }
  };

  /** What was shown since the last call, with one note of what was cut. */
  take(): string {
    const text = this.#text;
    const shown = this.cut ? `${text}${text.endsWith('\n') ? '' : '\n'}-bash: sandbox: output cut: ${this.cut} more characters not shown\n` : text;
    this.#text = '';
    this.cut = 0;
    return shown;
  }
}
