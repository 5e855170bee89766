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
