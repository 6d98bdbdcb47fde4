import type { Database } from 'better-sqlite3';
import type { Measurement, MeasurementOrigin } from '../shared/measurements/measurement.ts';
import type { MeasurementTool } from '../shared/measurements/tools.ts';
import type { ImagePoint, MeasuredValue, MeasureScale, ScrewTag } from '../shared/measurements/types.ts';
import { prepared } from './statements.ts';
import { upgradeSpinopelvicPoints } from '../shared/measurements/spinopelvic.ts';

interface MeasurementRow {
  id: number;
  caseId: number;
  seriesId: number;
  instanceId: number;
  frame: number;
  tool: string;
  points: string;
  label: string;
  text: string | null;
  knownMm: number | null;
  value: number | null;
  unit: string | null;
  valuesJson: string;
  scale: string;
  level: string | null;
  screwVertebra: string | null;
  screwSide: string | null;
  seriesDescription: string | null;
  modality: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  origin: MeasurementOrigin;
}

const SELECT = `SELECT m.id, m.case_id AS caseId, m.series_id AS seriesId, m.instance_id AS instanceId, m.frame,
    m.tool, m.points, m.label, m.text, m.known_mm AS knownMm, m.value, m.unit, m."values" AS valuesJson, m.scale,
    m.level, m.screw_vertebra AS screwVertebra, m.screw_side AS screwSide,
    se.description AS seriesDescription, se.modality, COALESCE(m.author_label, u.name) AS createdBy,
    m.created_at AS createdAt, m.updated_at AS updatedAt, m.origin
  FROM measurements m JOIN series se ON se.id = m.series_id JOIN users u ON u.id = m.created_by`;

const toMeasurement = (r: MeasurementRow): Measurement => ({
  id: r.id,
  caseId: r.caseId,
  seriesId: r.seriesId,
  instanceId: r.instanceId,
  frame: r.frame,
  tool: r.tool as MeasurementTool,
  points:
    r.tool === 'spinopelvic'
      ? upgradeSpinopelvicPoints(JSON.parse(r.points) as ImagePoint[])
      : (JSON.parse(r.points) as ImagePoint[]),
  label: r.label,
  text: r.text,
  knownMm: r.knownMm,
  value: r.value,
  unit: r.unit,
  values: JSON.parse(r.valuesJson) as MeasuredValue[],
  scale: JSON.parse(r.scale) as MeasureScale,
  level: r.level,
  screw:
    r.screwVertebra && r.screwSide ? ({ vertebra: r.screwVertebra, side: r.screwSide } as ScrewTag) : null,
  seriesDescription: r.seriesDescription,
  modality: r.modality,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  origin: r.origin,
});

/** A case's measurements in the order they were made: what every surface that shows one reads. */
export function listCaseMeasurements(db: Database, caseId: number): Measurement[] {
  return prepared<[number], MeasurementRow>(db, `${SELECT} WHERE m.case_id = ? ORDER BY m.id`)
    .all(caseId)
    .map(toMeasurement);
}

export function findMeasurement(db: Database, id: number): Measurement | null {
  const row = prepared<[number], MeasurementRow>(db, `${SELECT} WHERE m.id = ?`).get(id);
  return row ? toMeasurement(row) : null;
}

/**
 * The newest calibration of a series within a case, or null. A measurement is sized with the
 * calibrations its own side could see: the reviewer's with the sender's too, the sender's only with
 * theirs, a second opinion merged back only with the reviewer's.
 */
export function seriesCalibration(
  db: Database,
  caseId: number,
  seriesId: number,
  origin: MeasurementOrigin = 'own',
): Measurement | null {
  const seen = origin === 'own' ? ['own', 'sender'] : [origin];
  const row = prepared<[number, number, string, string], MeasurementRow>(
    db,
    `${SELECT} WHERE m.case_id = ? AND m.series_id = ? AND m.tool = 'calibration' AND m.origin IN (?, ?)
      ORDER BY m.id DESC LIMIT 1`,
  ).get(caseId, seriesId, seen[0]!, seen[1] ?? seen[0]!);
  return row ? toMeasurement(row) : null;
}

/** What a measurement stores besides its identity; the backend computes value, unit, values and scale. */
export interface MeasurementContent {
  points: readonly ImagePoint[];
  label: string;
  text: string | null;
  knownMm: number | null;
  value: number | null;
  unit: string | null;
  values: readonly MeasuredValue[];
  scale: MeasureScale;
  level: string | null;
  screw: ScrewTag | null;
}

export interface NewMeasurement extends MeasurementContent {
  caseId: number;
  seriesId: number;
  instanceId: number;
  frame: number;
  tool: MeasurementTool;
  userId: number;
  at: string;
  /** Another side's measurement (second opinion): whose, its author's label, and its source key. */
  foreign?: { origin: Exclude<MeasurementOrigin, 'own'>; authorLabel: string; sourceKey: string };
}

/** Whether a measurement recreated from this source is already in the case. */
export const hasMeasurementSource = (db: Database, caseId: number, sourceKey: string): boolean =>
  prepared<[number, string], { one: number }>(
    db,
    'SELECT 1 AS one FROM measurements WHERE case_id = ? AND source_key = ?',
  ).get(caseId, sourceKey) !== undefined;

export function insertMeasurement(db: Database, m: NewMeasurement): number {
  return Number(
    prepared(
      db,
      `INSERT INTO measurements (case_id, series_id, instance_id, frame, tool, points, label, text, known_mm,
         value, unit, "values", scale, level, screw_vertebra, screw_side, created_by, created_at, updated_by, updated_at,
         origin, author_label, source_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      m.caseId,
      m.seriesId,
      m.instanceId,
      m.frame,
      m.tool,
      JSON.stringify(m.points),
      m.label,
      m.text,
      m.knownMm,
      m.value,
      m.unit,
      JSON.stringify(m.values),
      JSON.stringify(m.scale),
      m.level,
      m.screw?.vertebra ?? null,
      m.screw?.side ?? null,
      m.userId,
      m.at,
      m.userId,
      m.at,
      m.foreign?.origin ?? 'own',
      m.foreign?.authorLabel ?? null,
      m.foreign?.sourceKey ?? null,
    ).lastInsertRowid,
  );
}

export function updateMeasurementRow(
  db: Database,
  id: number,
  c: MeasurementContent,
  userId: number,
  at: string,
): void {
  prepared(
    db,
    `UPDATE measurements SET points = ?, label = ?, text = ?, known_mm = ?, value = ?, unit = ?, "values" = ?,
       scale = ?, level = ?, screw_vertebra = ?, screw_side = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
  ).run(
    JSON.stringify(c.points),
    c.label,
    c.text,
    c.knownMm,
    c.value,
    c.unit,
    JSON.stringify(c.values),
    JSON.stringify(c.scale),
    c.level,
    c.screw?.vertebra ?? null,
    c.screw?.side ?? null,
    userId,
    at,
    id,
  );
}

export function deleteMeasurementRow(db: Database, id: number): void {
  prepared(db, 'DELETE FROM measurements WHERE id = ?').run(id);
}
