import type { ImagePoint } from '../../../shared/measurements/types.ts';

/** Pointer input for measurements, in image coordinates (pixel centres at integers) and screen pixels. */
export interface MeasureInput {
  down(p: ImagePoint, screen: { x: number; y: number }): boolean;
  move(p: ImagePoint): void;
  up(p: ImagePoint): void;
  hover(p: ImagePoint): void;
}
