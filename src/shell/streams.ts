// A running command's standard streams inside the executor: stdin as text that `read` consumes
// a line at a time, and stdout/stderr as writers (the terminal, a pipe, or a file).

/** Standard input as a stream: `read` takes a line, other commands see what is left. */
export interface Input {
  text: string;
  pos: number;
}
export const noInput = (): Input => ({ text: '', pos: 0 });

/** Where a stream's bytes go. */
export type Writer = (text: string) => void;
export interface Streams {
  out: Writer;
  err: Writer;
  /** True when `out` is the terminal itself. */
  outIsTty: boolean;
}
