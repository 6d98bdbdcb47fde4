import type { Database } from 'better-sqlite3';
import type { InstanceGeometry, SeriesGeometry, ViewerSeries } from '../shared/viewer/viewer-types.ts';
import { prepared } from './statements.ts';

/** Fewest parallel slices worth reformatting. */
const MIN_VOLUME_SLICES = 8;

interface SeriesRow {
  seriesId: number;
  studyId: number;
  studyDate: string | null;
  studyDescription: string | null;
  patientName: string | null;
  mrn: string;
  birthDate: string | null;
  sex: string | null;
  modality: string | null;
  seriesNumber: number | null;
  description: string | null;
  bodyPart: string | null;
  plane: string | null;
  frameOfReferenceUid: string | null;
  viewPosition: string | null;
  imageCount: number;
  frameCount: number;
  notDisplayable: number;
  volumetric: number;
}

/**
 * Every series of the studies linked to a case, newest study first. A series is volumetric when
 * all its images are single frames of one size, orientation and pixel spacing, each at its own
 * position, not projections, and there are enough of them.
 */
export function caseViewerSeries(db: Database, caseId: number): ViewerSeries[] {
  return prepared<[number, number], SeriesRow>(
    db,
    `SELECT se.id AS seriesId, st.id AS studyId, st.study_date AS studyDate, st.description AS studyDescription,
        p.name AS patientName, p.mrn, p.birth_date AS birthDate, p.sex,
        se.modality, se.series_number AS seriesNumber, se.description, se.body_part AS bodyPart, se.plane,
        se.frame_of_reference_uid AS frameOfReferenceUid,
        (SELECT i.view_position FROM instances i WHERE i.series_id = se.id AND i.view_position IS NOT NULL
          GROUP BY i.view_position ORDER BY count(*) DESC LIMIT 1) AS viewPosition,
        agg.imageCount, agg.frameCount, agg.notDisplayable,
        (coalesce(se.plane, '') NOT IN ('projection', '') AND agg.imageCount >= ?
          AND agg.frameCount = agg.imageCount AND agg.positions = agg.imageCount
          AND agg.orientations = 1 AND agg.sizes = 1 AND agg.spacings = 1 AND agg.notDisplayable = 0) AS volumetric
      FROM case_studies cs
      JOIN studies st ON st.id = cs.study_id
      JOIN patients p ON p.id = st.patient_id
      JOIN series se ON se.study_id = st.id
      JOIN (SELECT series_id, count(*) AS imageCount, sum(frames) AS frameCount,
              sum(decodable = 0) AS notDisplayable, count(DISTINCT image_position) AS positions,
              count(DISTINCT image_orientation) AS orientations,
              count(DISTINCT rows || 'x' || columns) AS sizes, count(DISTINCT pixel_spacing) AS spacings
            FROM instances GROUP BY series_id) agg ON agg.series_id = se.id
      WHERE cs.case_id = ?
      ORDER BY st.study_date DESC, st.id, se.series_number, se.id`,
  )
    .all(MIN_VOLUME_SLICES, caseId)
    .map(({ patientName, mrn, birthDate, sex, volumetric, ...r }) => ({
      ...r,
      patient: { name: patientName, mrn, birthDate, sex },
      volumetric: volumetric === 1,
    }));
}

interface InstanceRow {
  instanceId: number;
  instanceNumber: number | null;
  frames: number;
  rows: number | null;
  columns: number | null;
  imagePosition: string | null;
  imageOrientation: string | null;
  pixelSpacing: string | null;
  imagerPixelSpacing: string | null;
  sliceThickness: number | null;
  windowCenter: string | null;
  windowWidth: string | null;
  rescaleSlope: number | null;
  rescaleIntercept: number | null;
  photometric: string | null;
  transferSyntax: string;
  viewPosition: string | null;
  decodable: number;
}

const numbers = (json: string | null): number[] | null => {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) && v.every((n) => typeof n === 'number') ? v : null;
};

/** The instances of a series with their geometry, in Instance Number order; null if no such series. */
export function seriesGeometry(db: Database, seriesId: number): SeriesGeometry | null {
  const series = prepared<[number], { modality: string | null; frameOfReferenceUid: string | null }>(
    db,
    'SELECT modality, frame_of_reference_uid AS frameOfReferenceUid FROM series WHERE id = ?',
  ).get(seriesId);
  if (!series) return null;
  const rows = prepared<[number], InstanceRow>(
    db,
    `SELECT id AS instanceId, instance_number AS instanceNumber, frames, rows, columns,
        image_position AS imagePosition, image_orientation AS imageOrientation, pixel_spacing AS pixelSpacing,
        imager_pixel_spacing AS imagerPixelSpacing, slice_thickness AS sliceThickness,
        window_center AS windowCenter, window_width AS windowWidth, rescale_slope AS rescaleSlope,
        rescale_intercept AS rescaleIntercept, photometric, transfer_syntax AS transferSyntax,
        view_position AS viewPosition, decodable
      FROM instances WHERE series_id = ? AND rows IS NOT NULL ORDER BY instance_number, id`,
  ).all(seriesId);
  const instances: InstanceGeometry[] = rows.map((r) => {
    const centers = numbers(r.windowCenter) ?? [];
    const widths = numbers(r.windowWidth) ?? [];
    return {
      instanceId: r.instanceId,
      instanceNumber: r.instanceNumber,
      frames: r.frames,
      rows: r.rows,
      columns: r.columns,
      imagePosition: numbers(r.imagePosition),
      imageOrientation: numbers(r.imageOrientation),
      pixelSpacing: numbers(r.pixelSpacing),
      imagerPixelSpacing: numbers(r.imagerPixelSpacing),
      sliceThickness: r.sliceThickness,
      windows: centers
        .map((center, i) => ({ center, width: widths[i] ?? 0, explanation: null }))
        .filter((w) => w.width > 0),
      rescaleSlope: r.rescaleSlope,
      rescaleIntercept: r.rescaleIntercept,
      photometric: r.photometric,
      transferSyntax: r.transferSyntax,
      viewPosition: r.viewPosition,
      decodable: r.decodable === 1,
    };
  });
  return { seriesId, modality: series.modality, frameOfReferenceUid: series.frameOfReferenceUid, instances };
}

export const seriesExists = (db: Database, seriesId: number): boolean =>
  !!prepared(db, 'SELECT 1 FROM series WHERE id = ?').get(seriesId);

/** The series an instance belongs to, or null. */
export const seriesOfInstance = (db: Database, instanceId: number): number | null =>
  prepared<[number], { seriesId: number }>(
    db,
    'SELECT series_id AS seriesId FROM instances WHERE id = ?',
  ).get(instanceId)?.seriesId ?? null;

/** Whether one of the case's linked studies holds the series. */
export const caseHasSeries = (db: Database, caseId: number, seriesId: number): boolean =>
  !!prepared(
    db,
    `SELECT 1 FROM series se JOIN case_studies cs ON cs.study_id = se.study_id
      WHERE cs.case_id = ? AND se.id = ?`,
  ).get(caseId, seriesId);
