// A terminal session end to end (engine → tty session → line editor → shell), rendered on a
// fake tty: continuation lines (PS2) for here-documents, open quotes and trailing pipes,
// history expansion, Ctrl-C/Ctrl-D, bracketed paste of several lines, Tab and Ctrl-R.
import { describe, expect, it } from 'vitest';
import { bootEngine, plain } from '../../support/engine';
import { FakeTty } from './fake-tty';

const P = '[root@ovs01 ~]# ';

async function open() {
  const { engine } = await bootEngine(42);
  const tty = new FakeTty(100, 24);
  // A new login's banner comes first (engine.test.ts checks it in full); these screens start at its prompt.
  const first = plain(await engine.open('t', 'ovs01', 100, 24));
  expect(first).toMatch(/^Last login: [^\n]+ from 10\.10\.10\.1\nWarning: making manual modifications in the management domain [^\n]+\n\[root@ovs01 ~\]# $/);
  await tty.write(P);
  const type = async (data: string) => tty.write(await engine.input('t', data));
  const exit = () => engine.sessionInfo('t')!.lastExit;
  return { engine, tty, type, exit };
}

describe('continuation lines', () => {
  it('collects a here-document with the > prompt and writes the file', async () => {
    const { tty, type } = await open();
    await type('cat > /tmp/cfg <<EOF\r');
    await type('name = $HOSTNAME\r');
    await type("literal '\\$x'\r");
    await type('EOF\r');
    await type('cat /tmp/cfg\r');
    expect(tty.screen()).toEqual([P + 'cat > /tmp/cfg <<EOF', '> name = $HOSTNAME', "> literal '\\$x'", '> EOF', P + 'cat /tmp/cfg', 'name = ovs01', "literal '$x'", P]);
  });

  it('asks for the rest of an open quote, a trailing pipe or &&, and runs it as one command', async () => {
    const { tty, type } = await open();
    await type("echo 'two\r");
    await type("lines'\r");
    await type('echo a |\r');
    await type('tr a b\r');
    await type('true &&\r');
    await type('echo yes\r');
    expect(tty.screen()).toEqual([P + "echo 'two", "> lines'", 'two', 'lines', P + 'echo a |', '> tr a b', 'b', P + 'true &&', '> echo yes', 'yes', P]);
  });

  it('Ctrl-D at the > prompt ends the input the way bash complains; Ctrl-C abandons it', async () => {
    const { tty, type, exit } = await open();
    await type('echo "open\r');
    await type('\x04');
    expect(exit()).toBe(2);
    await type('cat <<END\r');
    await type('body\r');
    await type('\x04');
    await type('ls |\r');
    await type('\x03');
    expect(exit()).toBe(130);
    expect(tty.screen()).toEqual([
      P + 'echo "open',
      '> -bash: unexpected EOF while looking for matching `"\'',
      '-bash: syntax error: unexpected end of file',
      P + 'cat <<END',
      '> body',
      "> -bash: warning: here-document at line 1 delimited by end-of-file (wanted `END')",
      'body',
      P + 'ls |',
      '> ^C',
      P,
    ]);
  });

  it('keeps a here-document as one history entry', async () => {
    const { engine, type } = await open();
    await type('cat <<EOF\rx\rEOF\r');
    await type('history 1\r');
    expect(engine.sessionInfo('t')!.lastExit).toBe(0);
    const out = await engine.input('t', '\x1b[A');
    expect(out).toContain('history 1');
  });
});

describe('a line that fails', () => {
  it("prints bash's error for an expansion error in a here-document, discards the rest of the line, and the next line starts fresh", async () => {
    const { tty, type, exit } = await open();
    await type('touch /tmp/a\r');
    await type('cat <<E; echo same-line\r');
    await type('$((1/0))\r');
    await type('E\r');
    expect(exit()).toBe(1);
    await type('echo after $?\r');
    await type('echo $__proto__ ${constructor:-unset}\r');
    await type('ls /tmp\r');
    expect(tty.screen()).toEqual([
      P + 'touch /tmp/a',
      P + 'cat <<E; echo same-line',
      '> $((1/0))',
      '> E',
      '-bash: 1/0: division by 0 (error token is "0")',
      P + 'echo after $?',
      'after 1',
      P + 'echo $__proto__ ${constructor:-unset}',
      'unset',
      P + 'ls /tmp',
      'a',
      P,
    ]);
  });
});

describe('history expansion', () => {
  it('prints the expanded line before running it', async () => {
    const { tty, type } = await open();
    await type('echo first\r');
    await type('!!\r');
    await type('!ech 2\r');
    await type('!nosuch\r');
    expect(tty.screen()).toEqual([P + 'echo first', 'first', P + '!!', 'echo first', 'first', P + '!ech 2', 'echo first 2', 'first 2', P + '!nosuch', '-bash: !nosuch: event not found', P]);
  });
});

describe('keys at the prompt', () => {
  it('Ctrl-C prints ^C, sets $? to 130 and gives a new prompt', async () => {
    const { tty, type, exit } = await open();
    await type('xm destroy x\x03');
    expect(exit()).toBe(130);
    expect(tty.screen()).toEqual([P + 'xm destroy x^C', P]);
  });

  it('Ctrl-D on an empty line logs out of a nested ssh and does nothing at the top', async () => {
    const { tty, type, engine } = await open();
    await type('\x04');
    expect(engine.sessionInfo('t')!.depth).toBe(1);
    await type('ssh ovs02\r');
    expect(engine.sessionInfo('t')!.host).toBe('ovs02');
    await type('\x04');
    expect(engine.sessionInfo('t')!.host).toBe('ovs01');
    // bash writes "logout" right after the prompt where ^D was typed.
    expect(tty.screen().slice(-3)).toEqual(['[root@ovs02 ~]# logout', 'Connection to ovs02 closed.', P]);
  });

  it('runs a bracketed paste of several lines one after another', async () => {
    const { tty, type } = await open();
    await type('\x1b[200~echo one\recho two\r\x1b[201~');
    expect(tty.screen()).toEqual([P + 'echo one', 'one', P + 'echo two', 'two', P]);
  });

  it('Tab completes command names, paths, options and domain names', async () => {
    const { tty, type } = await open();
    const last = () => tty.screen().slice(-1)[0];
    await type('hostn\t');
    expect(last()).toBe(P + 'hostname ');
    await type('\x15cat /etc/redh\t');
    expect(last()).toBe(P + 'cat /etc/redhat-release ');
    await type('\x15ls --al\t\t');
    expect(tty.screen().slice(-2)).toEqual(['--all         --almost-all', P + 'ls --al']);
    await type('\x15xm pause 0004fb0000060000d9\t');
    expect(last()).toBe(P + 'xm pause 0004fb0000060000d93de77deddd1788 ');
  });

  it('Ctrl-R finds an earlier command and Enter runs it', async () => {
    const { tty, type } = await open();
    await type('echo needle-one\r');
    await type('echo other\r');
    await type('\x12needle');
    expect(tty.screen().slice(-1)).toEqual(["(reverse-i-search)`needle': echo needle-one"]);
    await type('\r');
    expect(tty.screen().slice(-3)).toEqual([P + 'echo needle-one', 'needle-one', P]);
  });

  it('rm -i, cp -i and mv -i ask before acting, and do what the answer says', async () => {
    const { tty, type, exit } = await open();
    await type('mkdir -p /tmp/q/d; touch /tmp/q/a /tmp/q/b /tmp/q/d/in; echo x > /tmp/q/full\r');
    await type('rm -i /tmp/q/a /tmp/q/full /tmp/q/none\r');
    await type('n\r');
    await type('yes\r');
    expect(exit()).toBe(1);
    await type('rm -ri /tmp/q/d\r');
    await type('y\ry\ry\r');
    await type('cp -i /tmp/q/a /tmp/q/b\r');
    await type('y\x7f\x7fn\r');
    await type('mv -i /tmp/q/b /tmp/q/a\r');
    await type('y\r');
    await type('ls /tmp/q\r');
    await type('rm -i /tmp/q/a\r');
    await type('\x03');
    expect(exit()).toBe(130);
    expect(tty.screen()).toEqual([
      P + 'mkdir -p /tmp/q/d; touch /tmp/q/a /tmp/q/b /tmp/q/d/in; echo x > /tmp/q/full',
      P + 'rm -i /tmp/q/a /tmp/q/full /tmp/q/none',
      "rm: remove regular empty file `/tmp/q/a'? n",
      "rm: remove regular file `/tmp/q/full'? yes",
      "rm: cannot remove `/tmp/q/none': No such file or directory",
      P + 'rm -ri /tmp/q/d',
      "rm: descend into directory `/tmp/q/d'? y",
      "rm: remove regular empty file `/tmp/q/d/in'? y",
      "rm: remove directory `/tmp/q/d'? y",
      P + 'cp -i /tmp/q/a /tmp/q/b',
      "cp: overwrite `/tmp/q/b'? n",
      P + 'mv -i /tmp/q/b /tmp/q/a',
      "mv: overwrite `/tmp/q/a'? y",
      P + 'ls /tmp/q',
      'a',
      P + 'rm -i /tmp/q/a',
      "rm: remove regular empty file `/tmp/q/a'? ^C",
      P,
    ]);
  });
});
