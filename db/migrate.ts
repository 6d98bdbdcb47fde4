import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export class DatabaseTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer version of Spine Case Review (schema ${found}; this version reads up to ${supported}). Update the app; the database was not changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings the database to the latest schema in one transaction: either every pending migration
 * applies, or none does and the file is untouched.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}`);
  });
  const target = migrations.length;
  const current = schemaVersion(db);
  if (current > target) throw new DatabaseTooNewError(current, target);
  if (current === target) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current)) db.exec(m.sql);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}

export { LATEST_SCHEMA_VERSION };
