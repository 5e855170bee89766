// History expansion as bash does it before parsing a typed line.
import { describe, expect, it } from 'vitest';
import { expandHistory, historyWords } from '../../../src/shell/history-expand';

const H = ['xm list', 'ls -l /etc/hosts /tmp', 'grep xend /var/log/messages', 'echo done'];
const x = (line: string) => expandHistory(line, H);

describe('expandHistory', () => {
  it('expands events', () => {
    expect(x('!!')).toEqual({ ok: true, line: 'echo done', changed: true, printOnly: false });
    expect(x('!1 -l')).toMatchObject({ line: 'xm list -l' });
    expect(x('!-2')).toMatchObject({ line: 'grep xend /var/log/messages' });
    expect(x('!xm')).toMatchObject({ line: 'xm list' });
    expect(x('!?xend?')).toMatchObject({ line: 'grep xend /var/log/messages' });
    expect(x('sudo !!')).toMatchObject({ line: 'sudo echo done' });
  });

  it('expands word designators and modifiers', () => {
    expect(x('vi !ls:$')).toMatchObject({ line: 'vi /tmp' });
    expect(x('cat !ls:2')).toMatchObject({ line: 'cat /etc/hosts' });
    expect(x('echo !$ !^ !*')).toMatchObject({ line: 'echo done done done' });
    expect(x('!ls:2:h')).toMatchObject({ line: '/etc' });
    expect(x('!ls:2:t')).toMatchObject({ line: 'hosts' });
    expect(x('!xm:s/list/info/')).toMatchObject({ line: 'xm info' });
    expect(x('!xm:p')).toMatchObject({ line: 'xm list', printOnly: true });
    expect(x('^done^again')).toMatchObject({ line: 'echo again' });
  });

  it('leaves ! alone where bash does', () => {
    for (const line of ['echo hi!', 'echo ! x', "echo '!!'", 'echo \\!!', 'x=! y', 'echo "wow!"', 'ls [!a]*', 'echo ${!x} $!']) expect(x(line)).toMatchObject({ line, changed: false });
  });

  it('fails like bash', () => {
    expect(x('!nosuch')).toEqual({ ok: false, error: '!nosuch: event not found' });
    expect(x('!99')).toEqual({ ok: false, error: '!99: event not found' });
    expect(x('!xm:5')).toEqual({ ok: false, error: ':5: bad word specifier' });
    expect(x('^zzz^y')).toEqual({ ok: false, error: ':s^zzz^y^: substitution failed' });
    expect(expandHistory('!!', [])).toEqual({ ok: false, error: '!!: event not found' });
  });

  it('splits history lines into words with operators apart', () => {
    expect(historyWords(`grep "a b" f|wc -l>out`)).toEqual(['grep', '"a b"', 'f', '|', 'wc', '-l', '>', 'out']);
  });
});
