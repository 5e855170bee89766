// What a learner may type that once escaped the shell (issue 10 §5): expansion errors, depth,
// sizes, catastrophic regexes, 1 MB lines. Each answer is the real tool's (checked against bash
// 5.2, GNU grep/sed/gawk and coreutils on Debian), nothing throws, and a failed line changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { runLine, type ShellIo } from '../../../src/shell/executor';
import { newFrame } from '../../../src/shell/prompt';
import { createRegistry } from '../../../src/shell/registry';
import { loadCore } from '../../../src/sim/core/load-core';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import type { SimCore } from '../../../src/sim/core/types';

let core: SimCore;
beforeAll(async () => {
  core = await loadCore();
});

/** A fresh shell on a fresh world; `run` gives what the terminal shows and the exit status. */
function shell() {
  const world = buildDefaultWorld(1);
  const frame = newFrame('ovs01');
  const registry = createRegistry();
  const run = (line: string) => {
    const io: ShellIo = { sim: { world, core }, registry, frame, cols: 80, rows: 24, history: [] };
    const r = runLine(io, line);
    return { out: r.output, code: r.exitCode };
  };
  return { world, frame, run };
}

describe('an expansion error discards the rest of the line, as in an interactive bash', () => {
  it('at the top level, in loops and functions; a subshell, pipeline stage or $(...) ends alone', () => {
    const { run } = shell();
    expect(run('echo $((1/0)); echo next')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\n', code: 1 });
    expect(run('for i in 1 2; do echo $((i/0)); echo in; done; echo after')).toEqual({ out: '-bash: i/0: division by 0 (error token is "0")\n', code: 1 });
    expect(run('f() { echo $((1/0)); echo infn; }; f; echo afterf')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\n', code: 1 });
    expect(run('x=${y:?unset}; echo same')).toEqual({ out: '-bash: y: unset\n', code: 1 });
    expect(run('echo $((1/0)) | cat; echo n2')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\nn2\n', code: 0 });
    expect(run('(echo $((1/0)); echo insub); echo n3')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\nn3\n', code: 0 });
    expect(run('echo $(echo $((1/0)); echo insubst) n4; echo n5')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\nn4\nn5\n', code: 0 });
  });

  it('a here-document body with $((1/0)): the error and the command does not run (the > before it was opened, as in bash)', () => {
    const { run } = shell();
    expect(run('cat > /tmp/hd <<E\n$((1/0))\nE')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\n', code: 1 });
    expect(run('cat <<E > /tmp/hd2\n$((1/0))\nE')).toEqual({ out: '-bash: 1/0: division by 0 (error token is "0")\n', code: 1 });
    expect(run('echo after $?; ls /tmp')).toEqual({ out: 'after 1\nhd\n', code: 0 });
  });
});

describe('depth: nesting past the limits gets bash wording, never a JS stack overflow, and changes nothing', () => {
  const n = 3000;
  it.each([
    ['${x:-…} nested', 'echo ' + '${x:-'.repeat(n) + 'v' + '}'.repeat(n), '-bash: x: expression recursion level exceeded\n', 1],
    ['{ { … } }', '{ '.repeat(n) + 'touch /tmp/deep; ' + '} '.repeat(n), "-bash: syntax error near unexpected token `{'\n", 2],
    ['( ( … ) )', '( '.repeat(n) + 'touch /tmp/deep ' + ') '.repeat(n), "-bash: syntax error near unexpected token `('\n", 2],
    ['nested if', 'if true; then '.repeat(n) + 'touch /tmp/deep; ' + 'fi; '.repeat(n), "-bash: syntax error near unexpected token `true'\n", 2],
    ['nested for', 'for i in 1; do '.repeat(n) + 'touch /tmp/deep; ' + 'done; '.repeat(n), "-bash: syntax error near unexpected token `for'\n", 2],
    ['[[ ( ( … ) ) ]]', '[[ ' + '( '.repeat(n) + 'a' + ' )'.repeat(n) + ' ]] && touch /tmp/deep', "-bash: syntax error near unexpected token `('\n", 2],
    ['[[ ! ! … ]]', '[[ ' + '! '.repeat(n) + 'a ]] && touch /tmp/deep', "-bash: syntax error near unexpected token `!'\n", 2],
    ['[ \\( … \\) ]', '[ ' + '\\( '.repeat(n) + 'a' + ' \\)'.repeat(n) + ' ] && touch /tmp/deep', '-bash: [: too many arguments\n', 2],
    ['$(( $(( … )) ))', 'x=' + '$((1+'.repeat(500) + '1' + '))'.repeat(500) + '; touch /tmp/deep', '-bash: $((1+$((1+$((1+$((1+$((1+$((1+$((1+$((1+: expression recursion level exceeded\n', 1],
  ])('%s', (_name, line, out, code) => {
    const { run } = shell();
    expect(run(line)).toEqual({ out, code });
    expect(run('ls /tmp')).toEqual({ out: '', code: 0 });
  });

  it('awk: a program nested deeper than its parser stack is refused as gawk does (memory exhausted)', () => {
    const { run } = shell();
    const r = run("awk 'BEGIN { " + '{ '.repeat(n) + 'print 1 ' + '} '.repeat(n) + "}'");
    const src = 'BEGIN { ' + '{ '.repeat(n) + 'print 1 ' + '} '.repeat(n) + '}';
    expect(r).toEqual({ out: `awk: cmd. line:1: ${src}\nawk: cmd. line:1: ${' '.repeat(6 + 2 * 200)}^ memory exhausted\n`, code: 1 });
  });

  it('a few levels below the limits still work', () => {
    const { run } = shell();
    expect(run('echo ' + '${x:-'.repeat(150) + 'v' + '}'.repeat(150))).toEqual({ out: 'v\n', code: 0 });
    expect(run('{ '.repeat(150) + 'echo hi; ' + '} '.repeat(150))).toEqual({ out: 'hi\n', code: 0 });
    expect(run('( '.repeat(150) + 'echo hi ' + ') '.repeat(150))).toEqual({ out: 'hi\n', code: 0 });
    expect(run("awk 'BEGIN { print " + '('.repeat(150) + '1' + ')'.repeat(150) + " }'")).toEqual({ out: '1\n', code: 0 });
  });
});

describe('sizes: past the machine memory the tools answer as a failed allocation does', () => {
  it('printf: a field wider than memory fails as bash does; a precision past 100 digits is printed in full', () => {
    const { run } = shell();
    expect(run('printf "%0999999999d" 1 | wc -c')).toEqual({ out: '-bash: xrealloc: cannot allocate 1000000128 bytes\n0\n', code: 0 });
    const p = run("printf '%.*f' 1000 1");
    expect(p).toEqual({ out: '1.' + '0'.repeat(1000), code: 0 });
    // bash formats a long double; a value exact in both (0.375) prints the same digits.
    expect(run("printf '%.110f\\n' 0.375").out).toBe('0.375' + '0'.repeat(107) + '\n');
  });

  it('awk: printf wider than memory is gawk\'s fatal error, exit 2; %.110f is the double\'s exact expansion as gawk prints it', () => {
    const { run } = shell();
    expect(run("awk 'BEGIN{printf \"%*d\", 2000000000, 1}'")).toEqual({ out: 'awk: cmd. line:1: fatal: format_tree: obuf: cannot reallocate 2147483648 bytes of memory: Cannot allocate memory\n', code: 2 });
    expect(run("awk 'BEGIN{printf \"%.110f\\n\", 0.1}'").out).toBe('0.10000000000000000555111512312578270211815834045410156250000000000000000000000000000000000000000000000000000000\n');
  });

  it('doubling a variable forty times stops at the allocation bash cannot make; the variable is kept', () => {
    const { run } = shell();
    expect(run('x=a; for i in $(seq 40); do x=$x$x; done; echo never')).toEqual({ out: '-bash: xrealloc: cannot allocate 33554560 bytes\n', code: 1 });
    expect(run('echo ${#x}')).toEqual({ out: '16777216\n', code: 0 });
  });

  it('date -d @N past a 64-bit time is an invalid date; past the calendar it is out of range', () => {
    const { run } = shell();
    expect(run('date -d @99999999999999999999')).toEqual({ out: "date: invalid date `@99999999999999999999'\n", code: 1 });
    expect(run('date -d @9999999999999')).toEqual({ out: "date: time `9999999999999' is out of range\n", code: 1 });
  });

  it('a line shows at most 4 Mi characters, then says once how much it cut', () => {
    const { run } = shell();
    const r = run('x=$(printf "%4000000s" a); echo "$x"; echo "$x"');
    expect(r.out.length).toBe((1 << 22) + '\n-bash: sandbox: output cut: 3805698 more characters not shown\n'.length);
    expect(r.out.endsWith('\n-bash: sandbox: output cut: 3805698 more characters not shown\n')).toBe(true);
  });
});

describe('1 MB lines are linear', () => {
  it('a 1 MB word, a 1 MB quoted string and a 1 MB assignment each run in well under a second', () => {
    const { run } = shell();
    for (const [line, out] of [
      ['echo ' + 'a'.repeat(1_000_000) + ' | wc -c', '1000001\n'],
      ['echo "' + 'a '.repeat(500_000) + '" | wc -w', '500000\n'],
      ['x=' + 'b'.repeat(1_000_000) + '; echo ${#x}', '1000000\n'],
    ] as const) {
      const t0 = performance.now();
      expect(run(line)).toEqual({ out, code: 0 });
      expect(performance.now() - t0).toBeLessThan(900);
    }
  });
});
