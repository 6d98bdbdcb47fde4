import type { Migration } from './migration.ts';

/**
 * The viewer's own records: key images of a case (the view to restore, a caption, their order, and
 * the rendered PNG for reports and slides) and each user's saved hanging layouts.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'viewer',
  sql: `
    CREATE TABLE key_images (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      -- Null for a reformat: no stored instance shows that plane.
      instance_id INTEGER REFERENCES instances (id) ON DELETE CASCADE,
      frame INTEGER NOT NULL DEFAULT 0 CHECK (frame >= 0),
      view TEXT NOT NULL CHECK (json_valid(view)),
      caption TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL,
      png BLOB,
      created_by INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX key_images_case ON key_images (case_id, position);
    CREATE INDEX key_images_series ON key_images (series_id);
    CREATE INDEX key_images_instance ON key_images (instance_id);

    CREATE TABLE viewer_layouts (
      id INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      protocol TEXT NOT NULL CHECK (json_valid(protocol)),
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (user_id, name)
    ) STRICT;
    -- At most one default layout per user.
    CREATE UNIQUE INDEX viewer_layouts_default ON viewer_layouts (user_id) WHERE is_default = 1;
  `,
};
