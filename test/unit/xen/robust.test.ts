// Robustness of the Xen family: random xm / xentop command lines never throw (no "internal
// error"), never leave a program hanging that its own keys cannot end, and a failed command
// changes nothing — except where xend itself leaves a trace of a failed start (a used domain id,
// xend.log lines), as on a real host. Same seed and same input give the same world.
import { describe, expect, it } from 'vitest';
import { nextInt, seedRng, type RngState } from '../../../src/lib/rng';
import { serializeWorld } from '../../../src/sim/snapshot';
import { xenSession } from './helpers';

const SUBS = ['list', 'info', 'create', 'new', 'start', 'delete', 'shutdown', 'reboot', 'destroy', 'reset', 'pause', 'unpause', 'mem-set', 'mem-max', 'vcpu-set', 'vcpu-list', 'vcpu-pin', 'sched-credit', 'uptime', 'domstate', 'domid', 'domname', 'save', 'restore', 'migrate', 'console', 'dmesg', 'log', 'network-list', 'block-list', 'top', 'help', 'balloon', 'li', 'sched-sedf', 'rename', 'trigger', 'dump-core', 'tmem-list', 'suspend', 'resume', 'sysrq'];
const WORDS = ['1', '2', '0', 'Domain-0', '0004fb0000060000da180242fd96ddfe', 'nosuch', '-l', '--long', '-w', '-a', '-c', '-p', '-q', '-d', '-x', '--state=running', '--state', 'all', '0-3', '^1', '512', '2g', 'abc', '-1', '99999', '/tmp/x.chk', '/etc/hosts', 'ovs02', 'nowhere', '-h', '--', '=', 'x=y', 'memory=64', "'", '*', '-R', '-H', 'nmi', 'power', ''];

/** Keys that end whichever program a command may have started (xentop q, console Ctrl-], xm Ctrl-C). */
const ENDERS = ['q', '\x1d', '\x03'];

function randomLine(rng: RngState): string {
  const n = nextInt(rng, 5);
  const words = Array.from({ length: n }, () => WORDS[nextInt(rng, WORDS.length)]!).map((w) => (w === '' || /[\s'*=]/.test(w) ? `'${w.replace(/'/g, '')}'` : w));
  return nextInt(rng, 12) === 0 ? `xentop ${words.join(' ')}` : `xm ${SUBS[nextInt(rng, SUBS.length)]} ${words.join(' ')}`;
}

/** Commands where a failure legitimately leaves xend's trace (log lines, a used domain id). */
const TRACE_ON_FAILURE = /^xm (create|new|start|resume|restore|migrate)\b/;

describe('xm under random input', () => {
  it('never throws, never hangs, and a failed command changes nothing', async () => {
    const s = await xenSession();
    const rng = seedRng(4242);
    for (let i = 0; i < 600; i++) {
      const line = randomLine(rng);
      const before = serializeWorld(s.sim.world);
      const out = s.run(line);
      expect(out, line).not.toContain('internal error');
      for (const k of ENDERS) if (s.busy()) s.keys(k);
      if (s.busy()) s.tick(60);
      expect(s.busy(), line).toBe(false);
      const status = Number(s.run('echo $?').trim());
      if (status !== 0 && !TRACE_ON_FAILURE.test(line)) expect(serializeWorld(s.sim.world), line).toBe(before);
      if (i % 50 === 49) s.tick(7);
    }
  }, 60_000);
});

describe('determinism', () => {
  it('the same seed and the same commands give the same world, byte for byte', async () => {
    const script = ['xm pause 1', 'xm shutdown 2', '@6', 'xm unpause 1', 'xm mem-set 1 4096', 'xm sched-credit -d 1 -w 512', 'xm save 1 /tmp/s.chk', 'xm restore /tmp/s.chk', '@3', 'xm migrate -l 3 ovs02', '@90', 'xm create /nosuch'];
    const worlds: string[] = [];
    for (let k = 0; k < 2; k++) {
      const s = await xenSession();
      for (const c of script) {
        if (c.startsWith('@')) s.tick(Number(c.slice(1)));
        else s.run(c);
      }
      worlds.push(serializeWorld(s.sim.world));
    }
    expect(worlds[0]).toBe(worlds[1]);
    expect(worlds[0]).toContain('"domain.migrated"');
  });
});
