// A new attempt's first screen (src/engine/first-screen.ts), known from its seed before its world is
// built, is byte for byte what its first session shows once the world is there; the boot's prepare
// tells it for a new attempt only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshStore } from '../persist/helpers';
import { createEngine } from '../../../src/engine';
import { newAttemptFirstScreen, type FirstScreen } from '../../../src/engine/first-screen';
import { loadCore } from '../../../src/sim/core/load-core';
import { FIRST_SESSION_SIZE, seedFromNonce } from '../../../src/worker/sandbox-boot';

const WALL = 1_700_000_000_000;
const MOTD = 'Warning: making manual modifications in the management domain might cause inconsistencies between Oracle VM Manager and the server.';

/** A new sandbox attempt of the default scenario built from `seed`: what its first server's session shows at `cols`. */
async function openedScreen(seed: number, cols: number): Promise<{ host: string; text: string }> {
  const engine = createEngine({ loadCore, store: freshStore(), wallNow: () => WALL, newSeed: () => seed });
  const { hosts } = await engine.boot({ attemptId: 'sandbox', scenario: 'default' });
  return { host: hosts[0]!, text: await engine.open('sandbox:first', hosts[0]!, cols, 24) };
}

describe('a new attempt’s first screen', () => {
  it('is the login the session shows: the last login three hours before the world’s start, the motd, the prompt', async () => {
    expect(newAttemptFirstScreen('default', 1, 80)).toEqual({
      host: 'ovs01',
      text: `Last login: Mon Mar  2 20:11:31 2026 from 10.10.10.1\r\n${MOTD}\r\n\x1b[?2004h[root@ovs01 ~]# `,
    });
    expect(await openedScreen(1, 80)).toEqual(newAttemptFirstScreen('default', 1, 80));
  });

  it('is what the session shows for any seed and any width (a prompt that fills a row wraps)', async () => {
    // 16 columns: the prompt `[root@ovs01 ~]# ` fills the row and the editor wraps explicitly.
    expect(newAttemptFirstScreen('default', 7, 16)?.text.endsWith('[root@ovs01 ~]# \r\n')).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(10, 16, 32, 80, 133), async (seed, cols) => {
        expect(await openedScreen(seed, cols)).toEqual(newAttemptFirstScreen('default', seed, cols));
      }),
      { numRuns: 10 },
    );
  });

  it('is not known for the other scenarios (their first server is known once the world is built)', () => {
    expect(newAttemptFirstScreen('ovm22', 1, 80)).toBeNull();
    expect(newAttemptFirstScreen('pool-22', 1, 80)).toBeNull();
  });

  it('is told by the prepare of a new attempt, whose world is built once the page has drawn it', async () => {
    const shown: FirstScreen[] = [];
    const engine = createEngine({ loadCore, store: freshStore(), wallNow: () => WALL, newSeed: () => 4242, sharedNow: () => 100 });
    engine.prepare({ attemptId: 'sandbox', scenario: 'default', firstScreen: { cols: 80, show: (s) => shown.push(s) } });
    let booted = false;
    const boot = engine.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 50 }).then((info) => ((booted = true), info));
    await new Promise((r) => setTimeout(r, 300));
    expect(shown).toEqual([newAttemptFirstScreen('default', 4242, 80)]);
    expect(booted).toBe(false); // the world waits for the page
    engine.firstScreenShown();
    const info = await boot;
    expect(info.seed).toBe(4242);
    expect(shown).toEqual([newAttemptFirstScreen('default', 4242, 80)]);
    expect(await engine.open('sandbox:ovs01', 'ovs01', 80, 24)).toBe(shown[0]!.text);
  });

  it('comes from the seed the page gave (its lock nonce’s), so the screen the page drew first is the session’s', async () => {
    const seed = seedFromNonce('3c9a0f12-7d41-4e2b-9a6c-0b1d2e3f4a5b');
    const engine = createEngine({ loadCore, store: freshStore(), wallNow: () => WALL, newSeed: () => 4242, sharedNow: () => 100 });
    engine.prepare({ attemptId: 'sandbox', scenario: 'default', seed });
    const info = await engine.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 50 });
    expect(info.seed).toBe(seed);
    expect(await engine.open('sandbox:ovs01', 'ovs01', 80, 24)).toBe(newAttemptFirstScreen('default', seed, FIRST_SESSION_SIZE.cols)!.text);
  });

  it('is not told when the attempt exists (its screen is its saved one)', async () => {
    const store = freshStore();
    const first = createEngine({ loadCore, store, wallNow: () => WALL, newSeed: () => 4242 });
    await first.boot({ attemptId: 'sandbox', scenario: 'default' });
    const shown: FirstScreen[] = [];
    const again = createEngine({ loadCore, store, wallNow: () => WALL, newSeed: () => 99, sharedNow: () => 100 });
    again.prepare({ attemptId: 'sandbox', scenario: 'default', firstScreen: { cols: 80, show: (s) => shown.push(s) } });
    expect((await again.boot({ attemptId: 'sandbox', scenario: 'default', lockedAt: 50 })).seed).toBe(4242);
    expect(shown).toEqual([]);
  });
});
