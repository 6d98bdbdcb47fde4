import { imagePlaneOf } from '../../../shared/viewer/geometry.ts';
import { markersFromCosines, markersFromPatientOrientation } from '../../../shared/viewer/orientation.ts';
import { displaySpacing } from '../../../shared/viewer/spacing.ts';
import type { DecodedImage } from '../decode/messages.ts';
import type { ScrImage } from './image-info.ts';
import { unitOf } from './image-info.ts';

const PROJECTION_MODALITIES = new Set(['CR', 'DX', 'RF', 'XA', 'MG', 'PX', 'IO', 'DR']);

/**
 * The cornerstone image of a decoded frame: stored values with the modality LUT as slope and
 * intercept, the window from the file (else the percentile window), MONOCHROME1 inverted, the
 * spacing PixelSpacing gives (or ImagerPixelSpacing with its caveat).
 */
export function stackImage(imageId: string, instanceId: number, frame: number, d: DecodedImage): ScrImage {
  const meta = d.meta;
  const projection =
    PROJECTION_MODALITIES.has(meta.modality ?? '') || (!meta.imageOrientation && !!meta.imagerPixelSpacing);
  const spacing = displaySpacing({
    pixelSpacing: meta.pixelSpacing,
    imagerPixelSpacing: meta.imagerPixelSpacing,
    magnification: meta.magnification,
    calibrationType: meta.calibrationType,
    projection,
  });
  const plane = imagePlaneOf({
    rows: d.rows,
    columns: d.columns,
    position: meta.imagePosition,
    orientation: meta.imageOrientation,
    pixelSpacing: meta.pixelSpacing,
  });
  const voi = d.color
    ? { center: 127.5, width: 256 }
    : (d.windows[0] ??
      d.autoWindow ?? {
        center: ((d.min + d.max) / 2) * d.slope + d.intercept,
        width: Math.max(1, (d.max - d.min) * d.slope),
      });
  const pixels = d.pixels;
  return {
    imageId,
    minPixelValue: d.min,
    maxPixelValue: d.max,
    slope: d.slope,
    intercept: d.intercept,
    windowCenter: voi.center,
    windowWidth: voi.width,
    getPixelData: () => pixels,
    rows: d.rows,
    columns: d.columns,
    height: d.rows,
    width: d.columns,
    color: d.color,
    rgba: d.color,
    ...(spacing.row !== null && spacing.column !== null
      ? { rowPixelSpacing: spacing.row, columnPixelSpacing: spacing.column }
      : {}),
    invert: d.photometric === 'MONOCHROME1',
    sizeInBytes: pixels.byteLength,
    scr: {
      instanceId,
      frame,
      modality: meta.modality,
      plane,
      markers: plane
        ? markersFromCosines(plane.rowCosines, plane.columnCosines)
        : markersFromPatientOrientation(meta.patientOrientation),
      spacing,
      photometric: d.sourcePhotometric,
      windows: d.windows,
      windowSource: d.windows.length || d.color ? 'file' : 'auto',
      lossy: d.lossy,
      warnings: d.warnings,
      transferSyntax: d.transferSyntax.name,
      sliceThickness: meta.sliceThickness,
      frameOfReferenceUid: meta.frameOfReferenceUid,
      unit: unitOf(meta.modality),
      timing: d.timing,
    },
  };
}
