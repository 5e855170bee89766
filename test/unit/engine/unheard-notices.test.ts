// Notices raised before the page subscribes (the worker opens its storage and boots by itself
// first) reach the page when it does, in order, once.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine';
import { loadCore } from '../../../src/sim/core/load-core';
import type { EngineEvent } from '../../../src/engine/types';

describe('notices before the page listens', () => {
  it('are delivered on subscribe, then events go straight through', () => {
    const engine = createEngine({ loadCore });
    engine.notify('warn', 'An older OVM Sandbox tab is holding the saved data open.');
    engine.notify('info', 'second');
    const heard: EngineEvent[] = [];
    engine.subscribe((e) => heard.push(e));
    engine.notify('error', 'third');
    expect(heard).toEqual([
      { type: 'notice', level: 'warn', text: 'An older OVM Sandbox tab is holding the saved data open.' },
      { type: 'notice', level: 'info', text: 'second' },
      { type: 'notice', level: 'error', text: 'third' },
    ]);
    const again: EngineEvent[] = [];
    engine.subscribe((e) => again.push(e));
    expect(again).toEqual([]);
  });
});
