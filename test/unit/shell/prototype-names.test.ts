// Names that are Object.prototype properties (`__proto__`, `constructor`, `toString` …) are names
// like any other (issue 10 §5): as variables, aliases, functions, hosts, xm subcommands, files,
// help/man/type topics and awk names they behave exactly as an ordinary unknown name does, and
// nothing throws. Each case runs twice in fresh worlds, once with an ordinary name, and the outputs
// must be the same text with the name swapped; a few cases also pin bash's exact output.
import { beforeAll, describe, expect, it } from 'vitest';
import { runLine, type ShellIo } from '../../../src/shell/executor';
import { newFrame } from '../../../src/shell/prompt';
import { createRegistry } from '../../../src/shell/registry';
import { loadCore } from '../../../src/sim/core/load-core';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import type { SimCore } from '../../../src/sim/core/types';

/** Every own property of Object.prototype (V8's list), and a few more that plain objects inherit. */
const NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'])];
/** An ordinary name of the same length (`ls` lays out columns by length). */
const controlFor = (name: string) => 'q'.repeat(name.length);

/** Lines with N standing for the name; each runs in one fresh shell, line after line. */
const SCRIPTS: Record<string, string[]> = {
  variables: ['echo "[$N]" ${N:-unset} ${#N}', 'N=v1; echo $N ${N:-d} ${#N} "${N}x"', 'export N; printenv N; echo $?', 'N=5; echo $((N+1)); [[ N -lt 1 ]]; echo $?', 'unset N; echo "[${N-unset}]"; printenv N; echo $?', '[[ N -lt 1 ]]; echo $?', 'export N=e; env | grep "^N="; export -n N; printenv N; echo $? $N', ': ${N:=dflt}; echo $N', 'read N <<< "from read"; echo $N', 'for N in a b; do echo $N; done', 'f() { local N=loc; echo $N; }; N=glob; f; echo $N', '[[ -v N ]]; echo $?', 'echo ${!N} ${N/x/y}'],
  aliases: ["alias N='echo aliased'", 'N', 'alias N', 'type N', 'unalias N', 'alias N', "alias '' N", 'unalias N'],
  functions: ['N() { echo fn $1; }', 'N x', 'type N', 'unset -f N', 'type N', 'N'],
  commands: ['type N', 'help N', 'man N', 'which N', 'N', '/bin/N', 'command -v N'],
  hosts: ['ssh N', 'ssh root@N', 'ping -c 1 N'],
  xm: ['xm N', 'xm list N', 'xm help N'],
  files: ['touch /tmp/N', 'ls /tmp', 'cat /tmp/N; echo $?', 'echo hi > /tmp/N', 'cp /tmp/N /tmp/N.2', 'cat /tmp/N.2', 'mv /tmp/N.2 /tmp/N.3', 'ls /tmp', 'mkdir /tmp/N.d; touch /tmp/N.d/N; ls -R /tmp/N.d', 'cd /tmp/N.d; pwd; cd /', 'rm -r /tmp/N /tmp/N.3 /tmp/N.d', 'ls /tmp', 'cat /tmp/N', 'cp /tmp/N /tmp/x', 'ls /tmp/N/N'],
  awk: ["awk 'BEGIN { a[\"N\"] = 1; print a[\"N\"], length(a); for (k in a) print k; print (\"N\" in a), (\"zz\" in a) }'", "awk -v N=3 'BEGIN { print N + 1 }'", "echo 'N N' | awk '{ c[$1]++ } END { for (k in c) print k, c[k] }'", 'N=x awk \'BEGIN { print ENVIRON["N"] }\''],
};

let core: SimCore;
beforeAll(async () => {
  core = await loadCore();
});

/** Runs the lines in one fresh shell on a fresh world; returns what the terminal showed, with exit codes. */
function session(lines: string[]): string {
  const world = buildDefaultWorld(1);
  const frame = newFrame('ovs01');
  const registry = createRegistry();
  let out = '';
  for (const line of lines) {
    const io: ShellIo = { sim: { world, core }, registry, frame, cols: 80, rows: 24, history: [] };
    const r = runLine(io, line);
    out += `$ ${line}\n${r.output}[${r.exitCode}]\n`;
  }
  return out;
}

describe('Object.prototype names are ordinary names', () => {
  for (const [table, lines] of Object.entries(SCRIPTS)) {
    it(`${table}: every name behaves as an ordinary unknown name`, () => {
      for (const name of NAMES) {
        const control = session(lines.map((l) => l.replaceAll('N', controlFor(name))));
        expect(control).not.toContain('internal error');
        let got: string;
        expect(() => (got = session(lines.map((l) => l.replaceAll('N', name))))).not.toThrow();
        expect(got!, name).toBe(control.replaceAll(controlFor(name), name));
      }
    });
  }

  it("pins bash's output for the reported reproductions", () => {
    expect(session(['__proto__=1; constructor=2; echo $__proto__ $constructor; export __proto__', 'echo $__proto__', 'printenv __proto__'])).toBe(
      '$ __proto__=1; constructor=2; echo $__proto__ $constructor; export __proto__\n1 2\n[0]\n$ echo $__proto__\n1\n[0]\n$ printenv __proto__\n1\n[0]\n',
    );
    expect(session(['[[ hasOwnProperty -lt 1 ]]', 'hasOwnProperty=7; [[ hasOwnProperty -lt 1 ]]'])).toBe('$ [[ hasOwnProperty -lt 1 ]]\n[0]\n$ hasOwnProperty=7; [[ hasOwnProperty -lt 1 ]]\n[1]\n');
    expect(session(["alias '' constructor"])).toBe("$ alias '' constructor\n-bash: alias: : not found\n-bash: alias: constructor: not found\n[1]\n");
    expect(session(['ssh constructor'])).toBe('$ ssh constructor\nssh: Could not resolve hostname constructor: Name or service not known\n[255]\n');
    expect(session(['xm hasOwnProperty']).split('\n').slice(0, 3)).toEqual(['$ xm hasOwnProperty', 'Error: Subcommand hasOwnProperty not found!', 'Usage: xm <subcommand> [args]']);
    expect(session(['cp /tmp/__proto__ /tmp/x', 'touch /tmp/__proto__', 'cp /tmp/__proto__ /tmp/x', 'ls /tmp'])).toBe(
      "$ cp /tmp/__proto__ /tmp/x\ncp: cannot stat `/tmp/__proto__': No such file or directory\n[1]\n$ touch /tmp/__proto__\n[0]\n$ cp /tmp/__proto__ /tmp/x\n[0]\n$ ls /tmp\n__proto__  x\n[0]\n",
    );
    expect(session(['type toString', 'help valueOf', 'man isPrototypeOf'])).toBe(
      "$ type toString\n-bash: type: toString: not found\n[1]\n$ help valueOf\n-bash: help: no help topics match `valueOf'.  Try `help help' or `man -k valueOf' or `info valueOf'.\n[1]\n$ man isPrototypeOf\nNo manual entry for isPrototypeOf\n[1]\n",
    );
  });
});
