// The only openDB call: the upgrade ladder and the blocked/blocking handshake between tabs.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type SandboxDB } from './schema';

export type SandboxDatabase = IDBPDatabase<SandboxDB>;

export interface OpenHooks {
  /** An older version of the app holds the database open in another tab: the upgrade waits. */
  onBlocked?(): void;
  /** A newer version wants to upgrade: this connection closed itself and must be reopened. */
  onBlocking?(): void;
}

/**
 * Opens (and upgrades) the database. The ladder runs every rung above the stored version, so a
 * database from any past version arrives at DB_VERSION with its data intact.
 */
export function openSandboxDb(name = DB_NAME, hooks: OpenHooks = {}, version = DB_VERSION): Promise<SandboxDatabase> {
  return openDB<SandboxDB>(name, version, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('attempts', { keyPath: 'id' });
        db.createObjectStore('journal', { keyPath: ['attemptId', 'seq'] }).createIndex('byAttempt', 'attemptId');
        db.createObjectStore('snapshots', { keyPath: ['attemptId', 'seq'] }).createIndex('byAttempt', 'attemptId');
        db.createObjectStore('settings');
      }
      if (oldVersion < 2 && version >= 2) {
        db.createObjectStore('progress', { keyPath: 'labId' });
        db.createObjectStore('terminal', { keyPath: ['attemptId', 'session'] }).createIndex('byAttempt', 'attemptId');
        db.createObjectStore('customLabs', { keyPath: 'id' });
      }
    },
    blocked() {
      hooks.onBlocked?.();
    },
    blocking(_current, _next, event) {
      // A newer version of the app opened the database in another tab: step aside.
      (event.target as IDBDatabase | null)?.close();
      hooks.onBlocking?.();
    },
  });
}
