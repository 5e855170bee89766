// The sizes one command line may build (a word, a variable, a printf field, what it shows): a
// tab's memory is the simulated machine's, so past these the tools answer as they do when an
// allocation fails, never with a JS RangeError or a frozen page.

/** Longest string (word, variable value, printf field) a line may build: 16 Mi characters. */
export const MAX_STRING = 1 << 24;

/** Most characters one line shows on the terminal; the rest is counted and reported once. */
export const MAX_LINE_OUTPUT = 1 << 22;

/** bash's failed allocation (`xrealloc: cannot allocate N bytes`): its buffers grow in 128-byte steps. */
export function xrealloc(length: number): string {
  return `xrealloc: cannot allocate ${Math.ceil(length / 128) * 128 + 128} bytes`;
}
