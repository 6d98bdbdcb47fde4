import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../db/migrate.ts';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { tempDir } from '../support/temp-backend.ts';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir?.dispose());

const tables = (db: BetterSqlite3.Database): string[] =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('migrations', () => {
  it('numbers migrations by position', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates patients, cases, users, settings and audit_log as STRICT tables', () => {
    dir = tempDir();
    const db = new BetterSqlite3(join(dir.path, 'a.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['audit_log', 'cases', 'patients', 'settings', 'users']);
    const strict = db.prepare<[], { name: string; strict: number }>('PRAGMA table_list').all();
    for (const t of strict.filter((t) => !t.name.startsWith('sqlite_'))) expect(t.strict, t.name).toBe(1);
    // STRICT rejects a wrongly typed value instead of storing it.
    expect(() =>
      db
        .prepare("INSERT INTO users (name, discipline, created_at) VALUES ('A', 'radiology', ?)")
        .run(Buffer.from([1])),
    ).toThrow(/cannot store BLOB/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO cases (title, status, created_by, created_at, updated_at) VALUES ('t', 'lost', 1, '', '')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    db.close();
  });

  it('opens with WAL and foreign keys on, and is idempotent', () => {
    dir = tempDir();
    const file = join(dir.path, 'b.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(() =>
      db
        .prepare("INSERT INTO cases (title, created_by, created_at, updated_at) VALUES ('t', 999, '', '')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    dir = tempDir();
    const file = join(dir.path, 'c.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    const after = new BetterSqlite3(file);
    expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(tables(after)).toEqual(['future']);
    after.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    dir = tempDir();
    const db = new BetterSqlite3(join(dir.path, 'd.sqlite'));
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE ok_so_far (x INTEGER); SELEKT 1;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });
});
