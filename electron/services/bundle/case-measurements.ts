import type { Database } from 'better-sqlite3';

/**
 * The one seam between bundles and the measurement store (added by the measurements work in
 * parallel): a case's measurements in image coordinates on stored instances. Bundles read them
 * through `caseMeasurements` and remap each instance's SOP Instance UID with the bundle's UID map.
 * Until that repository is wired here, a case has no measurements to send.
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

export type MeasurementSource = (db: Database, caseId: number) => StoredMeasurement[];

let source: MeasurementSource = () => [];

/** Wires the measurement repository (one call at start-up, where the backend is created). */
export function useMeasurementSource(next: MeasurementSource): void {
  source = next;
}

export const caseMeasurements = (db: Database, caseId: number): StoredMeasurement[] => source(db, caseId);
