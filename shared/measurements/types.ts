import type { DisplaySpacing } from '../viewer/spacing.ts';

/** A point on an image: (column, row) in pixels, 0-based, x to the right and y down. */
export type ImagePoint = [number, number];

/** How image pixels turn into millimetres for one image: per column step and per row step. */
export interface MeasureScale {
  /** mm per pixel along a row (between columns) and along a column (between rows); null: pixels only. */
  column: number | null;
  row: number | null;
  source: DisplaySpacing['source'] | 'calibration';
  /** Shown beside every size read off this image; null when sizes are in the patient. */
  caveat: string | null;
}

export const SPINAL_LEVELS = [
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
  'S1',
] as const;
export type Vertebra = (typeof SPINAL_LEVELS)[number];

export type ScrewSide = 'left' | 'right';
export interface ScrewTag {
  vertebra: Vertebra;
  side: ScrewSide;
}

/** One value a measurement yields (a measurement may yield several, e.g. PI, PT, SS …). */
export interface MeasuredValue {
  key: string;
  label: string;
  value: number | string;
  unit: string;
}
