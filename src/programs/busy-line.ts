// A command line that used up its slice of work (a tight loop): it owns the terminal until the
// next clock tick, when it goes on; Ctrl-C ends it there, as SIGINT ends a loop in bash.
import type { ProgramFactory } from './program';

export function busyLineProgram(): ProgramFactory {
  return (host) => {
    let done = false;
    const finish = (code: number, text = '') => {
      if (done) return;
      done = true;
      if (text) host.write(text);
      host.exit(code);
    };
    return {
      signalsOnly: true,
      onInput(data) {
        if (data.includes('\x03')) finish(130, '^C\r\n');
        else if (data.includes('\x1c')) finish(131, '^\\Quit (core dumped)\r\n');
      },
      onTick: () => finish(0),
    };
  };
}
