// A terminal for tests: @xterm/headless renders the bytes the line editor or a session writes,
// so tests assert what the user sees (screen rows, cursor), not escape sequences.
import xterm from '@xterm/headless';

export class FakeTty {
  readonly term: InstanceType<typeof xterm.Terminal>;
  constructor(
    readonly cols = 40,
    readonly rows = 10,
  ) {
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  }

  write(data: string): Promise<void> {
    return new Promise((resolve) => this.term.write(data, resolve));
  }

  /** Visible rows (viewport), trailing blanks trimmed, trailing empty rows dropped. */
  screen(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < this.rows; i++) out.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** Cursor as [column, row] within the viewport. */
  cursor(): [number, number] {
    const b = this.term.buffer.active;
    return [b.cursorX, b.cursorY + b.baseY - b.viewportY];
  }
}
