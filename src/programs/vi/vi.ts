// `vi` as Oracle Linux's vim-minimal shows it: normal, insert and command-line modes, counts,
// hjkl/arrows, i a o O, x dd yy p, u, /search n N, :w :q :wq :q! :x ZZ, :set nu; saves into the
// host's VFS. Driven only by keystrokes, so the journal replays it exactly.
// This module is the Program: it decodes keys and hands each to the current mode's module.
import { decodeKeys, type Key } from '../keys';
import { cmdlineKey } from './cmdline';
import { draw } from './draw';
import { loadFile } from './files';
import { insertKey } from './insert-mode';
import { normalKey } from './normal-mode';
import { ViState } from './state';
import type { FileArg } from '../file-io';
import type { Program, ProgramFactory, ProgramHost } from '../program';

/** `file` null: an unnamed buffer. `cwd` resolves names given to `:w NAME`. */
export function viProgram(file: FileArg | null, cwd: string): ProgramFactory {
  return (host) => new Vi(host, file, cwd);
}

class Vi implements Program {
  #s: ViState;

  constructor(host: ProgramHost, file: FileArg | null, cwd: string) {
    this.#s = new ViState(host, file, cwd);
    host.write(this.#s.screen.enter());
    loadFile(this.#s, true);
    draw(this.#s);
  }

  onResize(cols: number, rows: number): void {
    this.#s.screen.resize(cols, rows);
    draw(this.#s);
  }

  onInput(data: string): void {
    const s = this.#s;
    for (const key of decodeKeys(data)) {
      if (s.done) return;
      if (key.kind === 'paste') {
        for (const k of decodeKeys(key.text.replace(/\r?\n/g, '\r'))) this.#key(k);
      } else if (key.kind === 'alt') {
        // ESC followed quickly by a key arrives as one sequence: handle both.
        this.#key({ kind: 'special', name: 'escape' });
        this.#key({ kind: 'text', text: key.char });
      } else this.#key(key);
    }
    if (!s.done) draw(s);
  }

  #key(key: Key): void {
    const s = this.#s;
    if (s.done) return;
    if (s.hitEnter) {
      // Any key dismisses the long message; Enter, Space and Esc do nothing else.
      s.hitEnter = false;
      s.msg = null;
      if (key.kind === 'special' && (key.name === 'enter' || key.name === 'escape')) return;
      if (key.kind === 'text' && key.text === ' ') return;
    }
    // Typed-ahead text arrives as one key; vi takes it a character at a time.
    if (key.kind === 'text' && key.text.length > 1) {
      for (const ch of key.text) this.#key({ kind: 'text', text: ch });
      return;
    }
    if (s.mode === 'insert') insertKey(s, key);
    else if (s.mode === 'cmdline') cmdlineKey(s, key);
    else normalKey(s, key);
  }

  /** The screen as text (tests). */
  get screenText(): string {
    return this.#s.screen.text();
  }
}
