import type { Migration } from './migration.ts';

/**
 * Hospital archives (PACS) this installation talks to: a name and the connection settings (JSON,
 * validated by the contract). Passwords and tokens are never stored here: they live in the host's
 * secret store (Electron safeStorage, or an owner-only file for the browser host).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'pacs-archives',
  sql: `
    CREATE TABLE pacs_archives (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      connection TEXT NOT NULL CHECK (json_valid(connection)),
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
