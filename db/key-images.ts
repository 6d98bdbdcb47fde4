import type { Database } from 'better-sqlite3';
import type { ViewState } from '../shared/viewer/view-state.ts';
import type { KeyImage } from '../shared/viewer/viewer-types.ts';
import { prepared } from './statements.ts';

/** A case's key images (table key_images): the view to restore, caption, order and rendered PNG. */
interface KeyImageRow {
  id: number;
  caseId: number;
  seriesId: number;
  instanceId: number | null;
  frame: number;
  view: string;
  caption: string;
  position: number;
  hasPng: number;
  seriesDescription: string | null;
  modality: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const KEY_IMAGE_SELECT = `SELECT k.id, k.case_id AS caseId, k.series_id AS seriesId, k.instance_id AS instanceId,
    k.frame, k.view, k.caption, k.position, (k.png IS NOT NULL) AS hasPng, se.description AS seriesDescription,
    se.modality, u.name AS createdBy, k.created_at AS createdAt, k.updated_at AS updatedAt
  FROM key_images k JOIN series se ON se.id = k.series_id JOIN users u ON u.id = k.created_by`;

const toKeyImage = ({ view, hasPng, ...r }: KeyImageRow): KeyImage => ({
  ...r,
  view: JSON.parse(view) as ViewState,
  hasPng: hasPng === 1,
});

export function listKeyImages(db: Database, caseId: number): KeyImage[] {
  return prepared<[number], KeyImageRow>(
    db,
    `${KEY_IMAGE_SELECT} WHERE k.case_id = ? ORDER BY k.position, k.id`,
  )
    .all(caseId)
    .map(toKeyImage);
}

export function findKeyImage(db: Database, id: number): KeyImage | null {
  const row = prepared<[number], KeyImageRow>(db, `${KEY_IMAGE_SELECT} WHERE k.id = ?`).get(id);
  return row ? toKeyImage(row) : null;
}

export interface NewKeyImage {
  caseId: number;
  seriesId: number;
  instanceId: number | null;
  frame: number;
  view: ViewState;
  caption: string;
  png: Buffer | null;
  userId: number;
  at: string;
}

/** Appends a key image at the end of the case's list. */
export function insertKeyImage(db: Database, k: NewKeyImage): number {
  const next =
    prepared<[number], { p: number | null }>(
      db,
      'SELECT max(position) AS p FROM key_images WHERE case_id = ?',
    ).get(k.caseId)?.p ?? -1;
  return Number(
    prepared(
      db,
      `INSERT INTO key_images (case_id, series_id, instance_id, frame, view, caption, position, png, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      k.caseId,
      k.seriesId,
      k.instanceId,
      k.frame,
      JSON.stringify(k.view),
      k.caption,
      next + 1,
      k.png,
      k.userId,
      k.at,
      k.at,
    ).lastInsertRowid,
  );
}

export function updateKeyImageRow(
  db: Database,
  id: number,
  changes: { caption?: string; png?: Buffer },
  at: string,
): void {
  if (changes.caption !== undefined)
    prepared(db, 'UPDATE key_images SET caption = ?, updated_at = ? WHERE id = ?').run(
      changes.caption,
      at,
      id,
    );
  if (changes.png !== undefined)
    prepared(db, 'UPDATE key_images SET png = ?, updated_at = ? WHERE id = ?').run(changes.png, at, id);
}

/** Sets the order of a case's key images; `ids` must be exactly the case's key images. */
export function reorderKeyImages(db: Database, caseId: number, ids: readonly number[]): boolean {
  const current = listKeyImages(db, caseId).map((k) => k.id);
  if (
    current.length !== ids.length ||
    new Set(ids).size !== ids.length ||
    !ids.every((id) => current.includes(id))
  )
    return false;
  ids.forEach((id, position) =>
    prepared(db, 'UPDATE key_images SET position = ? WHERE id = ? AND case_id = ?').run(position, id, caseId),
  );
  return true;
}

export function deleteKeyImageRow(db: Database, id: number): void {
  prepared(db, 'DELETE FROM key_images WHERE id = ?').run(id);
}

export function keyImagePng(db: Database, id: number): Buffer | null {
  return (
    prepared<[number], { png: Buffer | null }>(db, 'SELECT png FROM key_images WHERE id = ?').get(id)?.png ??
    null
  );
}
