import type { Database } from 'better-sqlite3';
import { listCaseMeasurements } from '../../../db/measurements.ts';

/**
 * A case's measurements as a bundle carries them: image coordinates on stored instances, which the
 * bundle writers remap to the bundle's SOP Instance UIDs.
 */
export interface StoredMeasurement {
  instanceId: number;
  frame: number;
  kind: string;
  label: string;
  /** Image coordinates (column, row) in pixels of the referenced frame. */
  points: { x: number; y: number }[];
  value: number | null;
  unit: string | null;
  level: string | null;
  text: string | null;
  knownMm: number | null;
  screw: { vertebra: string; side: 'left' | 'right' } | null;
  author: string;
}

/** Only the case's own measurements travel: never those that came from the other side. */
export const caseMeasurements = (db: Database, caseId: number): StoredMeasurement[] =>
  listCaseMeasurements(db, caseId)
    .filter((m) => m.origin === 'own')
    .map((m) => ({
      instanceId: m.instanceId,
      frame: m.frame,
      kind: m.tool,
      label: m.label,
      points: m.points.map(([x, y]) => ({ x, y })),
      value: m.value,
      unit: m.unit,
      level: m.level,
      text: m.text,
      knownMm: m.knownMm,
      screw: m.screw,
      author: m.createdBy,
    }));
