// The C-getopt adapter (src/shell/getopt.ts) and parsing in the spec: glibc getopt(3) semantics,
// its complaints or the tool's own, and the four tools that used to hand-roll their loops.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/shell/args';
import { getopt } from '../../../src/shell/getopt';
import { defineCommand, ok, type CommandContext } from '../../../src/shell/types';
import { Shells } from '../../support/harness';
import { SCENARIOS } from '../../../src/engine/scenarios';
import { createReferenceCore } from '../../../src/sim/core/reference/reference-core';

const SPEC = getopt('ab:c::', { prog: 'tool', usage: 'Usage: tool [-a] [-b x] [-c[y]]\n' });
const ctx = { args: [], host: { release: 'ovm34' } } as unknown as CommandContext;

describe('getopt(optstring)', () => {
  it('reads letters, required values glued or next, optional values only glued', () => {
    const r = parseArgs(SPEC, ['-ab', 'x', 'op', '-cy', '-c', 'z']);
    expect(r.ok && r.args.list).toEqual([
      { key: 'a', value: undefined },
      { key: 'b', value: 'x' },
      { key: 'c', value: 'y' },
      { key: 'c', value: undefined },
    ]);
    expect(r.ok && r.args.operands).toEqual(['op', 'z']);
  });

  it("has no long options: `--x` is the option '-'; `--` still ends the options", () => {
    const r = parseArgs(SPEC, ['--all']);
    expect(!r.ok && r.err.message).toBe("invalid option -- '-'");
    const e = parseArgs(SPEC, ['--', '-a']);
    expect(e.ok && e.args.operands).toEqual(['-a']);
  });

  it("prints glibc's complaint, then the tool's usage, exit 1", () => {
    const r = parseArgs(SPEC, ['-z']);
    expect(!r.ok && SPEC.onError!(r.err, ctx)).toMatchObject({ stderr: "tool: invalid option -- 'z'\nUsage: tool [-a] [-b x] [-c[y]]\n", exitCode: 1 });
    const m = parseArgs(SPEC, ['-a', '-b']);
    expect(!m.ok && SPEC.onError!(m.err, ctx).stderr).toBe("tool: option requires an argument -- 'b'\nUsage: tool [-a] [-b x] [-c[y]]\n");
  });

  it("a leading ':' leaves the complaint to the tool; checks refuse a value where the loop meets it", () => {
    const quiet = getopt(':p:h', { prog: 'q', usage: 'U\n', complaints: { invalid: (c) => `bad ${c}`, missing: (c) => `need ${c}` }, checks: { p: (v) => (v === 'ok' ? undefined : `'${v}' no`) }, stopAfter: ['h'] });
    const run = (argv: string[]) => {
      const r = parseArgs(quiet, argv);
      return r.ok ? r.args.list.map((e) => e.key).join('') : quiet.onError!(r.err, ctx).stderr;
    };
    expect(run(['-x'])).toBe('bad x\nU\n');
    expect(run(['-p'])).toBe('need p\nU\n');
    expect(run(['-p', 'no', '-x'])).toBe("'no' no\nU\n");
    // -h acts inside the loop: a later mistake is never seen.
    expect(run(['-h', '-x'])).toBe('h');
  });

  it('types the keys by the letters of the string', () => {
    const r = parseArgs(SPEC, ['-a']);
    // @ts-expect-error 'z' is not a letter of "ab:c::"
    expect(r.ok && r.args.has('z')).toBe(false);
  });
});

describe('a spec with args: parsed before run, for every caller of run', () => {
  const spec = defineCommand({
    name: 'demo',
    summary: 'demo',
    usage: 'demo',
    args: getopt('n:', { prog: 'demo', usage: 'Usage: demo [-n N]\n' }),
    run: (c) => ok(`n=${c.parsed.value('n') ?? '-'} ops=${c.parsed.operands.join(',')}\n`),
  });
  it('run gets ctx.parsed; a usage error never reaches run', () => {
    expect(spec.run({ ...ctx, args: ['-n', '3', 'x'] }).stdout).toBe('n=3 ops=x\n');
    expect(spec.run({ ...ctx, args: ['-q'] })).toMatchObject({ stdout: '', stderr: "demo: invalid option -- 'q'\nUsage: demo [-n N]\n", exitCode: 1 });
  });
});

describe('the tools that hand-rolled their getopt loops', () => {
  const shells = (scenario = 'default') => {
    const world = SCENARIOS[scenario]!(42);
    const sh = new Shells(world, createReferenceCore());
    return { sh, host: Object.keys(world.hosts)[0]! };
  };

  it("multipath (':dhl::FfM:v:p:b:Brtq'): its own complaints and usage on stderr, exit 1", () => {
    const { sh, host } = shells();
    expect(sh.run(host, 'multipath -z').out).toMatch(/^Unknown switch: \(null\)\nmultipath-tools v0\.4\.9/);
    expect(sh.run(host, 'multipath -v').out).toMatch(/^Missing option arguement\n/);
    expect(sh.run(host, 'multipath -vx').out).toMatch(/^Missing option arguement\n/);
    const bad = sh.run(host, 'multipath -p bogus -z');
    expect(bad.out).toMatch(/^'bogus' is not a valid policy\n/);
    expect(bad.exit).toBe(1);
    expect(sh.run(host, 'multipath -h -z').out).toMatch(/^multipath-tools v0\.4\.9/);
  });

  it("multipathd ('dv:k::'): -k ends the parse; -dk is -d then -k; glibc's complaint", () => {
    const { sh, host } = shells();
    expect(sh.run(host, 'multipathd -kreconfigure -x').out).toBe('ok\n');
    expect(sh.run(host, 'multipathd -dv3 -kreconfigure').out).toBe('ok\n');
    expect(sh.run(host, 'multipathd -x')).toEqual({ out: "multipathd: invalid option -- 'x'\n", exit: 1 });
  });

  it("fdisk ('b:cC:hH:lsS:uvV', 2.13 without -c): complaint then the release's usage", () => {
    const { sh, host } = shells();
    expect(sh.run(host, 'fdisk -z').out).toMatch(/^fdisk: invalid option -- 'z'\n\nUsage:\n fdisk \[options\] <disk>/);
    expect(sh.run(host, 'fdisk -b').out).toMatch(/^fdisk: option requires an argument -- 'b'\n/);
    expect(sh.run(host, 'fdisk -- /dev/nosuch').out).toBe('Unable to open /dev/nosuch\n');
    const old = shells('ovm22');
    expect(old.sh.run(old.host, 'fdisk -c').out).toMatch(/^fdisk: invalid option -- 'c'\nUsage: fdisk \[-b SSZ\]/);
  });

  it("dmesg ('crn:s:'): bundles, one stray operand ignored, a bad level prints the usage", () => {
    const { sh, host } = shells();
    const all = sh.run(host, 'dmesg').out;
    expect(all.length).toBeGreaterThan(0);
    expect(sh.run(host, 'dmesg -rs 100 x').out).toBe(all);
    expect(sh.run(host, 'dmesg a b')).toEqual({ out: 'Usage: dmesg [-c] [-n level] [-r] [-s bufsize]\n', exit: 1 });
    expect(sh.run(host, 'dmesg -n x')).toEqual({ out: 'Usage: dmesg [-c] [-n level] [-r] [-s bufsize]\n', exit: 1 });
    expect(sh.run(host, 'dmesg -q').out).toBe("dmesg: invalid option -- 'q'\nUsage: dmesg [-c] [-n level] [-r] [-s bufsize]\n");
    expect(sh.run(host, 'dmesg -n 3')).toEqual({ out: '', exit: 0 });
  });

  it("kpartx ('ladgvp:t:s', opterr = 0): no complaint, the usage on stdout, exit 1; -- ends the options", () => {
    const { sh, host } = shells();
    const r = sh.run(host, 'kpartx -z /dev/sdb');
    expect(r.out).toMatch(/^usage : kpartx \[-a\|-d\|-l\] \[-v\] wholedisk\n/);
    expect(r.exit).toBe(1);
    expect(sh.run(host, 'kpartx -l -- /dev/nosuch').out).toBe('failed to stat() /dev/nosuch\n');
  });

  it("ping ('c:i:w:s:t:qnvd'): a bad count is refused with its own message alone, exit 2; -qc is -q then -c", () => {
    const { sh, host } = shells();
    expect(sh.run(host, 'ping -c 0 -z x')).toEqual({ out: 'ping: bad number of packets to transmit.\n', exit: 2 });
    expect(sh.run(host, 'ping -qcx')).toEqual({ out: 'ping: bad number of packets to transmit.\n', exit: 2 });
    expect(sh.run(host, 'ping -z').out).toMatch(/^ping: invalid option -- 'z'\nUsage: ping \[-LRUbdfnqrvVaA\]/);
  });
});
