import { ALIGNMENT } from './design.ts';
import type { RadiographTruth } from './ground-truth.ts';

/**
 * A femoral head as the spinopelvic tool takes it on a phantom film: its centre (image pixels) and a
 * point on its outline, the phantom's head radius as projected (magnified) onto the detector.
 */
export function femoralHeadCircle(
  film: Pick<RadiographTruth, 'magnification' | 'imagerPixelSpacingMm'>,
  centre: readonly [number, number],
): [[number, number], [number, number]] {
  const r = (ALIGNMENT.femoralHeadRadiusMm * film.magnification) / film.imagerPixelSpacingMm;
  return [
    [centre[0], centre[1]],
    [centre[0] + r, centre[1]],
  ];
}
