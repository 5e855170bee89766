// What the page writes when a session opens (src/worker/session-opening.ts): after the scrollback of
// a reload, the fresh prompt replaces the old one; after a first screen already shown, only what
// follows it, or everything anew if the session shows something else.
import { describe, expect, it } from 'vitest';
import { CLEAR_SCREEN, openingWrite } from '../../../src/worker/session-opening';

const LOGIN = 'Last login: Mon Mar  2 20:11:31 2026 from 10.10.10.1\r\n\x1b[?2004h[root@ovs01 ~]# ';
const SAVED = '[root@ovs01 ~]# xm list\r\nName  ID\r\n[root@ovs01 ~]# ';

describe('opening a session', () => {
  it('writes the session’s opening as it is on a fresh terminal', () => {
    expect(openingWrite(null, LOGIN, '')).toBe(LOGIN);
  });

  it('replaces the line the saved scrollback ends on with the fresh prompt', () => {
    expect(openingWrite(SAVED, '\x1b[?2004h[root@ovs01 ~]# ', '')).toBe('\r\x1b[2K\x1b[?2004h[root@ovs01 ~]# ');
    expect(openingWrite(SAVED, '', '')).toBe('');
  });

  it('writes nothing more when the first screen shown is the session’s opening', () => {
    expect(openingWrite(null, LOGIN, LOGIN)).toBe('');
  });

  it('writes what follows the screen shown (a storage warning after the prompt)', () => {
    expect(openingWrite(null, LOGIN + '\r\n[saving is off]', LOGIN)).toBe('\r\n[saving is off]');
  });

  it('clears the screen and draws the session anew when it shows something else (the attempt existed after all)', () => {
    expect(openingWrite(SAVED, '\x1b[?2004h[root@ovs01 ~]# ', LOGIN)).toBe(`${CLEAR_SCREEN}${SAVED}\r\x1b[2K\x1b[?2004h[root@ovs01 ~]# `);
    expect(openingWrite(null, LOGIN.replace('Mon Mar  2', 'Tue Mar  3'), LOGIN)).toBe(CLEAR_SCREEN + LOGIN.replace('Mon Mar  2', 'Tue Mar  3'));
  });
});
