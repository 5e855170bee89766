// `sleep`: waits on the simulation clock (so a paused clock pauses it, a fast clock speeds it)
// until the time is up; Ctrl-C interrupts it like SIGINT does (`^C`, exit status 130).
import type { Program, ProgramFactory } from './program';

export function sleepProgram(durationMs: number): ProgramFactory {
  return (host) => {
    const until = host.sim.world.clockMs + durationMs;
    let done = false;
    const finish = (code: number, text = '') => {
      if (done) return;
      done = true;
      if (text) host.write(text);
      host.exit(code);
    };
    const program: Program = {
      signalsOnly: true,
      onInput(data) {
        if (data.includes('\x03')) finish(130, '^C\r\n');
        // Ctrl-\ is SIGQUIT: bash reports the core dump wording.
        else if (data.includes('\x1c')) finish(131, '^\\Quit (core dumped)\r\n');
      },
      onTick() {
        if (host.sim.world.clockMs >= until) finish(0);
      },
    };
    return program;
  };
}

/** Parses GNU sleep's NUMBER[SUFFIX] (s, m, h, d; fractions allowed) into ms, or null. */
export function parseSleepArg(arg: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return null;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}
