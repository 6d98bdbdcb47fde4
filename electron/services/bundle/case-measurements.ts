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
  author: string;
}

export const caseMeasurements = (db: Database, caseId: number): StoredMeasurement[] =>
  listCaseMeasurements(db, caseId).map((m) => ({
    instanceId: m.instanceId,
    frame: m.frame,
    kind: m.tool,
    label: m.label,
    points: m.points.map(([x, y]) => ({ x, y })),
    value: m.value,
    unit: m.unit,
    level: m.level,
    author: m.createdBy,
  }));
