import type { Migration } from './migration.ts';

/**
 * Measurements and annotations drawn on a case's images: the tool, its points in image pixels
 * (so they are redrawn exactly and recomputed if the scale changes), the values computed by the
 * backend with the scale used, the level or screw they describe, and who drew them when. A
 * calibration is a measurement of tool 'calibration' with the object's known size; the newest of a
 * series within a case is that series' calibration.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'measurements',
  sql: `
    CREATE TABLE measurements (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      instance_id INTEGER NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
      frame INTEGER NOT NULL DEFAULT 0 CHECK (frame >= 0),
      tool TEXT NOT NULL,
      points TEXT NOT NULL CHECK (json_valid(points)),
      label TEXT NOT NULL DEFAULT '',
      text TEXT,
      known_mm REAL CHECK (known_mm IS NULL OR known_mm > 0),
      value REAL,
      unit TEXT,
      "values" TEXT NOT NULL DEFAULT '[]' CHECK (json_valid("values")),
      scale TEXT NOT NULL CHECK (json_valid(scale)),
      level TEXT,
      screw_vertebra TEXT,
      screw_side TEXT CHECK (screw_side IS NULL OR screw_side IN ('left', 'right')),
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_by INTEGER NOT NULL REFERENCES users (id),
      updated_at TEXT NOT NULL,
      CHECK ((screw_vertebra IS NULL) = (screw_side IS NULL))
    ) STRICT;
    CREATE INDEX measurements_case ON measurements (case_id, id);
    CREATE INDEX measurements_series ON measurements (series_id, tool);
    CREATE INDEX measurements_instance ON measurements (instance_id);
  `,
};
