// A yes/no question that waits for the user (mkfs.ocfs2's "Proceed (y/N): ", fsck's "Do you really
// want to continue", tunefs's critical questions): from piped stdin when there is some, else as a
// terminal program reading one line. The continuation runs once, with the line or null on EOF.
import type { Program, ProgramFactory } from '../../programs/program';
import type { CommandOutcome } from '../types';

/** Output in the order a C tool writes it to its two streams (the executor keeps the order). */
export class Out {
  readonly chunks: Array<[1 | 2, string]> = [];
  out(text: string): this {
    if (text) this.chunks.push([1, text]);
    return this;
  }
  err(text: string): this {
    if (text) this.chunks.push([2, text]);
    return this;
  }
  get stdout(): string {
    return this.chunks.filter(([fd]) => fd === 1).map(([, t]) => t).join('');
  }
  get stderr(): string {
    return this.chunks.filter(([fd]) => fd === 2).map(([, t]) => t).join('');
  }
  done(exitCode: number): CommandOutcome {
    return { stdout: this.stdout, stderr: this.stderr, exitCode, chunks: this.chunks };
  }
}

export interface Answered {
  /** What is printed on stdout after the question. */
  text: string;
  /** …then on stderr. */
  err?: string;
  exitCode: number;
}

/** What a C tool's `toupper(getchar()) == 'Y'` sees. */
export const saysYes = (answer: string | null): boolean => !!answer && answer.trimStart().charAt(0).toUpperCase() === 'Y';

/**
 * Asks `question` after `before` has been printed. With stdin (a pipe or here-doc) the first line
 * answers at once; otherwise a program owns the terminal until Enter (Ctrl-C interrupts).
 */
export function ask(before: Out, question: string, stdin: string, then: (answer: string | null) => Answered, interrupted: Answered): CommandOutcome {
  if (stdin) {
    const line = stdin.split('\n')[0]!;
    const r = then(line);
    return before.out(question).out(r.text).err(r.err ?? '').done(r.exitCode);
  }
  return { ...before.done(0), program: questionProgram(question, then, interrupted) };
}

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export function questionProgram(question: string, then: (answer: string | null) => Answered, interrupted: Answered): ProgramFactory {
  return (host) => {
    host.write(crlf(question));
    let line = '';
    let done = false;
    const finish = (r: Answered, echo: string) => {
      if (done) return;
      done = true;
      host.write(crlf(echo + r.text + (r.err ?? '')));
      host.exit(r.exitCode);
    };
    const program: Program = {
      onInput(data) {
        for (const ch of data) {
          if (done) return;
          if (ch === '\r' || ch === '\n') finish(then(line), '\n');
          else if (ch === '\x03') finish(interrupted, '^C');
          else if (ch === '\x04') {
            if (!line) finish(then(null), '');
          } else if (ch === '\x7f' || ch === '\b') {
            if (line) {
              line = line.slice(0, -1);
              host.write('\b \b');
            }
          } else if (ch >= ' ') {
            line += ch;
            host.write(ch);
          }
        }
      },
    };
    return program;
  };
}
