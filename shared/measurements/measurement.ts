import type { MeasurementTool } from './tools.ts';
import type { ImagePoint, MeasuredValue, MeasureScale, ScrewTag } from './types.ts';

/**
 * Whose a measurement is: drawn here ('own'), the sender's that came with a second-opinion case
 * ('sender'), or the reviewer's merged back from a reply ('secondOpinion'). Only own ones can change.
 */
export type MeasurementOrigin = 'own' | 'sender' | 'secondOpinion';

/** A stored measurement: where it was drawn, what it measured, who drew it. */
export interface Measurement {
  id: number;
  caseId: number;
  seriesId: number;
  instanceId: number;
  frame: number;
  tool: MeasurementTool;
  points: ImagePoint[];
  label: string;
  /** Arrow and free-text annotations. */
  text: string | null;
  /** The calibration tool: the object's true size. */
  knownMm: number | null;
  value: number | null;
  unit: string | null;
  values: MeasuredValue[];
  /** The scale the values were computed with (source and caveat are shown with them). */
  scale: MeasureScale;
  /** A vertebra (L4) or a motion segment (L3-L4). */
  level: string | null;
  screw: ScrewTag | null;
  seriesDescription: string | null;
  modality: string | null;
  /** The user who drew it, or for another side's measurement their label ("Sending team", a reviewer). */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  origin: MeasurementOrigin;
}

/** Flexion/extension motion of one level from two segment measurements on different films. */
export interface MeasuredMotion {
  level: string;
  measurementIds: [number, number];
  translationMm: number;
  angleDeg: number;
  /** Translation is in mm only when both films have a scale; else pixels. */
  unit: 'mm' | 'px';
  exceedsFusedLimit: boolean;
  exceedsMobileLimit: boolean;
  mobileAngleLimitDeg: number;
}

export interface CaseMeasurements {
  caseId: number;
  readOnly: boolean;
  measurements: Measurement[];
  motions: MeasuredMotion[];
}
