import type { Migration } from './migration.ts';

/**
 * Measurements that came from the other side of a second opinion: the sender's (on the reviewer's
 * copy of the case) or the reviewer's (merged back into the sender's case). They are drawn like
 * any other but never edited here: origin says whose they are, author_label names their author
 * (a pseudonymous "Sending team", or the reviewer's name and credentials), and source_key makes
 * recreating them from the same bundle or reply a no-op.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'measurement-origin',
  sql: `
    ALTER TABLE measurements ADD COLUMN origin TEXT NOT NULL DEFAULT 'own'
      CHECK (origin IN ('own', 'sender', 'secondOpinion'));
    ALTER TABLE measurements ADD COLUMN author_label TEXT;
    ALTER TABLE measurements ADD COLUMN source_key TEXT;
    CREATE UNIQUE INDEX measurements_source ON measurements (case_id, source_key) WHERE source_key IS NOT NULL;
  `,
};
