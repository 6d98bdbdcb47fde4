import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-imaging.ts';
import { migration0003 } from './0003-pending-objects.ts';
import { migration0004 } from './0004-evaluations.ts';
import { migration0005 } from './0005-viewer.ts';
import { migration0006 } from './0006-measurements.ts';
import { migration0007 } from './0007-conferences.ts';
import { migration0008 } from './0008-second-opinion.ts';
import { migration0009 } from './0009-pacs-archives.ts';
import { migration0010 } from './0010-audit-append-only.ts';
import { migration0011 } from './0011-measurement-origin.ts';
import type { Migration } from './migration.ts';

/** Applied in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
