import type { Database } from 'better-sqlite3';
import type { Attendee, AttendeeRole } from '../shared/conference/types.ts';
import type { Discipline } from '../shared/domain/user.ts';
import { prepared } from './statements.ts';

const COLUMNS = `id, conference_id AS conferenceId, name, discipline, role, position`;

export function listAttendees(db: Database, conferenceId: number): Attendee[] {
  return prepared<[number], Attendee>(
    db,
    `SELECT ${COLUMNS} FROM conference_attendees WHERE conference_id = ? ORDER BY position, id`,
  ).all(conferenceId);
}

export function findAttendee(db: Database, id: number): Attendee | null {
  return (
    prepared<[number], Attendee>(db, `SELECT ${COLUMNS} FROM conference_attendees WHERE id = ?`).get(id) ??
    null
  );
}

export function findAttendeeByName(db: Database, conferenceId: number, name: string): Attendee | null {
  return (
    prepared<[number, string], Attendee>(
      db,
      `SELECT ${COLUMNS} FROM conference_attendees WHERE conference_id = ? AND name = ? COLLATE NOCASE`,
    ).get(conferenceId, name) ?? null
  );
}

export interface NewAttendee {
  conferenceId: number;
  name: string;
  discipline: Discipline;
  role: AttendeeRole;
}

/** Appends at the end of the list. */
export function insertAttendee(db: Database, a: NewAttendee): number {
  const info = prepared(
    db,
    `INSERT INTO conference_attendees (conference_id, name, discipline, role, position)
     VALUES (@conferenceId, @name, @discipline, @role,
       (SELECT coalesce(max(position), 0) + 1 FROM conference_attendees WHERE conference_id = @conferenceId))`,
  ).run(a);
  return Number(info.lastInsertRowid);
}

export function deleteAttendee(db: Database, id: number): void {
  prepared(db, 'DELETE FROM conference_attendees WHERE id = ?').run(id);
}
