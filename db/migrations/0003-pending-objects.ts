import type { Migration } from './migration.ts';

/**
 * A journal of store objects an import is about to add: written (committed) before the files are
 * moved into the store, cleared in the transaction that indexes them. After a crash, only objects
 * named here may be deleted as orphans — never files the database merely doesn't know (a lost or
 * replaced database must not empty the store).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'pending-objects',
  sql: `
    CREATE TABLE pending_objects (
      file_path TEXT NOT NULL,
      import_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
      PRIMARY KEY (file_path, import_id)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE import_runs ADD COLUMN pid INTEGER;
  `,
};
