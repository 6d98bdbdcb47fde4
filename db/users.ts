import type { Database } from 'better-sqlite3';
import type { Discipline, User } from '../shared/domain/user.ts';
import { prepared } from './statements.ts';

interface UserRow {
  id: number;
  name: string;
  discipline: Discipline;
}

/** Returns the user with this name and discipline, creating them on first sign-in. */
export function upsertUser(db: Database, name: string, discipline: Discipline, at: string): User {
  prepared(
    db,
    'INSERT INTO users (name, discipline, created_at) VALUES (?, ?, ?) ON CONFLICT (name, discipline) DO NOTHING',
  ).run(name, discipline, at);
  return prepared<[string, string], UserRow>(
    db,
    'SELECT id, name, discipline FROM users WHERE name = ? AND discipline = ?',
  ).get(name, discipline)!;
}

export function findUser(db: Database, id: number): User | null {
  return (
    prepared<[number], UserRow>(db, 'SELECT id, name, discipline FROM users WHERE id = ?').get(id) ?? null
  );
}

export function listUsers(db: Database): User[] {
  return prepared<[], UserRow>(
    db,
    'SELECT id, name, discipline FROM users ORDER BY name COLLATE NOCASE',
  ).all();
}
