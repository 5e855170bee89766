// A prompt-and-line reader for line-oriented programs (multipathd -k's readline, fdisk's
// fgets): keystrokes in, edited lines out through callbacks, using the shell's LineEditor.
import { decodeKeys } from './keys';
import { LineEditor } from './line-editor';
import type { ProgramHost } from './program';

export interface LineInputHandlers {
  line(text: string): void;
  eof(): void;
  interrupt(): void;
}

export class LineInput {
  readonly editor: LineEditor;
  #host: ProgramHost;
  #handlers: LineInputHandlers;
  /** False once the program ended: later input is ignored. */
  active = true;

  constructor(host: ProgramHost, handlers: LineInputHandlers, history: string[] = []) {
    this.#host = host;
    this.#handlers = handlers;
    this.editor = new LineEditor({ complete: (_l, cursor) => ({ start: cursor, candidates: [] }) }, history, host.cols);
  }

  /** Writes text with LF turned into CR LF (the program writes to a raw terminal). */
  write(text: string): void {
    if (text) this.#host.write(text.replace(/\r?\n/g, '\r\n'));
  }

  prompt(text: string): void {
    this.#host.write(this.editor.begin(text));
  }

  input(data: string): void {
    for (const key of decodeKeys(data)) {
      if (!this.active) return;
      const { output, event } = this.editor.handleKey(key);
      this.#host.write(output);
      if (!event) continue;
      if (event.type === 'submit') this.#handlers.line(event.line);
      else if (event.type === 'eof') this.#handlers.eof();
      else this.#handlers.interrupt();
    }
  }
}
