// The line editor against a fake tty (@xterm/headless): every key of readline's emacs mode that
// the sandbox supports, checked by what the screen shows and where the cursor is.
import { describe, expect, it } from 'vitest';
import { LineEditor, type Completion, type EditorEvent } from '../../../src/programs/line-editor';
import { FakeTty } from './fake-tty';

const P = '[root@ovs01 ~]# ';
const KEY = {
  left: '\x1b[D',
  right: '\x1b[C',
  up: '\x1b[A',
  down: '\x1b[B',
  home: '\x1b[H',
  end: '\x1b[F',
  home2: '\x1b[1~',
  end2: '\x1b[4~',
  del: '\x1b[3~',
  bs: '\x7f',
  ctrlLeft: '\x1b[1;5D',
  ctrlRight: '\x1b[1;5C',
  altB: '\x1bb',
  altF: '\x1bf',
  altD: '\x1bd',
  altBs: '\x1b\x7f',
  esc: '\x1b',
};
const ctrl = (c: string) => String.fromCharCode(c.charCodeAt(0) - 96);

async function setup(opts: { history?: string[]; complete?: (line: string, cursor: number) => Completion; cols?: number } = {}) {
  const tty = new FakeTty(opts.cols ?? 40, 10);
  const ed = new LineEditor({ complete: opts.complete ?? ((_l, c) => ({ start: c, candidates: [] })) }, opts.history ?? [], opts.cols ?? 40);
  await tty.write(ed.begin(P));
  const events: EditorEvent[] = [];
  const type = async (data: string) => {
    const r = ed.feed(data);
    events.push(...r.events);
    await tty.write(r.output);
    return r;
  };
  return { tty, ed, events, type };
}

describe('typing and moving', () => {
  it('echoes text after the prompt, cursor at the end', async () => {
    const { tty, type, ed } = await setup();
    await type('xm list');
    expect(tty.screen()).toEqual([P + 'xm list']);
    expect(tty.cursor()).toEqual([P.length + 7, 0]);
    expect(ed.line).toBe('xm list');
  });

  it('inserts and deletes anywhere (←, →, Backspace, Delete, Ctrl-H, Ctrl-D)', async () => {
    const { tty, type, ed } = await setup();
    await type('xm lst');
    await type(KEY.left + KEY.left + 'i');
    expect(ed.line).toBe('xm list');
    expect(tty.cursor()).toEqual([P.length + 5, 0]);
    await type(KEY.bs);
    expect(ed.line).toBe('xm lst');
    await type(KEY.del);
    expect(ed.line).toBe('xm lt');
    await type(ctrl('h') + ctrl('d'));
    expect(ed.line).toBe('xm ');
    await type(KEY.right + KEY.right);
    expect(tty.screen()).toEqual([P + 'xm ']);
    expect(tty.cursor()).toEqual([P.length + 3, 0]);
  });

  it('Home/End and Ctrl-A/Ctrl-E, Ctrl-B/Ctrl-F', async () => {
    const { tty, type } = await setup();
    await type('echo hello');
    for (const k of [KEY.home, KEY.home2, ctrl('a')]) {
      await type(KEY.end);
      await type(k);
      expect(tty.cursor()).toEqual([P.length, 0]);
    }
    for (const k of [KEY.end, KEY.end2, ctrl('e')]) {
      await type(ctrl('a'));
      await type(k);
      expect(tty.cursor()).toEqual([P.length + 10, 0]);
    }
    await type(ctrl('b') + ctrl('b') + ctrl('f'));
    expect(tty.cursor()).toEqual([P.length + 9, 0]);
  });

  it('moves by words with Alt-B/Alt-F and Ctrl-←/Ctrl-→', async () => {
    const { tty, type } = await setup();
    await type('xm mem-set dom1 512');
    await type(KEY.altB);
    expect(tty.cursor()).toEqual([P.length + 16, 0]);
    await type(KEY.altB + KEY.altB);
    expect(tty.cursor()).toEqual([P.length + 7, 0]);
    await type(KEY.ctrlLeft);
    expect(tty.cursor()).toEqual([P.length + 3, 0]);
    await type(KEY.altF);
    expect(tty.cursor()).toEqual([P.length + 6, 0]);
    await type(KEY.ctrlRight);
    expect(tty.cursor()).toEqual([P.length + 10, 0]);
  });
});

describe('killing and yanking', () => {
  it('Ctrl-U kills to the start, Ctrl-K to the end, Ctrl-Y yanks back', async () => {
    const { tty, type, ed } = await setup();
    await type('xm destroy dom1');
    await type(ctrl('a') + KEY.altF + KEY.altF);
    await type(ctrl('k'));
    expect(ed.line).toBe('xm destroy');
    await type(ctrl('y'));
    expect(ed.line).toBe('xm destroy dom1');
    await type(KEY.altB + ctrl('u'));
    expect(ed.line).toBe('dom1');
    expect(tty.screen()).toEqual([P + 'dom1']);
    expect(tty.cursor()).toEqual([P.length, 0]);
  });

  it('Ctrl-W kills the previous blank-separated word, Alt-Backspace an alphanumeric one', async () => {
    const { type, ed } = await setup();
    await type('cat /var/log/xen/xend.log');
    await type(KEY.altBs);
    expect(ed.line).toBe('cat /var/log/xen/xend.');
    await type(ctrl('w'));
    expect(ed.line).toBe('cat ');
  });

  it('Alt-D kills the next word; Ctrl-T transposes', async () => {
    const { type, ed } = await setup();
    await type('xm lsit dom1');
    await type(ctrl('a') + KEY.altF + KEY.right + KEY.right + KEY.right);
    await type(ctrl('t'));
    expect(ed.line).toBe('xm list dom1');
    await type(ctrl('a') + KEY.altD);
    expect(ed.line).toBe(' list dom1');
  });
});

describe('ending the line', () => {
  it('Enter submits the whole line wherever the cursor is', async () => {
    const { tty, type, events } = await setup();
    await type('xm list' + KEY.home + '\r');
    expect(events).toEqual([{ type: 'submit', line: 'xm list' }]);
    expect(tty.screen()).toEqual([P + 'xm list']);
    expect(tty.cursor()).toEqual([0, 1]);
  });

  it('a submitted line is handed over: keys typed before the next prompt start a fresh line (issue 10: `Eecho`)', async () => {
    const { type, events, ed } = await setup();
    await type('E\r');
    expect(ed.line).toBe('');
    await type('echo after\r');
    expect(events).toEqual([
      { type: 'submit', line: 'E' },
      { type: 'submit', line: 'echo after' },
    ]);
  });

  it('Ctrl-C prints ^C, drops the line and interrupts', async () => {
    const { tty, type, events, ed } = await setup();
    await type('xm destroy' + KEY.home + ctrl('c'));
    expect(events).toEqual([{ type: 'interrupt' }]);
    expect(tty.screen()).toEqual([P + 'xm destroy^C']);
    expect(ed.line).toBe('');
  });

  it('Ctrl-D on an empty line is end of input; on text it deletes', async () => {
    const { type, events, ed } = await setup();
    await type('ab' + KEY.left + ctrl('d'));
    expect(ed.line).toBe('a');
    expect(events).toEqual([]);
    await type(KEY.bs + ctrl('d'));
    expect(events).toEqual([{ type: 'eof' }]);
  });

  it('Ctrl-L clears the screen and redraws the line at the top', async () => {
    const { tty, type } = await setup();
    await tty.write('old output\r\n');
    await type('xm li');
    await type(ctrl('l'));
    expect(tty.screen()).toEqual([P + 'xm li']);
    expect(tty.cursor()).toEqual([P.length + 5, 0]);
  });
});

describe('history', () => {
  const history = ['xm list', 'xm info', 'uptime'];

  it('↑/↓ and Ctrl-P/Ctrl-N walk the history and come back to the draft', async () => {
    const { tty, type, ed } = await setup({ history });
    await type('draft');
    await type(KEY.up);
    expect(tty.screen()).toEqual([P + 'uptime']);
    await type(KEY.up + ctrl('p'));
    expect(ed.line).toBe('xm list');
    await type(KEY.up);
    expect(ed.line).toBe('xm list');
    await type(KEY.down + ctrl('n'));
    expect(ed.line).toBe('uptime');
    await type(KEY.down);
    expect(tty.screen()).toEqual([P + 'draft']);
  });

  it('Ctrl-R searches backwards incrementally and Enter runs the find', async () => {
    const { tty, type, events } = await setup({ history: ['xm list', 'xm info', 'uptime', 'ls /etc'] });
    await type(ctrl('r'));
    expect(tty.screen()).toEqual(["(reverse-i-search)`': "]);
    await type('xm');
    expect(tty.screen()).toEqual(["(reverse-i-search)`xm': xm info"]);
    expect(tty.cursor()).toEqual(["(reverse-i-search)`xm': ".length, 0]);
    await type(ctrl('r'));
    expect(tty.screen()).toEqual(["(reverse-i-search)`xm': xm list"]);
    await type(' l');
    expect(tty.screen()).toEqual(["(reverse-i-search)`xm l': xm list"]);
    await type('\r');
    expect(events).toEqual([{ type: 'submit', line: 'xm list' }]);
    expect(tty.screen()).toEqual([P + 'xm list']);
  });

  it('Ctrl-R shows a failed search, Backspace shortens it, Ctrl-G restores the line', async () => {
    const { tty, type, ed } = await setup({ history: ['xm list', 'uptime'] });
    await type('typed');
    await type(ctrl('r') + 'upx');
    expect(tty.screen()).toEqual(["(failed reverse-i-search)`upx': uptime"]);
    await type(KEY.bs);
    expect(tty.screen()).toEqual(["(reverse-i-search)`up': uptime"]);
    await type(ctrl('g'));
    expect(ed.searching).toBe(false);
    expect(tty.screen()).toEqual([P + 'typed']);
  });

  it('Ctrl-R then another key accepts the line and edits it; Ctrl-R again reuses the last query', async () => {
    const { tty, type, ed } = await setup({ history: ['xm list', 'xm info'] });
    await type(ctrl('r') + 'list' + ctrl('e') + ' -l');
    expect(ed.line).toBe('xm list -l');
    expect(tty.screen()).toEqual([P + 'xm list -l']);
    await type(ctrl('u') + ctrl('r') + ctrl('r'));
    expect(tty.screen()).toEqual(["(reverse-i-search)`list': xm list"]);
    await type(KEY.esc);
    expect(tty.screen()).toEqual([P + 'xm list']);
  });
});

describe('Tab completion', () => {
  const names = ['xentop', 'xm', 'xargs', 'hostname'];
  const complete = (line: string, cursor: number): Completion => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(start, cursor);
    if (start === 0) return { start, candidates: names.filter((n) => n.startsWith(word)) };
    return { start, candidates: ['/etc/', '/etc/hosts', '--color=', '0004fb0000060000d93de77deddd1788'].filter((n) => n.startsWith(word)) };
  };

  it('one match completes and adds a space (none after / or =)', async () => {
    const { type, ed } = await setup({ complete });
    await type('ho\t');
    expect(ed.line).toBe('hostname ');
    await type('/et\t');
    expect(ed.line).toBe('hostname /etc/');
    await type(ctrl('u') + 'ls --co\t');
    expect(ed.line).toBe('ls --color=');
    await type(ctrl('u') + 'xm list 0004\t');
    expect(ed.line).toBe('xm list 0004fb0000060000d93de77deddd1788 ');
  });

  it('several matches: first Tab completes the common prefix or rings; second Tab lists like bash', async () => {
    const { tty, type, ed } = await setup({ complete });
    await type('x');
    expect((await type('\t')).output).toBe('\x07');
    await type('\t');
    expect(tty.screen()).toEqual([P + 'x', 'xargs   xentop  xm', P + 'x']);
    expect(tty.cursor()).toEqual([P.length + 1, 2]);
    expect(ed.line).toBe('x');
  });

  it('no match rings the bell', async () => {
    const { type } = await setup({ complete });
    await type('zz');
    expect((await type('\t')).output).toBe('\x07');
  });

  it('asks before listing more than 100 possibilities', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `cmd${String(i).padStart(3, '0')}`);
    const { tty, type, ed } = await setup({ complete: () => ({ start: 0, candidates: many }), cols: 80 });
    await type('c\t');
    expect(ed.line).toBe('cmd');
    await type('\t');
    expect(tty.screen()[1]).toBe('Display all 150 possibilities? (y or n)');
    await type('n');
    expect(tty.screen().slice(-1)).toEqual([P + 'cmd']);
  });
});

describe('wrapping', () => {
  it('a line longer than the terminal wraps and the cursor follows it', async () => {
    const { tty, type } = await setup({ cols: 30 });
    await type('echo 0123456789abcdefghij');
    expect(tty.screen()).toEqual([(P + 'echo 0123456789abcdefghij').slice(0, 30), (P + 'echo 0123456789abcdefghij').slice(30)]);
    await type(ctrl('a'));
    expect(tty.cursor()).toEqual([P.length, 0]);
    await type(ctrl('e'));
    expect(tty.cursor()).toEqual([(P.length + 25) % 30, 1]);
  });

  it('typing exactly to the right margin moves the cursor to the next row', async () => {
    const { tty, type } = await setup({ cols: 20 });
    await type('abcd');
    expect(tty.cursor()).toEqual([0, 1]);
    await type('e');
    expect(tty.screen()).toEqual([P + 'abcd', 'e']);
  });
});

describe('bracketed paste', () => {
  it('inserts pasted text at the cursor, without control characters', async () => {
    const { type, ed } = await setup();
    await type('xm ' + '\x1b[200~list\x07 -l\x1b[201~');
    expect(ed.line).toBe('xm list -l');
  });
});
