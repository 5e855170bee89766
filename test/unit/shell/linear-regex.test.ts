// Patterns that make a backtracking engine exponential run on RE2 in grep, sed, awk and [[ =~ ]]:
// the issue's `(a+)+$` answers at once, and RE2's matches equal the native engine's on safe input.
import { describe, expect, it } from 'vitest';
import { backtracksBadly, LinearRegExp } from '../../../src/shell/commands/text/linear-regex';
import { bootEngine, plain } from '../../support/engine';

const EVIL = 'a'.repeat(40) + 'b';

describe('backtracksBadly', () => {
  it('finds quantified groups holding a quantifier or an alternation, and nothing else', () => {
    const verdicts = ['(a+)+$', '(a*)*', '(a|aa)+', '((ab)*c)+', '(x+x+)+y', '(a+){2,}', 'a+b+', '(ab)+', '[(a+)+]', '\\(a+\\)+', '(a)?b*', 'x(a|b)c'].map((s) => [s, backtracksBadly(s)]);
    expect(verdicts).toEqual([
      ['(a+)+$', true],
      ['(a*)*', true],
      ['(a|aa)+', true],
      ['((ab)*c)+', true],
      ['(x+x+)+y', true],
      ['(a+){2,}', true],
      ['a+b+', false],
      ['(ab)+', false],
      ['[(a+)+]', false],
      ['\\(a+\\)+', false],
      ['(a)?b*', false],
      ['x(a|b)c', false],
    ]);
  });
});

describe('LinearRegExp', () => {
  it('matches, replaces and splits exactly as the native engine on the same patterns', () => {
    const cases: Array<[string, string, string]> = [
      ['(a+)+b', 'g', 'xaab aab ab b'],
      ['(ab|a)+', 'g', 'ababa aab'],
      ['(x*)*', 'g', 'axxb'],
      ['(o+)+', 'gi', 'fOo bOOm'],
    ];
    for (const [src, flags, text] of cases) {
      const ours = new LinearRegExp(src, flags);
      const native = new RegExp(src, flags);
      expect([text.replace(ours, '<$&|$1>'), text.split(ours), [...text.matchAll(ours)].map((m) => [m.index, m[0]])]).toEqual([
        text.replace(native, '<$&|$1>'),
        text.split(native),
        [...text.matchAll(native)].map((m) => [m.index, m[0]]),
      ]);
    }
  });
});

describe('the tools answer at once on (a+)+$', () => {
  it('grep, sed, awk and [[ =~ ]] as GNU tools and bash do', async () => {
    const { engine } = await bootEngine(42);
    await engine.open('t1', 'ovs01', 200, 40);
    const run = async (line: string) => plain(await engine.input('t1', line + '\r'));
    expect(await run(`printf '${EVIL}\\n' | grep -E '(a+)+$'; echo "exit $?"`)).toBe(`printf '${EVIL}\\n' | grep -E '(a+)+$'; echo "exit $?"\nexit 1\n[root@ovs01 ~]# `);
    expect(await run(`printf '${EVIL}\\n' | sed -E 's/(a+)+b$/X/'`)).toBe(`printf '${EVIL}\\n' | sed -E 's/(a+)+b$/X/'\nX\n[root@ovs01 ~]# `);
    expect(await run(`printf '${EVIL}\\n' | awk '/(a+)+$/ {print "match"} END {print NR}'`)).toBe(`printf '${EVIL}\\n' | awk '/(a+)+$/ {print "match"} END {print NR}'\n1\n[root@ovs01 ~]# `);
    expect(await run(`x=${EVIL}; [[ $x =~ (a+)+$ ]]; echo $?`)).toBe(`x=${EVIL}; [[ $x =~ (a+)+$ ]]; echo $?\n1\n[root@ovs01 ~]# `);
  });
});
