// The lab runtime through the engine: objectives evaluated after commands, milestones latched,
// faults after an objective, quizzes, hints, the solution, and a replay giving the same state.
import { describe, expect, it } from 'vitest';
import { addLab, loadLabText } from '../../src/labs/loader';
import { bootEngine, plain } from '../support/engine';
import type { LabView } from '../../src/labs/view';

const FIXTURE = `
title: Pause a guest
summary: A fixture for the runtime tests.
module: A
level: beginner
minutes: 5
scenario:
  base: pool-34
  overrides:
    domains:
      - { simple: "{{vm}}", id: "0004fb0000060000{{vm_hex}}", host: ovs01, state: running, memory: 2048 }
variables:
  vm: { pick: [sv201, sv202, sv203] }
  vm_hex: { hex: 16 }
briefing: Pause **{{vm}}**.
debrief: Paused {{vm}}.
objectives:
  - id: paused
    text: Pause {{vm}}
    points: 10
    check: { domain_state: { domain: "{{vm}}", state: paused } }
    failure: "{{vm}} still runs."
    hints: ["Use xm pause.", "xm pause 0004fb0000060000{{vm_hex}}"]
  - id: seen-pause
    text: Have paused it at least once
    points: 5
    milestone: true
    check: { event_seen: { kind: domain.paused } }
    failure: Not paused yet.
    hints: [one, two]
  - id: name
    text: What is the xm name of {{vm}}?
    points: 5
    quiz: { query: { domain_name: { domain: "{{vm}}" } } }
    failure: Not answered yet.
    hints: [one, two]
constraints:
  - id: prod
    text: Production guests keep running
    check: { production_running: {} }
    failure: A production guest stopped.
faults:
  - id: after-pause
    after: paused
    do: { syslog: { host: ovs01, tag: kernel, message: "fixture fault fired" } }
    announce: The fixture fault fired.
solution:
  - { host: ovs01, run: "xm pause 0004fb0000060000{{vm_hex}}" }
  - { answer: name }
`;

const loaded = loadLabText('zz-fixture-pause', 'labs/zz-fixture-pause.yaml', FIXTURE);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
addLab(loaded.value);

async function start(seed = 5) {
  let last: LabView | null = null;
  const { engine } = await bootEngine(seed, {}, 'lab:zz-fixture-pause');
  engine.subscribe((e) => {
    if (e.type === 'lab') last = e.view;
  });
  await engine.open('t1', 'ovs01', 120, 40);
  const view = () => engine.labView()!;
  return { engine, view, last: () => last };
}

describe('lab runtime', () => {
  it('starts with nothing met, the variables filled in, and a score of 0', async () => {
    const { view } = await start();
    const v = view();
    expect(v.objectives.map((o) => o.met)).toEqual([false, false, false]);
    expect(v.score).toBe(0);
    expect(v.maxScore).toBe(20);
    expect(v.status).toBe('in-progress');
    expect(v.briefing).toMatch(/^Pause \*\*sv20[123]\*\*\.$/);
    expect(v.objectives[0]!.reason).toMatch(/^sv20[123] still runs\. \(sv20[123] is running on ovs01\)$/);
    expect(v.debrief).toBeNull();
  });

  it('meets an objective after the command, latches a milestone, fires the fault after it', async () => {
    const { engine, view, last } = await start();
    const name = (await engine.labSolutionPreview())![0]!.lines[0]!.split(' ')[2]!;
    await engine.input('t1', `xm pause ${name}\r`);
    let v = view();
    expect(v.objectives.map((o) => [o.id, o.met])).toEqual([['paused', true], ['seen-pause', true], ['name', false]]);
    expect(v.events.map((e) => e.kind)).toContain('lab.fault');
    expect(last()).toEqual(v);
    expect(v.events.filter((e) => e.kind === 'lab.fault')).toEqual([{ atMs: 0, host: null, kind: 'lab.fault', text: 'The fixture fault fired.' }]);
    await engine.input('t1', `xm unpause ${name}\r`);
    v = view();
    expect(v.objectives.map((o) => [o.id, o.met])).toEqual([['paused', false], ['seen-pause', true], ['name', false]]);
    expect(v.score).toBe(5);
  });

  it('grades quiz answers, counts hints, and solves', async () => {
    const { engine, view } = await start();
    const steps = engine.labSolutionPreview()!;
    const name = steps[0]!.lines[0]!.split(' ')[2]!;
    expect(await engine.labCommand('answer', ['name', 'wrong'])).toEqual({ exitCode: 1, output: 'Not quite. Look again (or: hint name).' });
    expect(view().objectives[2]!.reason).toBe('“wrong” is not right (1 try so far).');
    expect(await engine.labCommand('hint', ['paused'])).toEqual({ exitCode: 0, output: 'Hint 1 of 2 (paused): Use xm pause.' });
    expect(plain(await engine.input('t1', 'hint paused\r'))).toBe(`hint paused\nHint 2 of 2 (paused): xm pause ${name}\n[root@ovs01 ~]# `);
    expect(view().hintsUsed).toBe(2);
    await engine.input('t1', `xm pause ${name}\r`);
    expect(await engine.labCommand('answer', ['name', name])).toEqual({ exitCode: 0, output: 'Correct.' });
    const v = view();
    expect(v.status).toBe('solved');
    expect(v.score).toBe(20);
    expect(v.debrief).toMatch(/^Paused sv20[123]\.$/);
    expect(v.solution).toBeNull();
  });

  it('records solved-with-solution once the solution is shown, and asks first in the terminal', async () => {
    const { engine, view } = await start();
    expect(plain(await engine.input('t1', 'solution\r'))).toBe(
      'solution\nShowing the solution records this lab as solved with solution, never as solved.\nTo see it anyway, run: solution --show\n[root@ovs01 ~]# ',
    );
    expect(view().status).toBe('in-progress');
    const shown = await engine.labCommand('solution', ['--show']);
    expect(shown.exitCode).toBe(0);
    expect(shown.output).toMatch(/^On ovs01:\n {4}xm pause 0004fb0000060000[0-9a-f]{16}\n {4}answer name 0004fb0000060000[0-9a-f]{16}$/);
    expect(view().status).toBe('solved-with-solution');
    expect(view().debrief).not.toBeNull();
  });

  it('breaks a constraint at once and keeps it broken', async () => {
    const { engine, view } = await start();
    const prod = plain(await engine.input('t1', 'xm list\r')).split('\n')[2]!.split(' ')[0]!;
    await engine.input('t1', `xm pause ${prod}\r`);
    const v = view();
    expect(v.constraints).toEqual([{ id: 'prod', text: 'Production guests keep running', broken: true, reason: expect.stringMatching(/^A production guest stopped\. \(sv10[12] is paused on ovs01\)$/) }]);
    await engine.input('t1', `xm unpause ${prod}\r`);
    expect(view().constraints[0]!.broken).toBe(true);
  });

  it('injects faults from the sandbox menu, validating their arguments', async () => {
    const sb = await bootEngine(3);
    await sb.engine.open('t1', 'ovs01', 120, 40);
    const menu = plain(await sb.engine.input('t1', 'fault\r'));
    expect(menu).toMatch(/^fault\nFaults you can inject \(fault NAME key=value …\):\n/);
    expect(menu).toContain('  cable            FC cable: host=… hba=… plugged=…\n');
    expect(plain(await sb.engine.input('t1', 'fault cable host=ovs01 hba=9 plugged=false\r'))).toBe('fault cable host=ovs01 hba=9 plugged=false\nfault: cable: ovs01 has no HBA port host9\n[root@ovs01 ~]# ');
    expect(plain(await sb.engine.input('t1', 'fault cable host=ovs01\r'))).toBe('fault cable host=ovs01\nfault: cable: missing hba=… plugged=…\n[root@ovs01 ~]# ');
    expect(plain(await sb.engine.input('t1', 'fault cable hba=x\r'))).toBe('fault cable hba=x\nfault: cable: hba must be a number\n[root@ovs01 ~]# ');
    expect(await sb.engine.labCommand('fault', ['host_crash', 'host=ovs02'])).toEqual({ exitCode: 0, output: '' });
    expect(plain(await sb.engine.input('t1', 'ssh ovs02\r'))).not.toContain('[root@ovs02');
  });

  it('refuses sandbox faults inside a lab, and lab commands in the sandbox', async () => {
    const { engine } = await start();
    expect(plain(await engine.input('t1', 'fault\r'))).toBe('fault\nfault: the faults of a lab are part of the exercise; inject your own in the sandbox\n[root@ovs01 ~]# ');
    const sb = await bootEngine(3);
    await sb.engine.open('t1', 'ovs01', 80, 24);
    expect(plain(await sb.engine.input('t1', 'hint\r'))).toBe('hint\nhint: this is the free sandbox, not a lab (open a lab from the catalog)\n[root@ovs01 ~]# ');
    expect(sb.engine.labView()).toBeNull();
  });
});
