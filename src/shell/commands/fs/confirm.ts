// The y/n questions of `rm -i`, `cp -i` and `mv -i` as a Program: each step either runs at once
// or asks (`rm: remove regular file `x'? `), reads a line (echoed, Backspace works) and acts
// on a yes. A step may add steps (rm -ri descends into a directory). Ctrl-C stops with 130;
// Ctrl-D answers no to the rest. Driven by keystrokes only, so the journal replays it.
import type { Program, ProgramFactory, ProgramHost } from '../../../programs/program';
import type { Sim } from '../../../sim/sim';

export interface ConfirmStep {
  /** The question; undefined runs `yes` without asking. */
  prompt?: string;
  /** Acts on the world; returns what it prints and steps to do next (before the remaining ones). */
  yes(sim: Sim): { out?: string; err?: string; failed?: boolean; then?: ConfirmStep[] };
  no?(sim: Sim): { then?: ConfirmStep[] };
}

export function confirmProgram(steps: ConfirmStep[], initialStatus = 0): ProgramFactory {
  return (host: ProgramHost): Program => {
    const queue = [...steps];
    let status = initialStatus;
    let answer = '';
    let asking: ConfirmStep | null = null;
    let done = false;
    const write = (text: string) => host.write(text.replace(/\r?\n/g, '\r\n'));
    const finish = (code: number) => {
      if (done) return;
      done = true;
      host.exit(code);
    };
    const apply = (r: { out?: string; err?: string; failed?: boolean; then?: ConfirmStep[] }) => {
      if (r.out) write(r.out);
      if (r.err) write(r.err);
      if (r.failed) status = 1;
      if (r.then?.length) queue.unshift(...r.then);
    };
    /** Runs steps until one has to ask; ends the program when none are left. */
    const advance = () => {
      for (let guard = 0; guard < 100_000; guard++) {
        const step = queue.shift();
        if (!step) return finish(status);
        if (step.prompt === undefined) {
          apply(step.yes(host.sim));
          continue;
        }
        asking = step;
        answer = '';
        write(step.prompt);
        return;
      }
      finish(status);
    };
    const answerWith = (text: string) => {
      const step = asking!;
      asking = null;
      if (/^[yY]/.test(text)) apply(step.yes(host.sim));
      else if (step.no) apply(step.no(host.sim));
      advance();
    };
    advance();
    return {
      onInput(data: string) {
        for (const ch of data) {
          if (done || !asking) return;
          if (ch === '\x03') {
            write('^C\n');
            return finish(130);
          }
          if (ch === '\x04') {
            if (answer) continue;
            write('\n');
            queue.length = 0;
            asking = null;
            return finish(status);
          }
          if (ch === '\r' || ch === '\n') {
            write('\n');
            answerWith(answer);
          } else if (ch === '\x7f' || ch === '\b') {
            if (answer) {
              answer = answer.slice(0, -1);
              host.write('\b \b');
            }
          } else if (ch >= ' ') {
            answer += ch;
            host.write(ch);
          }
        }
      },
    };
  };
}
