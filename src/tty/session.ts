// One terminal: a stack of shells (ssh nests them), the line editor, and the program that owns
// the terminal when one runs. Input bytes in, output bytes out; everything that changes the
// world is reported to the journal first, so that a replay reproduces the session exactly.
import type { LineOutcome } from '../shell/executor';
import type { ShellRuntime } from '../shell/shell-runtime';
import { newFrame, ownFrame, promptFor } from '../shell/prompt';
import { dict } from '../lib/own';
import { decodeKeys } from '../programs/keys';
import { LineEditor } from '../programs/line-editor';
import { reconnectProgram } from '../programs/reconnect';
import { loginBanner } from '../sim/motd';
import type { Registry, ShellFrame } from '../shell/types';
import type { Sim } from '../sim/sim';
import type { Program } from '../programs/program';

/** The serialisable part of a session: what a snapshot must keep. */
export interface SessionState {
  id: string;
  frames: ShellFrame[];
  /** bash history per host, oldest first. */
  history: Record<string, string[]>;
  cols: number;
  rows: number;
}

/** What the session asks the journal to record, before its effect is shown. */
export type SessionRecord = { kind: 'exec'; line: string } | { kind: 'input'; data: string } | { kind: 'eof' } | { kind: 'interrupt' } | { kind: 'resize'; cols: number; rows: number };

const HISTORY_LIMIT = 1000;
/** bash's PS2: the prompt for the rest of a command (a here-document, an open quote, a trailing |). */
const PS2 = '> ';

/** Sent with every fresh prompt: bash's readline switches bracketed paste on. */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';

/** The tty's output processing: LF becomes CR LF. */
const ttyOutput = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/**
 * What a new login on `host` shows before any key at `cols` columns, given its banner: what
 * greet() then attach() return on a fresh session. The sandbox's worker shows it while the world
 * is still being built (src/engine/first-screen.ts); a test proves the two the same.
 */
export function freshLoginOutput(banner: string, host: string, cols: number): string {
  const editor = new LineEditor({ complete: () => ({ start: 0, candidates: [] }) }, [], cols);
  return ttyOutput(banner) + BRACKETED_PASTE_ON + editor.begin(promptFor(newFrame(host)));
}

export function newSessionState(id: string, host: string, cols = 80, rows = 24): SessionState {
  return { id, frames: [newFrame(host)], history: dict(), cols, rows };
}

export class TtySession {
  readonly state: SessionState;
  #sim: () => Sim;
  #registry: Registry;
  #record: (r: SessionRecord) => void;
  #editor: LineEditor;
  #program: Program | null = null;
  #resume: ((code: number) => LineOutcome) | undefined;
  /** The first login's host is rebooting: the reconnect program runs until it is back. */
  #waitingForHost = false;
  #out = '';
  /** Lines typed so far of a command that is not complete yet (shown with the PS2 prompt). */
  #pending: string | null = null;
  /** Set while replaying the journal: records are not written again. */
  replaying = false;

  constructor(state: SessionState, sim: () => Sim, registry: Registry, record: (r: SessionRecord) => void) {
    this.state = state;
    // A restored state is plain JSON: its name-keyed tables become null-prototype ones (lib/own.ts).
    state.frames.forEach(ownFrame);
    state.history = dict(state.history);
    this.#sim = sim;
    this.#registry = registry;
    this.#record = record;
    this.#editor = new LineEditor({ complete: (line, cursor) => this.#shell().completeLine(this.#completionContext(), line, cursor) }, this.#historyOf(this.#frame.host), state.cols);
  }

  get #frame(): ShellFrame {
    return this.state.frames[this.state.frames.length - 1]!;
  }

  /** The shell's line machinery, which comes with the commands (the engine awaits them before any line). */
  #shell(): ShellRuntime {
    const shell = this.#registry.shell;
    if (!shell) throw new Error('a line arrived before the commands had loaded');
    return shell;
  }

  /** Read through a method so that narrowing does not survive calls that may start a program. */
  #currentProgram(): Program | null {
    return this.#program;
  }

  get busy(): boolean {
    return this.#program !== null;
  }

  /** Shows a fresh prompt (on attach, or after a reload). Bracketed paste is switched on. */
  attach(): string {
    if (this.#program) return '';
    return BRACKETED_PASTE_ON + this.#editor.begin(promptFor(this.#frame));
  }

  /** The banner of a new login on this terminal's host (Last login, then the motd). */
  greet(): string {
    this.#write(loginBanner(this.#sim().world, this.#frame.host));
    return this.#take();
  }

  /**
   * After an internal error escaped a call: whatever was half done on the line (a pending
   * here-document, a program) is dropped and a fresh prompt begins, as bash after a signal.
   */
  recover(): string {
    const leaveScreen = this.#program ? '\x1b[?1049l' : '';
    this.#pending = null;
    this.#program = null;
    this.#resume = undefined;
    this.#typeahead = '';
    this.#out = '';
    return leaveScreen + BRACKETED_PASTE_ON + this.#editor.begin(promptFor(this.#frame));
  }

  /** Raw keystrokes from the terminal. Returns the bytes to display. */
  input(data: string): string {
    // What was typed ahead while a program ran reaches the shell first, as the tty's buffer does.
    if (!this.#program && this.#typeahead) {
      data = this.#typeahead + data;
      this.#typeahead = '';
    }
    this.#feed(data);
    return this.#take();
  }

  /** Keys typed ahead during a program that reads none, waiting for the shell (see `input`). */
  get hasTypeahead(): boolean {
    return !this.#program && this.#typeahead !== '';
  }

  #typeahead = '';

  #feed(data: string): void {
    if (this.#program) return this.#toProgram(data);
    for (const key of decodeKeys(data)) {
      if (this.#currentProgram()) {
        // A command started by an earlier key owns the rest of this input.
        this.#toProgram(keyText(key));
        continue;
      }
      if (key.kind === 'paste' && /[\r\n]/.test(key.text)) {
        // Several pasted lines run one after another, as when they are typed.
        const parts = key.text.split(/\r\n|\r|\n/);
        parts.forEach((part, i) => {
          this.#handleKey({ kind: 'paste', text: part });
          if (i < parts.length - 1 && !this.#program) this.#handleKey({ kind: 'special', name: 'enter' });
        });
        continue;
      }
      this.#handleKey(key);
    }
  }

  /**
   * Keys while a program owns the terminal. A program that reads none gets only Ctrl-C and
   * Ctrl-\ (which flush what was typed ahead, as the tty does on SIGINT); the rest is echoed
   * and kept for the shell. Only what reaches the program is journaled.
   */
  #toProgram(data: string): void {
    const program = this.#program!;
    if (!program.signalsOnly) {
      this.#emitRecord({ kind: 'input', data });
      program.onInput(data);
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x03' || ch === '\x1c') {
        this.#typeahead = '';
        this.#emitRecord({ kind: 'input', data: ch });
        program.onInput(ch);
        if (this.#program !== program) return this.#feed(data.slice(i + 1));
      } else {
        this.#typeahead += ch;
        this.#out += ttyEcho(ch);
      }
    }
  }

  /** The clock advanced: running programs may redraw or finish. */
  tick(): string {
    this.#closeIfHostDown();
    this.#program?.onTick?.();
    return this.#take();
  }

  /**
   * A host that went down (reboot, crash) closes every login on it: nested shells return to the
   * previous host; the first login waits for the host and logs in again (programs/reconnect).
   */
  #closeIfHostDown(): void {
    const hosts = this.#sim().world.hosts;
    if (!hosts[this.#frame.host]?.down || this.#waitingForHost) return;
    if (this.#program) {
      // Whatever ran there is gone with the host (full-screen programs leave the alternate screen).
      this.#program = null;
      this.#resume = undefined;
      this.#out += '\x1b[?1049l';
    }
    while (hosts[this.#frame.host]?.down) {
      const host = this.#frame.host;
      this.#write(`Connection to ${host} closed by remote host.\nConnection to ${host} closed.\n`);
      if (this.state.frames.length === 1) {
        this.state.frames[0] = newFrame(host);
        this.#frame.lastExit = 255;
        this.#waitingForHost = true;
        this.#settle({ output: '', exitCode: 255, program: reconnectProgram(host) });
        return;
      }
      this.state.frames.pop();
      this.#frame.lastExit = 255;
    }
    this.#editor.setHistory(this.#historyOf(this.#frame.host));
    this.#prompt();
  }

  resize(cols: number, rows: number): string {
    if (cols === this.state.cols && rows === this.state.rows) return '';
    this.state.cols = cols;
    this.state.rows = rows;
    this.#editor.resize(cols);
    this.#emitRecord({ kind: 'resize', cols, rows });
    this.#program?.onResize?.(cols, rows);
    return this.#take();
  }

  /** Re-applies a journal record without producing visible output. */
  replay(r: SessionRecord): void {
    this.replaying = true;
    try {
      if (r.kind === 'exec') {
        this.#editor.begin('');
        this.#execute(r.line);
      } else if (r.kind === 'input') {
        if (this.#program) this.#program.onInput(r.data);
      } else if (r.kind === 'eof') this.#eof();
      else if (r.kind === 'interrupt') this.#frame.lastExit = 130;
      else this.resize(r.cols, r.rows);
    } finally {
      this.replaying = false;
      this.#out = '';
    }
  }

  #handleKey(key: Parameters<LineEditor['handleKey']>[0]): void {
    const { output, event } = this.#editor.handleKey(key);
    this.#out += output;
    if (!event) return;
    if (event.type === 'submit') this.#submit(event.line);
    else if (event.type === 'interrupt') {
      this.#pending = null;
      this.#emitRecord({ kind: 'interrupt' });
      this.#frame.lastExit = 130;
      this.#prompt();
    } else if (this.#pending !== null) {
      // End of input in the middle of a command: bash runs what it has (and complains like bash).
      const text = this.#pending;
      this.#pending = null;
      this.#execute(text);
    } else this.#eof();
  }

  /** A line typed at the prompt: history expansion (echoing the result), then run it or ask for more. */
  #submit(typed: string): void {
    if (this.#pending === null && !typed.trim()) return this.#prompt();
    const hx = this.#shell().expandHistory(typed, this.#historyOf(this.#frame.host));
    if (!hx.ok) {
      this.#pending = null;
      this.#write(`-bash: ${hx.error}\n`);
      return this.#prompt();
    }
    if (hx.changed) this.#write(hx.line + '\n');
    const text = this.#pending === null ? hx.line : `${this.#pending}\n${hx.line}`;
    if (hx.printOnly) {
      this.#pending = null;
      this.#remember(text);
      return this.#prompt();
    }
    if (this.#shell().lineStatus(text, this.#frame.aliases).kind === 'more') {
      this.#pending = text;
      this.#out += this.#editor.begin(PS2);
      return;
    }
    this.#pending = null;
    this.#execute(text);
  }

  #remember(line: string): void {
    const hist = this.#historyOf(this.#frame.host);
    if (!line.startsWith(' ') && hist[hist.length - 1] !== line) hist.push(line);
    if (hist.length > HISTORY_LIMIT) hist.splice(0, hist.length - HISTORY_LIMIT);
  }

  #execute(line: string): void {
    if (!line.trim()) return this.#prompt();
    this.#emitRecord({ kind: 'exec', line });
    this.#remember(line);
    try {
      this.#settle(this.#shell().runLineSafely(this.#shellIo(), line));
    } catch (e) {
      // Starting a program or acting on the outcome failed (a bug): say so once and give a fresh
      // prompt, so the editor never keeps the failed line and glues the next one to it.
      this.#program = null;
      this.#resume = undefined;
      this.#write(`-bash: sandbox: internal error (${e instanceof Error ? e.message : String(e)})\n`);
      this.#prompt();
    }
  }

  /** Shows a line's output and acts on what it asks for: a program, an ssh hop, an exit. */
  #settle(r: LineOutcome): void {
    this.#write(r.output);
    if (r.program) {
      this.#resume = r.resume;
      const sim = this.#sim();
      const host = this.#frame.host;
      this.#program = r.program({
        sim,
        hostName: host,
        cols: this.state.cols,
        rows: this.state.rows,
        write: (d) => (this.#out += d),
        exit: (code) => this.#programExited(code),
      });
      return;
    }
    if (r.action?.kind === 'ssh') {
      this.state.frames.push(newFrame(r.action.host));
      this.#editor.setHistory(this.#historyOf(r.action.host));
    } else if (r.action?.kind === 'exit') this.#logout(r.action.code);
    else if (r.action?.kind === 'clear') this.#out += '\x1b[H\x1b[2J';
    if (r.resume && r.action) return this.#settle(r.resume(r.exitCode));
    this.#prompt();
  }

  #programExited(code: number): void {
    this.#program = null;
    this.#waitingForHost = false;
    this.#frame.lastExit = code;
    const resume = this.#resume;
    this.#resume = undefined;
    if (resume) this.#settle(resume(code));
    else this.#prompt();
  }

  #eof(): void {
    if (this.state.frames.length > 1) {
      this.#emitRecord({ kind: 'eof' });
      this.#logout(this.#frame.lastExit);
      this.#prompt();
    }
  }

  /** Leaves the current shell: back to the previous host, or a fresh login at the top. */
  #logout(code: number): void {
    const left = this.state.frames.pop()!;
    this.#write('logout\n');
    if (this.state.frames.length === 0) {
      this.state.frames.push(newFrame(left.host));
    } else {
      this.#write(`Connection to ${left.host} closed.\n`);
      this.#frame.lastExit = code;
    }
    this.#editor.setHistory(this.#historyOf(this.#frame.host));
  }

  #prompt(): void {
    this.#out += this.#editor.begin(promptFor(this.#frame));
  }

  #write(text: string): void {
    if (text) this.#out += ttyOutput(text);
  }

  #take(): string {
    const out = this.#out;
    this.#out = '';
    return this.replaying ? '' : out;
  }

  #emitRecord(r: SessionRecord): void {
    if (!this.replaying) this.#record(r);
  }

  #historyOf(host: string): string[] {
    return (this.state.history[host] ??= []);
  }

  #shellIo() {
    return { sim: this.#sim(), registry: this.#registry, frame: this.#frame, cols: this.state.cols, rows: this.state.rows, history: this.#historyOf(this.#frame.host) };
  }

  #completionContext() {
    const world = this.#sim().world;
    return { world, host: world.hosts[this.#frame.host]!, frame: this.#frame, registry: this.#registry };
  }
}

/** How the tty echoes a key typed ahead (ECHO, ECHOCTL): Enter as a new line, controls as ^X. */
function ttyEcho(ch: string): string {
  if (ch === '\r' || ch === '\n') return '\r\n';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
  return code === 0x7f ? '^?' : ch;
}

/** The raw bytes of a decoded key, for handing the rest of an input chunk to a program. */
function keyText(key: ReturnType<typeof decodeKeys>[number]): string {
  switch (key.kind) {
    case 'text':
    case 'paste':
      return key.text;
    case 'ctrl':
      return String.fromCharCode(key.char.charCodeAt(0) - 0x60);
    case 'alt':
      return '\x1b' + key.char;
    case 'special':
      return { enter: '\r', tab: '\t', backspace: '\x7f', escape: '\x1b', up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F', delete: '\x1b[3~', insert: '\x1b[2~', pageup: '\x1b[5~', pagedown: '\x1b[6~', 'word-left': '\x1b[1;5D', 'word-right': '\x1b[1;5C', unknown: '' }[key.name];
  }
}
