import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface BundleExportRow {
  id: number;
  caseId: number;
  pseudonym: string;
  options: string;
  instanceCount: number;
  sha256: string;
  encrypted: boolean;
  createdBy: string;
  createdAt: string;
}

export interface NewBundleExport {
  caseId: number;
  pseudonym: string;
  options: Record<string, unknown>;
  instanceCount: number;
  sha256: string;
  encrypted: boolean;
  userId: number;
  at: string;
}

/** Records a sent bundle with its UID mapping (bundle UID → original); call inside a transaction. */
export function insertBundleExport(
  db: Database,
  e: NewBundleExport,
  uids: readonly [string, string][],
): number {
  const id = Number(
    prepared(
      db,
      `INSERT INTO bundle_exports (case_id, pseudonym, options, instance_count, sha256, encrypted, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.caseId,
      e.pseudonym,
      JSON.stringify(e.options),
      e.instanceCount,
      e.sha256,
      e.encrypted ? 1 : 0,
      e.userId,
      e.at,
    ).lastInsertRowid,
  );
  const add = prepared(db, 'INSERT INTO bundle_uids (export_id, bundle_uid, original_uid) VALUES (?, ?, ?)');
  for (const [original, replacement] of uids) add.run(id, replacement, original);
  return id;
}

const SELECT = `SELECT b.id, b.case_id AS caseId, b.pseudonym, b.options, b.instance_count AS instanceCount,
    b.sha256, b.encrypted, u.name AS createdBy, b.created_at AS createdAt
  FROM bundle_exports b JOIN users u ON u.id = b.created_by`;

type Raw = Omit<BundleExportRow, 'encrypted'> & { encrypted: number };
const toRow = (r: Raw): BundleExportRow => ({ ...r, encrypted: r.encrypted === 1 });

export const bundleExportsOfCase = (db: Database, caseId: number): BundleExportRow[] =>
  prepared<[number], Raw>(db, `${SELECT} WHERE b.case_id = ? ORDER BY b.id`).all(caseId).map(toRow);

export function bundleExportByPseudonym(db: Database, pseudonym: string): BundleExportRow | null {
  const r = prepared<[string], Raw>(db, `${SELECT} WHERE b.pseudonym = ?`).get(pseudonym);
  return r ? toRow(r) : null;
}

/** The original UID behind a bundle UID of one export, or null if the bundle never held it. */
export const originalUid = (db: Database, exportId: number, bundleUid: string): string | null =>
  prepared<[number, string], { uid: string }>(
    db,
    'SELECT original_uid AS uid FROM bundle_uids WHERE export_id = ? AND bundle_uid = ?',
  ).get(exportId, bundleUid)?.uid ?? null;
