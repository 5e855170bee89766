// A store over a fake-indexeddb database no other test uses (no engine imported). Named at random,
// not by a module counter: the unit tests share one module graph per thread, and a test that resets
// the modules (vi.resetModules) would restart a counter while fake-indexeddb keeps its databases.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createIdbStore, type IdbStore } from '../../../src/persist/idb-store';

export function freshStore(): IdbStore {
  return createIdbStore(`test-${randomUUID()}`);
}
