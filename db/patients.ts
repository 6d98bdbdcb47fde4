import type { Database } from 'better-sqlite3';
import type { PatientInput } from '../shared/contract/schemas.ts';
import type { Patient } from '../shared/domain/case.ts';
import type { PatientOnRecord } from '../shared/domain/patient-details.ts';
import { prepared } from './statements.ts';

const COLUMNS = 'id, mrn, name, birth_date AS birthDate, sex';

export function findPatient(db: Database, id: number): Patient | null {
  return prepared<[number], Patient>(db, `SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(id) ?? null;
}

export function findPatientByMrn(db: Database, mrn: string): PatientOnRecord | null {
  const row = prepared<[string], Patient & { fromImaging: number }>(
    db,
    `SELECT ${COLUMNS}, EXISTS (SELECT 1 FROM studies s WHERE s.patient_id = patients.id) AS fromImaging
       FROM patients WHERE mrn = ?`,
  ).get(mrn);
  return row ? { ...row, fromImaging: row.fromImaging === 1 } : null;
}

/**
 * Finds the patient by MRN or creates them; details given here fill or replace the stored ones
 * (a field left out keeps its stored value).
 */
export function upsertPatient(db: Database, input: PatientInput, at: string): Patient {
  prepared(
    db,
    `INSERT INTO patients (mrn, name, birth_date, sex, created_at, updated_at) VALUES (@mrn, @name, @birthDate, @sex, @at, @at)
     ON CONFLICT (mrn) DO UPDATE SET
       name = COALESCE(excluded.name, name),
       birth_date = COALESCE(excluded.birth_date, birth_date),
       sex = COALESCE(excluded.sex, sex),
       updated_at = excluded.updated_at`,
  ).run({
    mrn: input.mrn,
    name: input.name || null,
    birthDate: input.birthDate ?? null,
    sex: input.sex ?? null,
    at,
  });
  return prepared<[string], Patient>(db, `SELECT ${COLUMNS} FROM patients WHERE mrn = ?`).get(input.mrn)!;
}

/**
 * Deletes a patient's row (name, MRN, birth date) when nothing refers to it any more: no case and no
 * stored study. Call in the transaction that removed the last reference. True when deleted.
 */
export function forgetPatientIfUnreferenced(db: Database, id: number): boolean {
  return (
    prepared(
      db,
      `DELETE FROM patients WHERE id = @id
         AND NOT EXISTS (SELECT 1 FROM cases WHERE patient_id = @id)
         AND NOT EXISTS (SELECT 1 FROM studies WHERE patient_id = @id)`,
    ).run({ id }).changes > 0
  );
}
