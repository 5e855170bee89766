// The shell's proof against random input (issues 4 and 10): random byte strings, random command
// lines built from the registry's specs (options from `args`, words from `complete`, paths of the
// VFS), and the generators of issue 10 §5: Object.prototype names in every name-keyed place, deep
// nesting, huge sizes, 1 MB lines, raw bytes and grammar mutants of valid lines.
// For every case: running it never throws, returns within its budget, never reports an internal
// error, and a failed single command leaves the world unchanged (log files may grow: real tools
// log their failures). Fast tier 5,000 cases, deep tier 100,000; FUZZ_CASES and FUZZ_SEED override.
import { describe, expect, it } from 'vitest';
import { runs } from '../../support/tier';
import { runLine, type ShellIo } from '../../../src/shell/executor';
import { newFrame } from '../../../src/shell/prompt';
import { createRegistry } from '../../../src/shell/registry';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { loadCore } from '../../../src/sim/core/load-core';
import type { CommandSpec, Registry } from '../../../src/shell/types';
import type { Sim } from '../../../src/sim/sim';
import type { WorldState } from '../../../src/sim/types';

const CASES = Number(process.env.FUZZ_CASES ?? runs(5_000, 100_000));
const SEED = Number(process.env.FUZZ_SEED ?? 20260302);
/** Wall-clock budget of one command line (generous: CI machines are slow and GC pauses). */
const BUDGET_MS = 2_000;
/** Cases between fresh worlds, so that destructive commands do not leave a barren world. */
const REBUILD_EVERY = 2_000;

/** xorshift32: the fuzz is reproducible from its seed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(a: readonly T[]): T {
      return a[Math.floor(next() * a.length)]!;
    },
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

/**
 * A proxy over the world that reports every write that changes a value, with the path written
 * (cheaper than comparing whole worlds after each case).
 */
function watch(world: WorldState, onWrite: (path: string) => void): WorldState {
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (v && typeof v === 'object' ? (targets.get(v) ?? v) : v);
  const wrap = (o: unknown, path: string): unknown => {
    if (!o || typeof o !== 'object' || ArrayBuffer.isView(o) || o instanceof ArrayBuffer) return o;
    const known = proxies.get(o);
    if (known) return known;
    const p = new Proxy(o, {
      get: (t, k) => wrap(Reflect.get(t, k), typeof k === 'string' ? `${path}/${k}` : path),
      set: (t, k, v) => {
        const raw = unwrap(v);
        if (Reflect.get(t, k) !== raw) onWrite(`${path}/${String(k)}`);
        return Reflect.set(t, k, raw);
      },
      deleteProperty: (t, k) => (onWrite(`${path}/${String(k)}`), Reflect.deleteProperty(t, k)),
      defineProperty: (t, k, d) => (onWrite(`${path}/${String(k)}`), Reflect.defineProperty(t, k, d)),
    });
    proxies.set(o, p);
    targets.set(p, o);
    return p;
  };
  return wrap(world, '') as WorldState;
}

/** Writes a failing tool may do: appending to its log files (xend logs a failed create). */
const isLogWrite = (path: string) => path.includes('/children/log/');

/**
 * Tools whose failure is a partial success by design: `partprobe` re-reads every disk's table
 * and exits 1 when one of them is busy, having updated the others; `multipath -F` flushes the
 * unused maps and exits 1 for those in use.
 */
const partialByDesign = (line: string) => line.startsWith('partprobe') || (line.startsWith('multipath ') && / -F\b/.test(line));

const BYTES = ['for i in ', '; do ', '; done', 'if ', '; then ', '; fi', 'while ', 'read x', 'break', '{ ', ' }', '[ ', ' ]', '<<E', '\nE', 'a', 'b', 'x', 'm', 'l', 's', ' ', ' ', ' ', '-', '--', "'", '"', '\\', '$', '$(', '`', '|', '&', ';', '<', '>', '(', ')', '{', '}', '*', '?', '[', ']', '!', '~', '#', '=', '\n', '\t', '\x00', '\x07', '\x1b', 'é', '€', '0', '9', '/', '.', '%', '^', ','];

const WORDS = ['list', 'start', 'status', 'stop', 'all', 'info', 'x', 'foo', '', ' ', 'a b', '-', '--', '0', '1', '-1', '512', '99999999999', '1.5', 'Domain-0', '%s%d', '\\n', '.*', '^a', '[', '(', '{}', ';', 's/a/b/', '{print $1}', 'NR==1', 'p', '/x/', 'BEGIN{x=1}'];
const PATHS = ['/etc/hosts', '/etc', '/tmp', '/tmp/fz', '/root', '/', '.', '..', '/var/log/xen/xend.log', '/var/log/messages', '/OVS/Repositories', '/proc/meminfo', '/proc', '/dev/null', '/nonexistent', '/nonexistent/deeper', '/etc/hosts/x', '*', '/etc/*', '~', '~/x', '/tmp/fz-new'];

function specArgs(r: Rng, spec: CommandSpec, sim: Sim, registry: Registry, frame: ReturnType<typeof newFrame>): string[] {
  const out: string[] = [];
  const n = r.int(5);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.3 && spec.args?.options.length) {
      const o = r.pick(spec.args.options);
      const value = o.arg === 'required' ? r.pick([...WORDS, ...PATHS]) : undefined;
      if (o.short && (r.chance(0.5) || !o.long)) {
        if (value === undefined) out.push(`-${o.short}`);
        else if (r.chance(0.5)) out.push(`-${o.short}${value}`);
        else out.push(`-${o.short}`, value);
      } else if (o.long) out.push(value !== undefined ? `--${o.long}=${value}` : `--${o.long}`);
      else continue;
    } else if (roll < 0.35) out.push(r.pick(['-Q', '--zzz', '-', '--', '-99', '+3']));
    else if (roll < 0.6 && spec.complete) {
      const host = sim.world.hosts[frame.host]!;
      const offered = spec.complete({ world: sim.world, host, frame, ...{ registry } } as never, words, '');
      out.push(offered.length ? r.pick(offered) : r.pick(WORDS));
    } else if (roll < 0.85) out.push(r.pick(PATHS));
    else out.push(r.pick(WORDS));
    words.push(out[out.length - 1]!);
  }
  return out;
}

const quote = (w: string) => (/^[A-Za-z0-9_./=:+,%-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);

interface Case {
  line: string;
  /** A single command with at most one operand: when it fails, nothing may have changed. */
  checkUnchanged: boolean;
}

/** Every Object.prototype name: they must be names like any other (issue 10 §5). */
const PROTO = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'];
const PROTO_TEMPLATES = ['N=1; echo $N ${N:-d} ${#N}', 'echo $N', 'export N; printenv N', 'unset N', '[[ N -lt 1 ]]', 'alias N=ls', "alias '' N", 'unalias N', 'N() { echo f; }; N', 'type N', 'help N', 'man N', 'which N', 'ssh N', 'xm N', 'xm list N', 'touch /tmp/N', 'cat /tmp/N', 'cp /tmp/N /tmp/N2', 'rm /tmp/N', 'mkdir /tmp/N', 'cd /tmp/N', 'ls /tmp/N', "awk 'BEGIN { a[\"N\"]=1; for (k in a) print k }'", 'read N <<< x; echo $N', 'local N', 'for N in 1; do echo $N; done', 'N', '${N}', 'echo ${N[0]}', 'test -v N'];

/** Nesting that once overflowed the JS stack, at random depths around the limits. */
function deepLine(r: Rng): string {
  const n = r.pick([1, 5, 50, 150, 199, 200, 201, 250, 400, 1000, 3000]);
  switch (r.int(9)) {
    case 0:
      return 'echo ' + '${x:-'.repeat(n) + 'v' + '}'.repeat(n);
    case 1:
      return '{ '.repeat(n) + 'echo hi; ' + '} '.repeat(n);
    case 2:
      return '( '.repeat(n) + 'echo hi ' + ') '.repeat(n);
    case 3:
      return 'if true; then '.repeat(n) + 'echo hi; ' + 'fi; '.repeat(n);
    case 4:
      return 'echo ' + '$('.repeat(Math.min(n, 300)) + 'echo hi' + ')'.repeat(Math.min(n, 300));
    case 5:
      return '[[ ' + '( '.repeat(n) + 'a' + ' )'.repeat(n) + ' ]]';
    case 6:
      return "awk 'BEGIN { print " + '('.repeat(n) + '1' + ')'.repeat(n) + " }'";
    case 7:
      return 'echo $(( ' + '('.repeat(n) + '1' + ')'.repeat(n) + ' ))';
    default:
      return '[ ' + '\\( '.repeat(n) + 'a' + ' \\)'.repeat(n) + ' ]';
  }
}

/** Sizes past the machine's memory: widths, precisions, times, doubling. */
function hugeLine(r: Rng): string {
  const big = r.pick(['1000', '99999', '16777216', '999999999', '2000000000', '99999999999999999999', '-5', '1e9']);
  return r.pick([
    `printf "%0${big}d" 1 | wc -c`,
    `printf '%.*f' ${big} 1 | wc -c`,
    `printf '%*s|' ${big} x | wc -c`,
    `awk 'BEGIN{printf "%*d", ${big}, 1}' | wc -c`,
    `awk 'BEGIN{printf "%.${big}f", 1}' | wc -c`,
    `date -d @${big}`,
    `x=a; for i in $(seq ${r.pick([10, 20, 26])}); do x=$x$x; done; echo \${#x}`,
    `seq ${big} | wc -l`,
    `echo {1..${big}} | wc -c`,
    `head -c ${big} /dev/zero | wc -c`,
  ]);
}

/** A valid line with one token deleted, duplicated or swapped for a random one. */
function mutant(r: Rng): string {
  const base = r.pick(['for i in 1 2; do echo $i; done', 'if [ -f /etc/hosts ]; then cat /etc/hosts; fi', 'case x in x) echo y;; esac', 'f() { local a=$1; echo ${a:-none}; }; f 1', 'while read l; do echo "$l"; done < /etc/hosts', 'echo $(( 3 * (2 + 1) ))', "awk -F: '{ s += $3 } END { print s }' /etc/passwd", "sed -n '1,2p' /etc/hosts", 'cat <<E\n$HOME\nE', '[[ a =~ ^a$ ]] && echo m', 'ls | grep -c x']);
  const toks = base.split(/(\s+|;|\||\(|\)|\{|\}|\$)/).filter((t) => t !== undefined && t !== '');
  for (let k = 0, n = 1 + r.int(3); k < n && toks.length; k++) {
    const at = r.int(toks.length);
    const roll = r.int(3);
    if (roll === 0) toks.splice(at, 1);
    else if (roll === 1) toks.splice(at, 0, toks[at]!);
    else toks[at] = r.pick(BYTES);
  }
  return toks.join('');
}

/** Raw bytes: any code unit, including controls, lone surrogates and NUL. */
function rawBytes(r: Rng): string {
  let s = '';
  for (let i = 0, n = r.int(60); i < n; i++) s += String.fromCharCode(r.chance(0.8) ? r.int(256) : r.int(0x10000));
  return s;
}

/** A line of about 1 MB: a word, a quoted string, an assignment, a comment, many words. */
function megaLine(r: Rng): string {
  const n = 1_000_000;
  return r.pick([() => 'echo ' + 'a'.repeat(n) + ' | wc -c', () => 'echo "' + 'a '.repeat(n / 2) + '" | wc -w', () => 'x=' + 'b'.repeat(n) + '; echo ${#x}', () => '# ' + 'c'.repeat(n), () => 'echo ' + 'ab '.repeat(n / 10) + '| wc -w'])();
}

function makeCase(r: Rng, sim: Sim, registry: Registry, frame: ReturnType<typeof newFrame>): Case {
  const kind = r.next();
  if (kind < 0.1) {
    const name = r.pick(PROTO);
    return { line: r.pick(PROTO_TEMPLATES).replaceAll('N', name), checkUnchanged: false };
  }
  if (kind < 0.13) return { line: deepLine(r), checkUnchanged: false };
  if (kind < 0.15) return { line: hugeLine(r), checkUnchanged: false };
  if (kind < 0.2) return { line: mutant(r), checkUnchanged: false };
  if (kind < 0.23) return { line: rawBytes(r), checkUnchanged: false };
  if (kind < 0.2315) return { line: megaLine(r), checkUnchanged: false };
  if (r.chance(0.2)) {
    let line = '';
    const len = r.int(30);
    for (let i = 0; i < len; i++) line += r.pick(BYTES);
    return { line, checkUnchanged: !/[>;&|\n$`(]/.test(line) };
  }
  const names = registry.names();
  const one = () => {
    const spec = registry.get(r.pick(names))!;
    const args = specArgs(r, spec, sim, registry, frame);
    const dd = args.indexOf('--');
    const operands = (dd < 0 ? args : args.slice(0, dd)).filter((a) => !a.startsWith('-') || a === '-').length + (dd < 0 ? 0 : args.length - dd - 1);
    return { text: [spec.name, ...args.map(quote)].join(' '), operands };
  };
  const first = one();
  const shape = r.next();
  if (shape < 0.7) return { line: first.text, checkUnchanged: first.operands <= 1 };
  if (shape < 0.8) return { line: `${first.text} | ${one().text}`, checkUnchanged: false };
  if (shape < 0.9) return { line: `${first.text} ${r.pick(['&&', '||', ';'])} ${one().text}`, checkUnchanged: false };
  return { line: `${first.text} ${r.pick(['> /tmp/fz-out', '2>&1', '2>/dev/null', '< /etc/hosts', '>> /tmp/fz-out', '&> /dev/null'])}`, checkUnchanged: false };
}

describe('shell fuzz', () => {
  it(`${CASES} random lines: no throw, within budget, no internal error, failures change nothing`, async () => {
    const core = await loadCore();
    const registry = createRegistry();
    const r = rng(SEED);
    let writes: string[] = [];
    // The same world seen two ways: through the write-watching proxy for the cases whose failure
    // must change nothing, directly for the others (the proxy slows big tree walks down).
    const fresh = (i: number): { raw: Sim; watched: Sim } => {
      const world = buildDefaultWorld((SEED + i) % 1000);
      return { raw: { world, core }, watched: { world: watch(world, (p) => writes.length < 50 && writes.push(p)), core } };
    };
    let sims = fresh(0);
    let frame = newFrame('ovs01');
    const problems: string[] = [];
    let slowest = { ms: 0, line: '' };
    for (let i = 0; i < CASES && problems.length < Number(process.env.FUZZ_MAX_PROBLEMS ?? 10); i++) {
      if (i > 0 && i % REBUILD_EVERY === 0) {
        sims = fresh(i);
        frame = newFrame('ovs01');
      }
      const c = makeCase(r, sims.raw, registry, frame);
      const check = c.checkUnchanged && !partialByDesign(c.line);
      const io: ShellIo = { sim: check ? sims.watched : sims.raw, registry, frame, cols: 80, rows: 24, history: [] };
      writes = [];
      const t0 = performance.now();
      let result;
      try {
        result = runLine(io, c.line);
      } catch (e) {
        problems.push(`threw ${e instanceof Error ? e.stack : String(e)}\n  line: ${JSON.stringify(c.line)}`);
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, line: c.line };
      if (ms > BUDGET_MS) problems.push(`took ${ms.toFixed(0)} ms: ${JSON.stringify(c.line)}`);
      if (result.output.includes('sandbox: internal error')) problems.push(`internal error: ${JSON.stringify(c.line)}\n  ${result.output.split('\n').find((l) => l.includes('internal error'))}`);
      // A command that failed on its own must not have changed the world.
      const changed = writes.filter((w) => !isLogWrite(w));
      if (check && result.exitCode !== 0 && changed.length) problems.push(`failed (exit ${result.exitCode}) but wrote ${changed.slice(0, 3).join(', ')}: ${JSON.stringify(c.line)}\n  ${result.output.slice(0, 200)}`);
      // Now and then start again from a fresh shell (cd, export, aliases accumulate).
      if (r.chance(0.01)) frame = newFrame('ovs01');
    }
    expect(problems, `slowest: ${slowest.ms.toFixed(1)} ms for ${JSON.stringify(slowest.line)}`).toEqual([]);
  }, 600_000);
});
