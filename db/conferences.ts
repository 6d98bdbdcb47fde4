import type { Database } from 'better-sqlite3';
import type { Conference, ConferenceSummary } from '../shared/conference/types.ts';
import { prepared } from './statements.ts';

const COLUMNS = `c.id, c.title, c.date, c.location, u.name AS createdBy, c.created_at AS createdAt,
  c.updated_at AS updatedAt`;

export function findConference(db: Database, id: number): Conference | null {
  return (
    prepared<[number], Conference>(
      db,
      `SELECT ${COLUMNS} FROM conferences c JOIN users u ON u.id = c.created_by WHERE c.id = ?`,
    ).get(id) ?? null
  );
}

/** Newest meeting first, with how many cases and attendees each has. */
export function listConferences(db: Database): ConferenceSummary[] {
  return prepared<[], ConferenceSummary>(
    db,
    `SELECT ${COLUMNS},
       (SELECT count(*) FROM agenda_items a WHERE a.conference_id = c.id) AS caseCount,
       (SELECT count(*) FROM conference_attendees t WHERE t.conference_id = c.id) AS attendeeCount
     FROM conferences c JOIN users u ON u.id = c.created_by
     ORDER BY c.date DESC, c.id DESC LIMIT 500`,
  ).all();
}

export interface NewConference {
  title: string;
  date: string;
  location: string;
  createdBy: number;
  at: string;
}

export function insertConference(db: Database, c: NewConference): number {
  const info = prepared(
    db,
    `INSERT INTO conferences (title, date, location, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(c.title, c.date, c.location, c.createdBy, c.at, c.at);
  return Number(info.lastInsertRowid);
}

export interface ConferenceChanges {
  title?: string;
  date?: string;
  location?: string;
}

export function updateConferenceRow(db: Database, id: number, changes: ConferenceChanges, at: string): void {
  prepared(
    db,
    `UPDATE conferences SET title = coalesce(@title, title), date = coalesce(@date, date),
       location = coalesce(@location, location), updated_at = @at WHERE id = @id`,
  ).run({
    title: changes.title ?? null,
    date: changes.date ?? null,
    location: changes.location ?? null,
    at,
    id,
  });
}

/** Any change to attendees or the agenda is a change of the conference. */
export function touchConference(db: Database, id: number, at: string): void {
  prepared(db, 'UPDATE conferences SET updated_at = ? WHERE id = ?').run(at, id);
}
