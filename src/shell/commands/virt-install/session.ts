// One run of virt-install's question-and-answer logic (virtinst/cli.py 0.400.3): prompts that
// read the next answer or, without --prompt, fail; `print` with Python 2's softspace (the blank
// that starts the line after an answered prompt); logging's `ERROR    msg` on stderr and exit 1.
// A run is replayed from the start with every answer so far (src/shell/commands/dialogue.ts).

/** Thrown to stop the run at a question that has no answer yet. */
export class Ask {
  constructor(readonly prompt: string) {}
}
/** Thrown to end the run with exit status `code` (after what was printed). */
export class Exit {
  constructor(readonly code: number) {}
}

export class Session {
  /** Output after the latest answer, in the order written: [stderr?, text]. */
  readonly out: Array<[boolean, string]> = [];
  private next = 0;
  private soft = false;

  constructor(
    private readonly answers: ReadonlyArray<string | null>,
    readonly prompting: boolean,
    readonly force: boolean,
  ) {}

  /** `print text` (stdout); a pending softspace writes its blank first. */
  print(text: string): void {
    this.out.push([false, (this.soft ? ' ' : '') + text]);
    this.soft = false;
  }

  /** logging.error through the stream handler: `ERROR    msg` on stderr. */
  error(msg: string): void {
    this.out.push([true, `ERROR    ${msg}\n`]);
  }

  /** cli.fail: log the error, exit 1. */
  fail(msg: string): never {
    this.error(msg);
    throw new Exit(1);
  }

  /** cli.prompt_for_input: the given value, else the next answer, else a refusal. */
  input(prompt: string, given?: string): string {
    if (given !== undefined) return given;
    if (this.force) this.fail(`Force flag is set but input was required. Prompt was: ${prompt}`);
    if (!this.prompting) this.fail(`Prompting disabled, but input was requested. Prompt was: ${prompt}`);
    const i = this.next;
    const a = this.answers[i];
    // `print prompt + " ",`: the prompt, its blank, and a softspace for the next print.
    if (a === undefined) throw new Ask((this.soft ? ' ' : '') + prompt + ' ');
    this.next++;
    // Only what the latest answer provokes is shown now; the rest was shown when it happened.
    if (i === this.answers.length - 1) this.out.length = 0;
    this.soft = true;
    if (a === null) {
      this.print('\nInstallation aborted at user request\n');
      throw new Exit(0);
    }
    return a.trim();
  }

  /** cli.prompt_for_yes_or_no: --force answers yes; without --prompt it refuses. */
  yesNo(prompt: string): boolean {
    if (this.force) return true;
    if (!this.prompting) this.fail(`Prompting disabled, but yes/no was requested. Try --force to force 'yes' for such prompts. Prompt was: ${prompt}`);
    for (;;) {
      const s = this.input(prompt).toLowerCase();
      if (['y', 'yes', '1', 'true', 't'].includes(s)) return true;
      if (['n', 'no', '0', 'false', 'f'].includes(s)) return false;
      this.print('ERROR:  A yes or no response is required\n');
    }
  }

  stdout(): string {
    return this.out.filter(([e]) => !e).map(([, t]) => t).join('');
  }
  stderr(): string {
    return this.out.filter(([e]) => e).map(([, t]) => t).join('');
  }
  /** Both streams as the terminal shows them (a dialogue has one). */
  all(): string {
    return this.out.map(([, t]) => t).join('');
  }
}
