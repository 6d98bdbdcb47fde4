import type { Database } from 'better-sqlite3';
import type { InstanceHeader } from '../shared/imaging/header.ts';
import { planeOf } from '../shared/imaging/header.ts';
import { prepared } from './statements.ts';

export interface StoredFile {
  filePath: string;
  fileSize: number;
  sha256: string;
  decodable: boolean;
  warnings: string[];
}

export type IndexOutcome =
  { kind: 'imported'; studyId: number } | { kind: 'duplicate' } | { kind: 'conflict' };

const json = (v: unknown): string | null => (v === null ? null : JSON.stringify(v));

/** Imaging never overwrites what a user typed for a patient: it only fills gaps. */
function patientIdFor(db: Database, p: InstanceHeader['patient'], at: string): number {
  prepared(
    db,
    `INSERT INTO patients (mrn, issuer, name, birth_date, sex, created_at, updated_at)
     VALUES (@mrn, @issuer, @name, @birthDate, @sex, @at, @at)
     ON CONFLICT (mrn) DO UPDATE SET
       name = COALESCE(name, excluded.name), birth_date = COALESCE(birth_date, excluded.birth_date),
       sex = COALESCE(sex, excluded.sex), issuer = COALESCE(issuer, excluded.issuer)`,
  ).run({ mrn: p.id, issuer: p.issuer, name: p.name, birthDate: p.birthDate, sex: p.sex, at });
  return prepared<[string], { id: number }>(db, 'SELECT id FROM patients WHERE mrn = ?').get(p.id)!.id;
}

function studyIdFor(db: Database, patientId: number, s: InstanceHeader['study'], at: string): number {
  const found = prepared<[string], { id: number }>(db, 'SELECT id FROM studies WHERE study_uid = ?').get(
    s.uid,
  );
  if (found) return found.id;
  return Number(
    prepared(
      db,
      `INSERT INTO studies (patient_id, study_uid, study_date, study_time, description, accession, referring_physician, study_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(patientId, s.uid, s.date, s.time, s.description, s.accession, s.referringPhysician, s.studyId, at)
      .lastInsertRowid,
  );
}

function seriesIdFor(db: Database, studyId: number, h: InstanceHeader, at: string): number {
  const s = h.series;
  const found = prepared<[string], { id: number }>(db, 'SELECT id FROM series WHERE series_uid = ?').get(
    s.uid,
  );
  if (found) return found.id;
  const plane = planeOf(h.instance.imageOrientation, s.modality);
  return Number(
    prepared(
      db,
      `INSERT INTO series (study_id, series_uid, modality, series_number, description, body_part, protocol, plane, frame_of_reference_uid, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      studyId,
      s.uid,
      s.modality,
      s.number,
      s.description,
      s.bodyPart,
      s.protocol,
      plane,
      s.frameOfReferenceUid,
      at,
    ).lastInsertRowid,
  );
}

/**
 * Indexes one stored instance. Same SOP Instance UID with the same bytes is a duplicate; with other
 * bytes it is a conflict: the original is kept and nothing is written.
 */
export function indexInstance(db: Database, h: InstanceHeader, file: StoredFile, at: string): IndexOutcome {
  const existing = prepared<[string], { sha256: string }>(
    db,
    'SELECT sha256 FROM instances WHERE sop_instance_uid = ?',
  ).get(h.instance.sopInstanceUid);
  if (existing) return existing.sha256 === file.sha256 ? { kind: 'duplicate' } : { kind: 'conflict' };
  const patientId = patientIdFor(db, h.patient, at);
  const studyId = studyIdFor(db, patientId, h.study, at);
  const seriesId = seriesIdFor(db, studyId, h, at);
  const i = h.instance;
  prepared(
    db,
    `INSERT INTO instances (series_id, sop_class_uid, sop_instance_uid, instance_number, transfer_syntax, rows, columns,
       frames, bits_allocated, bits_stored, pixel_representation, photometric, pixel_spacing, imager_pixel_spacing,
       slice_thickness, image_position, image_orientation, window_center, window_width, rescale_slope, rescale_intercept,
       view_position, file_path, file_size, sha256, decodable, warnings, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seriesId,
    i.sopClassUid,
    i.sopInstanceUid,
    i.number,
    i.transferSyntax,
    i.rows,
    i.columns,
    i.frames,
    i.bitsAllocated,
    i.bitsStored,
    i.pixelRepresentation,
    i.photometric,
    json(i.pixelSpacing),
    json(i.imagerPixelSpacing),
    i.sliceThickness,
    json(i.imagePosition),
    json(i.imageOrientation),
    json(i.windowCenter),
    json(i.windowWidth),
    i.rescaleSlope,
    i.rescaleIntercept,
    i.viewPosition,
    file.filePath,
    file.fileSize,
    file.sha256,
    file.decodable ? 1 : 0,
    JSON.stringify(file.warnings),
    at,
  );
  return { kind: 'imported', studyId };
}

export function isReferenced(db: Database, filePath: string): boolean {
  return !!prepared<[string], { x: number }>(
    db,
    'SELECT 1 AS x FROM instances WHERE file_path = ? LIMIT 1',
  ).get(filePath);
}
