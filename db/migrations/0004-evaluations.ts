import type { Migration } from './migration.ts';

/**
 * The structured evaluation of a case: one current JSON document per case (what the form shows)
 * and every save kept as a numbered version with its author and time (history, diff, concurrency).
 * Documents are stored as written by the form core (shared/evaluation), schema-versioned, and
 * migrated on read; invalid field values are kept so the form can report them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'evaluations',
  sql: `
    CREATE TABLE evaluations (
      case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      schema_version INTEGER NOT NULL,
      document TEXT NOT NULL CHECK (json_valid(document)),
      version INTEGER NOT NULL CHECK (version >= 1),
      updated_by INTEGER NOT NULL REFERENCES users (id),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE evaluation_versions (
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      version INTEGER NOT NULL CHECK (version >= 1),
      schema_version INTEGER NOT NULL,
      document TEXT NOT NULL CHECK (json_valid(document)),
      author_id INTEGER NOT NULL REFERENCES users (id),
      saved_at TEXT NOT NULL,
      changed_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changed_fields)),
      PRIMARY KEY (case_id, version)
    ) STRICT, WITHOUT ROWID;
  `,
};
