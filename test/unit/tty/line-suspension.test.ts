// A line stops where a program takes the terminal and goes on with its exit status, at any depth
// (loops, functions, `time`); a tight loop runs in slices of work, one per clock tick, so Ctrl-C
// ends it as SIGINT ends a loop in bash; a program killed by Ctrl-C takes the rest of the line.
import { describe, expect, it } from 'vitest';
import { makeSimSync, terminal } from '../../support/harness';
import { runLineToEnd } from '../../../src/shell/executor';
import { createRegistry } from '../../../src/shell/registry';
import { newFrame } from '../../../src/shell/prompt';

const PROMPT = '[root@ovs01 ~]# ';
const fresh = () => terminal(makeSimSync({ core: 'reference' }));

describe('a line suspended by a program', () => {
  it('runs every pass of a loop whose body sleeps, one second each', () => {
    const t = fresh();
    expect(t.run('for i in 1 2 3; do echo $i; sleep 1; done; echo end')).toBe('1\n');
    expect(t.tick(1)).toBe('2\n');
    expect(t.tick(1)).toBe('3\n');
    expect(t.tick(1)).toBe(`end\n${PROMPT}`);
    expect(t.busy()).toBe(false);
  });

  it('keeps a watch loop going on the clock until Ctrl-C, which ends the loop with 130', () => {
    const t = fresh();
    expect(t.run('while true; do date; sleep 2; done')).toBe('Fri Mar 20 21:22:34 UTC 2026\n');
    expect(t.tick(2)).toBe('Fri Mar 20 21:22:36 UTC 2026\n');
    expect(t.tick(2)).toBe('Fri Mar 20 21:22:38 UTC 2026\n');
    expect(t.keys('\x03')).toBe(`^C\r\n${PROMPT}`);
    expect(t.lastExit()).toBe(130);
  });

  it('drops the rest of a list when Ctrl-C kills its program, as bash does', () => {
    const t = fresh();
    expect(t.run('sleep 5; echo after')).toBe('');
    expect(t.keys('\x03')).toBe(`^C\r\n${PROMPT}`);
    expect(t.run('echo $?')).toBe('130\n');
  });

  it('goes on after a program that ends by itself, with its status in $?', () => {
    const t = fresh();
    t.run('f() { sleep 1; echo "in f: $?"; }; f; echo "after f: $?"');
    expect(t.tick(1)).toBe(`in f: 0\nafter f: 0\n${PROMPT}`);
  });

  it('ends the line at exit, as the shell is gone', () => {
    const t = fresh();
    expect(t.run('for h in a b; do echo $h; exit; done')).toBe('a\nlogout\n');
  });
});

describe('the time keyword', () => {
  it('times a pipeline on the simulation clock, bash format and POSIX format', () => {
    const t = fresh();
    expect(t.run('time sleep 2')).toBe('');
    expect(t.tick(2)).toBe(`\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n${PROMPT}`);
    expect(t.run('time -p echo hi')).toBe('hi\nreal 0.00\nuser 0.00\nsys 0.00\n');
    expect(t.run('time')).toBe('\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n');
  });
});

describe('a tight loop', () => {
  it('works in slices of 5,000 commands, one per clock tick, until Ctrl-C', () => {
    const t = fresh();
    // Each pass is two commands (`true` and the assignment): 2,500 passes a slice.
    expect(t.run('n=0; while true; do n=$((n+1)); done')).toBe('');
    expect(t.busy()).toBe(true);
    expect(t.tick(2)).toBe('');
    expect(t.keys('\x03')).toBe(`^C\r\n${PROMPT}`);
    expect(t.run('echo $n $?')).toBe('7499 130\n');
  });

  it('stops where it cannot be suspended (a subshell) after one slice, with a message', () => {
    const t = fresh();
    expect(t.run('( while :; do :; done )')).toBe('-bash: sandbox: stopped after 5000 commands on one line\n');
    expect(t.busy()).toBe(false);
  });

  it('is stopped after 100,000 commands in all, so that a replay of it ends', () => {
    const t = fresh();
    expect(t.run('while :; do :; done')).toBe('');
    expect(t.tick(25)).toBe(`-bash: sandbox: stopped after 100000 commands on one line\n${PROMPT}`);
  });
});

describe('a line run to its end (no terminal)', () => {
  const io = () => ({ sim: makeSimSync({ core: 'reference' }), registry: createRegistry(), frame: newFrame('ovs01'), cols: 80, rows: 24, history: [] });

  it('goes straight through slices of work and stops at exit', () => {
    expect(runLineToEnd(io(), 'n=0; while [ $n -lt 3000 ]; do n=$((n+1)); done; echo $n; exit 3; echo no')).toEqual({ output: '3000\n', exitCode: 3 });
  });

  it('stops at a program, which needs the terminal it has not', () => {
    const r = runLineToEnd(io(), 'echo before; vi /tmp/x; echo no');
    expect(r.output).toBe('before\n');
    expect(typeof r.program).toBe('function');
  });
});

describe('keys typed while a program that reads none runs', () => {
  it('are echoed by the tty and run by the shell when the program ends, as in bash', () => {
    const t = fresh();
    expect(t.run('sleep 3')).toBe('');
    expect(t.keys('echo hi\r')).toBe('echo hi\r\n');
    expect(t.tick(3)).toBe(`${PROMPT}echo hi\nhi\n${PROMPT}`);
  });

  it('are thrown away with the program by Ctrl-C (the tty flushes its input on SIGINT)', () => {
    const t = fresh();
    t.run('sleep 3');
    expect(t.keys('echo lost')).toBe('echo lost');
    expect(t.keys('\x03')).toBe(`^C\r\n${PROMPT}`);
    expect(t.tick(3)).toBe('');
  });

  it('after Ctrl-C in the same chunk, reach the shell', () => {
    const t = fresh();
    t.run('sleep 3');
    expect(t.keys('\x03echo next\r')).toBe(`^C\r\n${PROMPT}echo next\r\nnext\r\n${PROMPT}`);
  });
});
