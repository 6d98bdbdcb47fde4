import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrate.ts';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron passes its own build). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens (creating if needed) the case database with the pragmas every connection needs, then migrates. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable in WAL mode except for the last transactions on power loss; FULL keeps those too.
      db.pragma('synchronous = FULL');
      migrate(db);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export type { Database };
