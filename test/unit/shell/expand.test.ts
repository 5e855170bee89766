// Word expansion: parameters and their operators, splitting, quoting, tilde, braces, arithmetic,
// command substitution through the env, pathname expansion against a host's VFS.
import { describe, expect, it } from 'vitest';
import { evalArith } from '../../../src/shell/arith';
import { braceExpand, ExpansionError, expandHereDoc, expandWords, type ExpandEnv } from '../../../src/shell/expand';
import { expandGlob, globMatch } from '../../../src/shell/glob';
import { newFrame } from '../../../src/shell/prompt';
import { tokenize, wordText } from '../../../src/shell/tokenize';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { mkdir, writeFile } from '../../../src/sim/vfs';

function env(extra: Record<string, string> = {}, glob: ExpandEnv['glob'] = () => null): ExpandEnv {
  const frame = newFrame('ovs01');
  Object.assign(frame.env, extra);
  return { frame, glob, substitute: (src) => (src === 'date' ? 'Fri Mar 20\n\n' : `<${src}>`) };
}
const expand = (line: string, e = env()) => expandWords(tokenize(line).tokens.flatMap((t) => (t.type === 'word' ? [t.parts] : [])), e);

describe('expandWords', () => {
  it('expands parameters and splits unquoted results', () => {
    const e = env({ X: 'one  two', EMPTY: '' });
    expect(expand('$X "$X" ${X}s \'$X\' $EMPTY "$EMPTY" a$EMPTY', e)).toEqual(['one', 'two', 'one  two', 'one', 'twos', '$X', '', 'a']);
  });

  it('knows the special parameters of an interactive login shell', () => {
    const e = env();
    e.frame.lastExit = 3;
    expect(expand('$? $$ $0 $# $UID ${PWD}', e)).toEqual(['3', '4242', '-bash', '0', '0', '/root']);
  });

  it('applies ${...} operators', () => {
    const e = env({ P: '/var/log/xen/xend.log', E: '' });
    expect(expand('${U:-def} ${E:-def} ${E-def} ${P:+alt} ${#P} ${P##*/} ${P#*/} ${P%.log} ${P%%/*}x ${P/xen/XEN} ${P//o/0}', e)).toEqual(['def', 'def', 'alt', '21', 'xend.log', 'var/log/xen/xend.log', '/var/log/xen/xend', 'x', '/var/log/XEN/xend.log', '/var/l0g/xen/xend.l0g']);
    expect(expand('${N:=set} $N', e)).toEqual(['set', 'set']);
    expect(() => expand('${Q:?is required}', e)).toThrow(ExpansionError);
    expect(() => expand('${x!}', e)).toThrowError();
  });

  it('expands tilde only unquoted at the start', () => {
    expect(expand('~ ~/x ~root "~" x~ ~nobody')).toEqual(['/root', '/root/x', '/root', '~', 'x~', '~nobody']);
  });

  it('expands braces and sequences before anything else', () => {
    expect(expand('a{b,c}d {1..3} {03..1} {a..c} {x} "{a,b}"')).toEqual(['abd', 'acd', '1', '2', '3', '03', '02', '01', 'a', 'b', 'c', '{x}', '{a,b}']);
    const huge = tokenize('{1..100000}').tokens[0]!;
    expect(huge.type).toBe('word');
    expect(braceExpand(huge.type === 'word' ? huge.parts : []).length).toBeLessThanOrEqual(10_000);
  });

  it('substitutes commands without their trailing newlines, and does arithmetic', () => {
    expect(expand('$(date) "$(date)" `uname` $((2+3*4)) $(( (1<<4) % 7 ))')).toEqual(['Fri', 'Mar', '20', 'Fri Mar 20', '<uname>', '14', '2']);
  });

  it('globs unquoted patterns only, keeping the word when nothing matches', () => {
    const seen: string[] = [];
    const e = env({}, (p) => (seen.push(p), p === '*.cfg' ? ['a.cfg', 'b.cfg'] : null));
    expect(expand('*.cfg "*.cfg" \\*.cfg *.none', e)).toEqual(['a.cfg', 'b.cfg', '*.cfg', '*.cfg', '*.none']);
    expect(seen).toEqual(['*.cfg', '*.none']);
  });

  it('expands here-document bodies unless the tag was quoted', () => {
    const e = env({ H: 'host' });
    expect(expandHereDoc('name=$H\ncost=\\$5 $((1+1))\n', false, e)).toBe('name=host\ncost=$5 2\n');
    expect(expandHereDoc('name=$H\n', true, e)).toBe('name=$H\n');
  });
});

describe('evalArith', () => {
  it('follows C precedence and reports errors like bash', () => {
    const v = (s: string) => evalArith(s, (n) => ({ x: '6', y: 'x*2' })[n] ?? '');
    expect(v('1 + 2 * 3 - 4 / 2')).toEqual({ ok: true, value: 5 });
    expect(v('2 ** 3 ** 2')).toEqual({ ok: true, value: 512 });
    expect(v('x > 5 && y == 12 ? 7 : 8')).toEqual({ ok: true, value: 7 });
    expect(v('-7 / 2')).toEqual({ ok: true, value: -3 });
    expect(v('010 + 0x10')).toEqual({ ok: true, value: 24 });
    expect(v('1/0')).toEqual({ ok: false, error: '1/0: division by 0 (error token is "0")' });
    expect(v('2 +')).toEqual({ ok: false, error: '2 +: syntax error: operand expected (error token is "")' });
    expect(v('('.repeat(1000) + '1' + ')'.repeat(1000)).ok).toBe(false);
  });
});

describe('glob', () => {
  it('matches like fnmatch', () => {
    expect(globMatch('*.cfg', 'vm.cfg')).toBe(true);
    expect(globMatch('vm.[ch]fg', 'vm.cfg')).toBe(true);
    expect(globMatch('[!v]*', 'vm.cfg')).toBe(false);
    expect(globMatch('[[:digit:]]?', '1x')).toBe(true);
    expect(globMatch('\\*', '*')).toBe(true);
    expect(globMatch('a[', 'a[')).toBe(true);
    expect(globMatch('XEN*', 'xend', true)).toBe(true);
  });

  it('expands against the VFS, sorted, hiding dot files, relative stays relative', () => {
    const world = buildDefaultWorld(42);
    const host = world.hosts.ovs01!;
    mkdir(world, host, '/tmp/g/sub', '/', true);
    for (const f of ['b.log', 'a.log', '.hidden.log', 'sub/c.log']) writeFile(world, host, `/tmp/g/${f}`, '');
    expect(expandGlob(world, host, '/tmp/g', '*.log')).toEqual(['a.log', 'b.log']);
    expect(expandGlob(world, host, '/tmp', 'g/*/*.log')).toEqual(['g/sub/c.log']);
    expect(expandGlob(world, host, '/', '/tmp/g/.*.log')).toEqual(['/tmp/g/.hidden.log']);
    expect(expandGlob(world, host, '/tmp/g', '*/')).toEqual(['sub/']);
    expect(expandGlob(world, host, '/tmp/g', '*.none')).toBeNull();
  });
});

it('wordText gives the unexpanded text of a word', () => {
  const t = tokenize('"a$X"b').tokens[0]!;
  expect(t.type === 'word' && wordText(t.parts)).toBe('a$Xb');
});
