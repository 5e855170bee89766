// A store over a fake-indexeddb database no other test uses (no engine imported).
import 'fake-indexeddb/auto';
import { createIdbStore, type IdbStore } from '../../../src/persist/idb-store';

let dbCount = 0;

export function freshStore(): IdbStore {
  return createIdbStore(`test-${process.pid}-${++dbCount}`);
}
