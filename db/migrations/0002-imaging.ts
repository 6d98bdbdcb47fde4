import type { Migration } from './migration.ts';

/**
 * The imaging index (patient → study → series → instance), studies linked to cases, import runs,
 * and the full-text index of cases. Files live in the managed store; a row exists only once its
 * file is durable there.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'imaging',
  sql: `
    ALTER TABLE patients ADD COLUMN issuer TEXT;

    CREATE TABLE studies (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
      study_uid TEXT NOT NULL UNIQUE,
      study_date TEXT,
      study_time TEXT,
      description TEXT,
      accession TEXT,
      referring_physician TEXT,
      study_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX studies_patient ON studies (patient_id);

    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
      series_uid TEXT NOT NULL UNIQUE,
      modality TEXT,
      series_number INTEGER,
      description TEXT,
      body_part TEXT,
      protocol TEXT,
      plane TEXT CHECK (plane IN ('axial', 'sagittal', 'coronal', 'oblique', 'projection')),
      frame_of_reference_uid TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX series_study ON series (study_id);

    CREATE TABLE instances (
      id INTEGER PRIMARY KEY,
      series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      sop_class_uid TEXT NOT NULL,
      sop_instance_uid TEXT NOT NULL UNIQUE,
      instance_number INTEGER,
      transfer_syntax TEXT NOT NULL,
      rows INTEGER,
      columns INTEGER,
      frames INTEGER NOT NULL DEFAULT 1,
      bits_allocated INTEGER,
      bits_stored INTEGER,
      pixel_representation INTEGER,
      photometric TEXT,
      pixel_spacing TEXT,
      imager_pixel_spacing TEXT,
      slice_thickness REAL,
      image_position TEXT,
      image_orientation TEXT,
      window_center TEXT,
      window_width TEXT,
      rescale_slope REAL,
      rescale_intercept REAL,
      view_position TEXT,
      file_path TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      decodable INTEGER NOT NULL DEFAULT 1,
      warnings TEXT NOT NULL DEFAULT '[]',
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX instances_series ON instances (series_id, instance_number);
    CREATE INDEX instances_sha ON instances (sha256);

    CREATE TABLE case_studies (
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
      linked_at TEXT NOT NULL,
      linked_by INTEGER NOT NULL REFERENCES users (id),
      PRIMARY KEY (case_id, study_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX case_studies_study ON case_studies (study_id);

    CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      user_id INTEGER REFERENCES users (id),
      case_id INTEGER REFERENCES cases (id) ON DELETE SET NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
      summary TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    -- Trigram tokens find parts of words and codes ("4711" in "MRN-4711", "L4-S1").
    CREATE VIRTUAL TABLE case_search USING fts5 (text, tokenize = 'trigram');
  `,
};
