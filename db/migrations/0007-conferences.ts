import type { Migration } from './migration.ts';

/**
 * The conference: its attendees, an ordered agenda of cases, and the team's decisions. A decision
 * keeps the attendees' names and votes as they were in the room (JSON), so later edits of the
 * attendee list never rewrite what was decided; every recording is a new row, the newest is current.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'conferences',
  sql: `
    CREATE TABLE conferences (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      location TEXT NOT NULL DEFAULT '',
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX conferences_date ON conferences (date DESC);

    CREATE TABLE conference_attendees (
      id INTEGER PRIMARY KEY,
      conference_id INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      discipline TEXT NOT NULL,
      role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'presenter', 'member')),
      position INTEGER NOT NULL,
      UNIQUE (conference_id, name)
    ) STRICT;

    CREATE TABLE agenda_items (
      id INTEGER PRIMARY KEY,
      conference_id INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      UNIQUE (conference_id, case_id)
    ) STRICT;
    CREATE INDEX agenda_items_case ON agenda_items (case_id);

    CREATE TABLE decisions (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      conference_id INTEGER REFERENCES conferences (id) ON DELETE SET NULL,
      recommendation TEXT NOT NULL,
      details TEXT NOT NULL CHECK (json_valid(details)),
      rationale TEXT NOT NULL,
      votes TEXT NOT NULL CHECK (json_valid(votes)),
      actions TEXT NOT NULL CHECK (json_valid(actions)),
      evaluation_version INTEGER NOT NULL,
      decided_by INTEGER NOT NULL REFERENCES users (id),
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX decisions_case ON decisions (case_id, id DESC);
    CREATE INDEX decisions_conference ON decisions (conference_id);
  `,
};
