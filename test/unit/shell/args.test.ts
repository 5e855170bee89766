// The declarative option parser: GNU getopt_long behaviour and glibc 2.12's messages.
import { describe, expect, it } from 'vitest';
import { defineArgs, formatHelp, optionWords, parseArgs } from '../../../src/shell/args';

const LS = defineArgs({
  prog: 'ls',
  exitCode: 2,
  options: [{ short: 'l' }, { short: 'a', long: 'all' }, { long: 'almost-all', short: 'A' }, { short: 'w', long: 'width', arg: 'required' }, { long: 'color', arg: 'optional' }],
});

const ok = (argv: string[]) => {
  const r = parseArgs(LS, argv);
  if (!r.ok) throw new Error(r.outcome.stderr);
  return r.args;
};
const err = (argv: string[]) => {
  const r = parseArgs(LS, argv);
  if (r.ok) throw new Error('expected an error');
  return r.outcome;
};

describe('parseArgs', () => {
  it('bundles short flags and keeps operands in order (permuted)', () => {
    const a = ok(['-la', 'x', '-A', 'y']);
    expect(a.list.map((e) => e.key)).toEqual(['l', 'all', 'almost-all']);
    expect(a.operands).toEqual(['x', 'y']);
    expect(a.has('all')).toBe(true);
    expect(a.count('l')).toBe(1);
  });

  it('takes required values attached, separate, or after = for long options', () => {
    expect(ok(['-w5']).value('width')).toBe('5');
    expect(ok(['-w', '7']).value('width')).toBe('7');
    expect(ok(['--width=9']).value('width')).toBe('9');
    expect(ok(['--width', '11']).value('width')).toBe('11');
    expect(ok(['-lw3']).value('width')).toBe('3');
  });

  it('optional values only with =; last one wins; last() tells which came last', () => {
    expect(ok(['--color']).value('color')).toBeUndefined();
    expect(ok(['--color=auto', '--color=never']).value('color')).toBe('never');
    expect(ok(['-a', '-l']).last('all', 'l')).toBe('l');
  });

  it('accepts unique long prefixes, rejects ambiguous ones', () => {
    expect(ok(['--wid=4']).value('width')).toBe('4');
    expect(err(['--al'])).toEqual({ stdout: '', stderr: "ls: option '--al' is ambiguous\nTry `ls --help' for more information.\n", exitCode: 2 });
  });

  it('stops at -- and treats a lone - as an operand', () => {
    expect(ok(['--', '-l', '-']).operands).toEqual(['-l', '-']);
    expect(ok(['-']).operands).toEqual(['-']);
  });

  it('words errors like glibc 2.12', () => {
    expect(err(['-z']).stderr).toBe("ls: invalid option -- 'z'\nTry `ls --help' for more information.\n");
    expect(err(['--bogus=1']).stderr).toBe("ls: unrecognized option '--bogus=1'\nTry `ls --help' for more information.\n");
    expect(err(['-w']).stderr).toBe("ls: option requires an argument -- 'w'\nTry `ls --help' for more information.\n");
    expect(err(['--wid']).stderr).toBe("ls: option '--wid' requires an argument\nTry `ls --help' for more information.\n");
    expect(err(['--all=x']).stderr).toBe("ls: option '--all' doesn't allow an argument\nTry `ls --help' for more information.\n");
  });

  it('prints a usage line and a custom or no Try hint when asked', () => {
    const grep = defineArgs({ prog: 'grep', exitCode: 2, usageLine: 'Usage: grep [OPTION]... PATTERN [FILE]...', options: [] });
    const r = parseArgs(grep, ['-Q']);
    expect(r.ok ? '' : r.outcome.stderr).toBe("grep: invalid option -- 'Q'\nUsage: grep [OPTION]... PATTERN [FILE]...\nTry `grep --help' for more information.\n");
    const none = parseArgs(defineArgs({ prog: 'x', tryHelp: false, options: [] }), ['-q']);
    expect(none.ok ? '' : none.outcome.stderr).toBe("x: invalid option -- 'q'\n");
  });

  it('stopAtOperand ends option parsing at the first operand (xargs, env)', () => {
    const spec = defineArgs({ prog: 'xargs', stopAtOperand: true, options: [{ short: 'n', arg: 'required' }] });
    const r = parseArgs(spec, ['-n', '1', 'echo', '-n', 'x']);
    expect(r.ok && r.args.operands).toEqual(['echo', '-n', 'x']);
  });

  it('numberKey reads legacy -NUM (head -5)', () => {
    const spec = defineArgs({ prog: 'head', numberKey: 'lines', options: [{ short: 'n', long: 'lines', arg: 'required' }] });
    const r = parseArgs(spec, ['-5', 'f']);
    expect(r.ok && r.args.value('lines')).toBe('5');
  });

  it('offers option words for Tab and formats --help in coreutils layout', () => {
    expect(optionWords(LS, '--a')).toEqual(['--all', '--almost-all']);
    expect(optionWords(LS, '--w')).toEqual(['--width=']);
    expect(optionWords(LS, '-')).toContain('-l');
    const help = formatHelp(defineArgs({ prog: 'x', options: [{ short: 'a', long: 'all', help: 'show all' }, { long: 'width', arg: 'required', argName: 'COLS', help: 'set width' }] }), 'x [OPTION]...', 'Does x.');
    expect(help).toBe('Usage: x [OPTION]...\nDoes x.\n\n  -a, --all                  show all\n      --width=COLS           set width\n      --help     display this help and exit\n');
  });
});
