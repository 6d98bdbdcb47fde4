import type { Migration } from './migration.ts';

/** Patients, cases, users, settings and the audit trail. Never edit once shipped: add a migration. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      discipline TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (name, discipline)
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE patients (
      id INTEGER PRIMARY KEY,
      mrn TEXT NOT NULL UNIQUE,
      name TEXT,
      birth_date TEXT,
      sex TEXT CHECK (sex IN ('F', 'M', 'O', 'U')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'ready', 'presented', 'decided', 'archived')),
      status_before_archive TEXT,
      clinical_question TEXT NOT NULL DEFAULT '',
      patient_id INTEGER REFERENCES patients (id) ON DELETE RESTRICT,
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_patient ON cases (patient_id);
    CREATE INDEX cases_status_updated ON cases (status, updated_at);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_id INTEGER NOT NULL REFERENCES users (id),
      action TEXT NOT NULL,
      case_id INTEGER REFERENCES cases (id) ON DELETE SET NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_case ON audit_log (case_id, at);
  `,
};
