import type { FrameMeta } from '../viewer/frame-meta.ts';
import type { DisplaySpacing } from '../viewer/spacing.ts';
import { displaySpacing } from '../viewer/spacing.ts';
import type { AnteriorSide } from './spinopelvic.ts';

/** Projection radiography modalities: Pixel Spacing alone may be at the detector (PS3.3 C.8.11.1.1.1). */
const PROJECTION_MODALITIES = new Set(['CR', 'DX', 'RF', 'XA', 'MG', 'PX', 'IO', 'DR']);

/** The spacing (with its caveat) sizes on an image are read in, from the image's own attributes. */
export function spacingOfFrame(meta: FrameMeta): DisplaySpacing {
  return displaySpacing({
    pixelSpacing: meta.pixelSpacing,
    imagerPixelSpacing: meta.imagerPixelSpacing,
    magnification: meta.magnification,
    calibrationType: meta.calibrationType,
    projection:
      PROJECTION_MODALITIES.has(meta.modality ?? '') || (!meta.imageOrientation && !!meta.imagerPixelSpacing),
  });
}

/**
 * Which side of the image the patient faces: from the row direction (Image Orientation's row
 * cosines, LPS: +y posterior; else Patient Orientation's first value, the direction of increasing
 * column). A lateral film is read facing left when nothing says otherwise.
 */
export function anteriorSide(meta: FrameMeta): AnteriorSide {
  const o = meta.imageOrientation;
  if (o && o.length === 6 && Math.abs(o[1]!) > 0.5) return o[1]! > 0 ? 'left' : 'right';
  const rowDirection = meta.patientOrientation?.[0] ?? '';
  if (rowDirection.startsWith('A')) return 'right';
  return 'left';
}
