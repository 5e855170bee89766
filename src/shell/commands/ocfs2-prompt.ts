// A yes/no question that waits for the user (mkfs.ocfs2's "Proceed (y/N): ", fsck's "Do you really
// want to continue", tunefs's critical questions): from piped stdin when there is some, else as a
// terminal program reading one line. The continuation runs once, with the line or null on EOF.
import type { Program, ProgramFactory } from '../../tty/program';
import type { CommandOutcome } from '../types';

export interface Answered {
  /** Everything printed after the question, in terminal order. */
  text: string;
  exitCode: number;
}

/** What a C tool's `toupper(getchar()) == 'Y'` sees. */
export const saysYes = (answer: string | null): boolean => !!answer && answer.trimStart().charAt(0).toUpperCase() === 'Y';

/**
 * Asks `question` after `before` has been printed. With stdin (a pipe or here-doc) the first line
 * answers at once; otherwise a program owns the terminal until Enter (Ctrl-C interrupts).
 */
export function ask(before: { stdout: string; stderr: string; stderrFirst?: boolean }, question: string, stdin: string, then: (answer: string | null) => Answered, interrupted: Answered): CommandOutcome {
  if (stdin) {
    const line = stdin.split('\n')[0]!;
    const r = then(line);
    return { stdout: before.stdout + question + r.text, stderr: before.stderr, exitCode: r.exitCode, stderrFirst: before.stderrFirst };
  }
  return { stdout: before.stdout, stderr: before.stderr, exitCode: 0, stderrFirst: before.stderrFirst, program: questionProgram(question, then, interrupted) };
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
      host.write(crlf(echo + r.text));
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
