import type { Migration } from './migration.ts';

/**
 * Second opinions. Sender side: each de-identified bundle sent (its pseudonymous case ID and the
 * UID mapping, kept only here) and the replies merged back. Reviewer side: the cases that arrived
 * in a bundle (the sender's part read-only) and the reviewer's own opinion.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'second-opinion',
  sql: `
    CREATE TABLE bundle_exports (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      pseudonym TEXT NOT NULL UNIQUE,
      options TEXT NOT NULL CHECK (json_valid(options)),
      instance_count INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bundle_exports_case ON bundle_exports (case_id);

    CREATE TABLE bundle_uids (
      export_id INTEGER NOT NULL REFERENCES bundle_exports (id) ON DELETE CASCADE,
      bundle_uid TEXT NOT NULL,
      original_uid TEXT NOT NULL,
      PRIMARY KEY (export_id, bundle_uid)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE second_opinion_replies (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      export_id INTEGER NOT NULL REFERENCES bundle_exports (id) ON DELETE CASCADE,
      -- The reply document's hash: the same reply imported twice is one row.
      sha256 TEXT NOT NULL UNIQUE,
      reply TEXT NOT NULL CHECK (json_valid(reply)),
      received_by INTEGER NOT NULL REFERENCES users (id),
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX second_opinion_replies_case ON second_opinion_replies (case_id);

    CREATE TABLE second_opinion_requests (
      case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      pseudonym TEXT NOT NULL UNIQUE,
      bundle_sha256 TEXT NOT NULL,
      -- The sender's case as it arrived (evaluation, key images, measurements): never edited.
      sender TEXT NOT NULL CHECK (json_valid(sender)),
      received_by INTEGER NOT NULL REFERENCES users (id),
      received_at TEXT NOT NULL,
      -- The reviewer's own opinion; null until first saved.
      opinion TEXT CHECK (opinion IS NULL OR json_valid(opinion)),
      opinion_updated_at TEXT,
      replied_at TEXT
    ) STRICT;
  `,
};
