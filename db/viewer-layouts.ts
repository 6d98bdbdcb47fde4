import type { Database } from 'better-sqlite3';
import type { HangingProtocol } from '../shared/viewer/hanging-protocol.ts';
import type { SavedLayout } from '../shared/viewer/viewer-types.ts';
import { prepared } from './statements.ts';

/** Each user's saved hanging layouts (table viewer_layouts). */
interface LayoutRow {
  id: number;
  name: string;
  protocol: string;
  isDefault: number;
  updatedAt: string;
}

const toLayout = (r: LayoutRow): SavedLayout => ({
  id: r.id,
  name: r.name,
  protocol: JSON.parse(r.protocol) as HangingProtocol,
  isDefault: r.isDefault === 1,
  updatedAt: r.updatedAt,
});

export function listLayouts(db: Database, userId: number): SavedLayout[] {
  return prepared<[number], LayoutRow>(
    db,
    `SELECT id, name, protocol, is_default AS isDefault, updated_at AS updatedAt
       FROM viewer_layouts WHERE user_id = ? ORDER BY name COLLATE NOCASE`,
  )
    .all(userId)
    .map(toLayout);
}

/** Saves (or replaces, by name) a user's layout; call inside a transaction with setDefaultLayout. */
export function upsertLayout(
  db: Database,
  userId: number,
  name: string,
  protocol: HangingProtocol,
  at: string,
): number {
  prepared(
    db,
    `INSERT INTO viewer_layouts (user_id, name, protocol, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, name) DO UPDATE SET protocol = excluded.protocol, updated_at = excluded.updated_at`,
  ).run(userId, name, JSON.stringify(protocol), at, at);
  return prepared<[number, string], { id: number }>(
    db,
    'SELECT id FROM viewer_layouts WHERE user_id = ? AND name = ?',
  ).get(userId, name)!.id;
}

/** Makes one layout the user's default (null: the built-in protocol). False if it is not theirs. */
export function setDefaultLayout(db: Database, userId: number, layoutId: number | null): boolean {
  if (
    layoutId !== null &&
    !prepared(db, 'SELECT 1 FROM viewer_layouts WHERE id = ? AND user_id = ?').get(layoutId, userId)
  )
    return false;
  prepared(db, 'UPDATE viewer_layouts SET is_default = 0 WHERE user_id = ? AND is_default = 1').run(userId);
  if (layoutId !== null) prepared(db, 'UPDATE viewer_layouts SET is_default = 1 WHERE id = ?').run(layoutId);
  return true;
}

export function deleteLayout(db: Database, userId: number, layoutId: number): boolean {
  return (
    prepared(db, 'DELETE FROM viewer_layouts WHERE id = ? AND user_id = ?').run(layoutId, userId).changes > 0
  );
}
