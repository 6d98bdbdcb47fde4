import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export function getSetting(db: Database, key: string): string | null {
  const row = prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function setSetting(db: Database, key: string, value: string | null): void {
  if (value === null) prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else
    prepared(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}
