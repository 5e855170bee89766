// The lazy command registry: knows nothing until loaded, loads once, and tries again after a failure.
import { describe, expect, it } from 'vitest';
import { createLazyRegistry } from '../../../src/shell/lazy-registry';
import { ok, type CommandSpec, type Registry } from '../../../src/shell/types';

const spec: CommandSpec = { name: 'true', summary: 'do nothing, successfully', usage: 'true', run: () => ok() };
const loaded: Registry = { get: (n) => (n === 'true' ? spec : undefined), names: () => ['true'] };

describe('createLazyRegistry', () => {
  it('knows no command before ready() and every command after, loading once', async () => {
    let calls = 0;
    const r = createLazyRegistry(async () => (calls++, loaded));
    expect([r.loaded, r.get('true'), r.names(), calls]).toEqual([false, undefined, [], 0]);
    await Promise.all([r.ready(), r.ready()]);
    expect([r.loaded, r.get('true'), r.names(), calls]).toEqual([true, spec, ['true'], 1]);
  });

  it('tries again after a failed load', async () => {
    let calls = 0;
    const r = createLazyRegistry(async () => {
      if (calls++ === 0) throw new Error('chunk lost');
      return loaded;
    });
    await expect(r.ready()).rejects.toThrow('chunk lost');
    expect(r.loaded).toBe(false);
    await r.ready();
    expect([r.loaded, calls]).toEqual([true, 2]);
  });
});
