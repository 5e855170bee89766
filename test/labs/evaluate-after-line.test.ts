// The lab is evaluated after every command and again after the journal record; the second is
// skipped only when nothing happened since the first. What a line does after its last command
// (a redirection writing the file, an empty redirection creating one) and what a program does
// on its keys must still be graded, live and on a reload alike.
import { describe, expect, it } from 'vitest';
import { addLab, loadLabText } from '../../src/labs/loader';
import { createMemoryStore } from '../../src/engine/persistence-memory';
import { bootEngine } from '../support/engine';

const FIXTURE = `
title: Leave notes
summary: A fixture for the evaluation after a line.
module: A
level: beginner
minutes: 5
scenario:
  base: pool-34
briefing: Leave notes in /root.
debrief: Done.
objectives:
  - id: ready
    text: /root/note says ready
    points: 5
    check: { file_contains: { host: ovs01, path: /root/note, text: ready } }
    failure: No note yet.
    hints: [one, two]
  - id: ready-once
    text: The note said ready at least once
    points: 5
    milestone: true
    check: { file_contains: { host: ovs01, path: /root/note, text: ready } }
    failure: Not yet.
    hints: [one, two]
  - id: marker
    text: /root/marker exists
    points: 5
    check: { file_exists: { host: ovs01, path: /root/marker } }
    failure: No marker yet.
    hints: [one, two]
  - id: edited
    text: /root/edited says done
    points: 5
    check: { file_contains: { host: ovs01, path: /root/edited, text: done } }
    failure: Not edited yet.
    hints: [one, two]
solution:
  - { host: ovs01, run: "echo ready > /root/note" }
  - { host: ovs01, run: "xm list >/dev/null; > /root/marker" }
`;

const loaded = loadLabText('zz-fixture-notes', 'labs/zz-fixture-notes.yaml', FIXTURE);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
addLab(loaded.value);

const met = (v: { objectives: Array<{ id: string; met: boolean }> } | null) => v!.objectives.filter((o) => o.met).map((o) => o.id);

describe('evaluation after a line', () => {
  it('grades what a redirection writes after the last command, an empty redirection and a program’s keys; a reload agrees', async () => {
    const store = createMemoryStore();
    const { engine } = await bootEngine(7, { store }, 'lab:zz-fixture-notes');
    await engine.open('t1', 'ovs01', 120, 40);
    // The command (echo) ran before its output reached the file: only the evaluation after the line sees it.
    await engine.input('t1', 'echo ready > /root/note\r');
    expect(met(engine.labView())).toEqual(['ready', 'ready-once']);
    await engine.input('t1', 'echo later > /root/note\r');
    expect(met(engine.labView())).toEqual(['ready-once']);
    await engine.input('t1', 'xm list >/dev/null; > /root/marker\r');
    expect(met(engine.labView())).toEqual(['ready-once', 'marker']);
    // vi writes on its keys, in a record of their own with no command in it.
    await engine.input('t1', 'vi /root/edited\r');
    await engine.input('t1', 'idone\x1b:wq\r');
    expect(met(engine.labView())).toEqual(['ready-once', 'marker', 'edited']);
    const live = engine.labView();

    const again = (await bootEngine(7, { store }, 'lab:zz-fixture-notes')).engine;
    expect(again.labView()).toEqual(live);
    expect(again.stateDigest()).toBe(engine.stateDigest());
  });
});
