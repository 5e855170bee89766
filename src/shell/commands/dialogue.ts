// A question-and-answer dialogue a command holds with the user (ssh's password prompt, the OVM
// agent's `configure`): a script says what to print and what to ask next from the answers so far;
// the answers come from piped stdin when there is some, else from a terminal program line by line.
import type { Program, ProgramFactory } from '../../programs/program';
import type { CommandOutcome } from '../types';

export interface DialogueStep {
  /** Printed before the question (or as the last words when there is no question). */
  say?: string;
  /** The next question; none ends the dialogue with `exitCode`. */
  ask?: { prompt: string; secret?: boolean };
  exitCode?: number;
  /** When the dialogue ends: the program that takes the terminal next (virt-install's console). */
  then?: ProgramFactory;
}

/** Called with the answers so far (null: end of input); returns what happens next. */
export type DialogueScript = (answers: ReadonlyArray<string | null>) => DialogueStep;

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Runs `script` to the end with the lines of `stdin` as answers (a here-doc or a pipe). */
function runPiped(script: DialogueScript, stdin: string): CommandOutcome {
  const lines = stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const answers: Array<string | null> = [];
  let out = '';
  for (let guard = 0; guard < 1000; guard++) {
    const step = script(answers);
    out += step.say ?? '';
    if (!step.ask) return { stdout: out, stderr: '', exitCode: step.exitCode ?? 0, ...(step.then && { program: step.then }) };
    // getpass() ends its prompt with a newline of its own when the terminal does not echo it.
    out += step.ask.prompt;
    const line = lines.length ? lines.shift()! : null;
    if (step.ask.secret || line === null) out += '\n';
    answers.push(line);
  }
  return { stdout: out, stderr: '', exitCode: 1 };
}

/** The dialogue as a command's outcome: answered from stdin at once, or by the user at the terminal. */
export function dialogue(script: DialogueScript, stdin: string, before = ''): CommandOutcome {
  if (stdin) {
    const r = runPiped(script, stdin);
    return { ...r, stdout: before + r.stdout };
  }
  const first = script([]);
  if (!first.ask) return { stdout: before + (first.say ?? ''), stderr: '', exitCode: first.exitCode ?? 0, ...(first.then && { program: first.then }) };
  return { stdout: before, stderr: '', exitCode: 0, program: dialogueProgram(script, first) };
}

function dialogueProgram(script: DialogueScript, first: DialogueStep): ProgramFactory {
  return (host) => {
    const answers: Array<string | null> = [];
    let step = first;
    let line = '';
    let done = false;
    let next: Program | null = null;
    const show = (s: DialogueStep) => {
      host.write(crlf((s.say ?? '') + (s.ask?.prompt ?? '')));
      if (!s.ask) {
        done = true;
        if (s.then) next = s.then(host);
        else host.exit(s.exitCode ?? 0);
      }
    };
    const answer = (a: string | null) => {
      host.write('\r\n');
      answers.push(a);
      line = '';
      step = script(answers);
      show(step);
    };
    show(step);
    const program: Program = {
      onInput(data) {
        if (next) return next.onInput(data);
        for (const ch of data) {
          if (done) return;
          if (ch === '\r' || ch === '\n') answer(line);
          else if (ch === '\x03') {
            // Ctrl-C kills the program where it stands, as SIGINT does.
            host.write('^C\r\n');
            done = true;
            host.exit(130);
          } else if (ch === '\x04') {
            if (!line) answer(null);
          } else if (ch === '\x7f' || ch === '\b') {
            if (line) {
              line = line.slice(0, -1);
              if (!step.ask?.secret) host.write('\b \b');
            }
          } else if (ch >= ' ') {
            line += ch;
            if (!step.ask?.secret) host.write(ch);
          }
        }
      },
      onTick() {
        next?.onTick?.();
      },
    };
    return program;
  };
}
