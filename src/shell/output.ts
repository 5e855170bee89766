// What a command writes, in order: stdout and stderr chunks as a real process interleaves them
// (`cat a missing b` shows a's text, the error, then b's), turned into a CommandOutcome at the end.
import type { CommandOutcome } from './types';

export class Output {
  readonly chunks: Array<[1 | 2, string]> = [];
  /** Exit status so far: set by `fail()`, kept by `done()` unless given. */
  status = 0;

  out(text: string): this {
    if (text) this.chunks.push([1, text]);
    return this;
  }

  err(text: string, status?: number): this {
    if (text) this.chunks.push([2, text]);
    if (status !== undefined) this.status = status;
    return this;
  }

  get stdout(): string {
    return this.chunks.filter((c) => c[0] === 1).map((c) => c[1]).join('');
  }

  done(exitCode = this.status): CommandOutcome {
    const stdout = this.stdout;
    const stderr = this.chunks.filter((c) => c[0] === 2).map((c) => c[1]).join('');
    return stderr && stdout ? { stdout, stderr, exitCode, chunks: this.chunks } : { stdout, stderr, exitCode };
  }
}
