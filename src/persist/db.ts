// The only openDB call: the upgrade ladder and the blocked/blocking handshake between tabs.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type SandboxDB } from './schema';

export type SandboxDatabase = IDBPDatabase<SandboxDB>;

export function openSandboxDb(name = DB_NAME): Promise<SandboxDatabase> {
  return openDB<SandboxDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('attempts', { keyPath: 'id' });
        db.createObjectStore('journal', { keyPath: ['attemptId', 'seq'] }).createIndex('byAttempt', 'attemptId');
        db.createObjectStore('snapshots', { keyPath: ['attemptId', 'seq'] }).createIndex('byAttempt', 'attemptId');
        db.createObjectStore('settings');
      }
    },
    blocking(_current, _next, event) {
      // A newer version of the app opened the database in another tab: step aside.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
