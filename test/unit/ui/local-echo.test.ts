// Keys typed before the first session is open are shown at once and taken back before the
// session's echo (src/ui/terminal/local-echo.ts): what the learner sees, on a headless xterm.js.
import { describe, expect, it } from 'vitest';
import { FakeTty } from '../tty/fake-tty';
import { LocalEcho } from '../../../src/ui/terminal/local-echo';

const PROMPT = '[root@ovs01 ~]# ';

async function typed(keys: string[], cols = 40): Promise<{ tty: FakeTty; echo: LocalEcho }> {
  const tty = new FakeTty(cols, 5);
  await tty.write(PROMPT);
  const echo = new LocalEcho(tty.term);
  for (const k of keys) {
    echo.type(k);
    await tty.write('');
  }
  return { tty, echo };
}

describe('the echo of keys typed before the session is open', () => {
  it('shows plain text at once, Backspace included, and takes it all back before the session echoes it', async () => {
    const { tty, echo } = await typed(['x', 'm', ' ', 'l', 'i', 'z', '\x7f', 's', 't']);
    expect(tty.screen()).toEqual([`${PROMPT}xm list`]);
    await tty.write(echo.takeBack());
    expect(tty.screen()).toEqual([PROMPT]);
    expect(tty.cursor()).toEqual([PROMPT.length, 0]);
    // The session's own echo then lands where the learner's typing was.
    await tty.write('xm list');
    expect(tty.screen()).toEqual([`${PROMPT}xm list`]);
    // Nothing more is shown once taken back: the session echoes from now on.
    echo.type('x');
    await tty.write('');
    expect(tty.screen()).toEqual([`${PROMPT}xm list`]);
  });

  it('stops at the first key whose answer only the shell knows (Enter, Tab, an arrow, Ctrl-C), and at the row’s end', async () => {
    for (const stop of ['\r', '\t', '\x1b[A', '\x03']) {
      const { tty, echo } = await typed(['l', 's', stop, 'p', 'w', 'd']);
      expect(tty.screen()).toEqual([`${PROMPT}ls`]);
      await tty.write(echo.takeBack());
      expect(tty.screen()).toEqual([PROMPT]);
    }
    // 40 columns: the prompt's 16 and 23 more; the 24th would wrap, so the echo stops there.
    const { tty } = await typed([...'abcdefghijklmnopqrstuvwxyz']);
    expect(tty.screen()).toEqual([`${PROMPT}abcdefghijklmnopqrstuvw`]);
  });

  it('takes nothing back when nothing was shown, and a Backspace with nothing shown ends the echo', async () => {
    const { tty, echo } = await typed(['\x7f', 'a']);
    expect(tty.screen()).toEqual([PROMPT]);
    expect(echo.takeBack()).toBe('');
  });
});
