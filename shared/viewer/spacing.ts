/** How sizes on an image can be given: which attribute, and what a reader must know about it. */
export interface DisplaySpacing {
  /** Distance between rows and between columns, mm; null when unknown (sizes in pixels). */
  row: number | null;
  column: number | null;
  source: 'pixel-spacing' | 'imager-pixel-spacing' | 'magnification-corrected' | 'none';
  /** Shown beside every size read off this image; null when the spacing is in the patient. */
  caveat: string | null;
  /** The caveat in a few words, for the image overlay; null when there is none. */
  label: string | null;
}

export interface SpacingAttributes {
  /** Pixel Spacing (0028,0030): in the patient (cross-sectional) or calibrated (projection). */
  pixelSpacing: readonly number[] | null;
  /** Imager Pixel Spacing (0018,1164): at the detector front plane of a projection radiograph. */
  imagerPixelSpacing: readonly number[] | null;
  /** Estimated Radiographic Magnification Factor (0018,1114). */
  magnification: number | null;
  /** Pixel Spacing Calibration Type (0028,0A02), e.g. GEOMETRY or FIDUCIAL. */
  calibrationType: string | null;
  /** Projection radiograph (DX, CR, RF, XA, MG …): Pixel Spacing alone may not be in the patient. */
  projection: boolean;
}

const valid = (v: readonly number[] | null): v is readonly [number, number] =>
  !!v && v.length >= 2 && v[0]! > 0 && v[1]! > 0 && Number.isFinite(v[0]) && Number.isFinite(v[1]);

/**
 * PS3.3 C.7.6.2.1.1 and C.8.11.1.1.1: Pixel Spacing is in the patient for cross-sectional images;
 * on a projection radiograph it is in the patient only when calibrated, else it may equal the
 * Imager Pixel Spacing at the detector. A radiograph's size at the detector is magnified by
 * source-to-detector / source-to-object distance (typically 10–20 %); the estimated factor
 * (0018,1114) corrects it on average, never for every depth.
 */
export function displaySpacing(a: SpacingAttributes): DisplaySpacing {
  const atDetector =
    'At the detector (Imager Pixel Spacing): radiographic magnification is not corrected, sizes read larger than in the patient.';
  if (valid(a.pixelSpacing)) {
    const same =
      valid(a.imagerPixelSpacing) &&
      Math.abs(a.imagerPixelSpacing[0] - a.pixelSpacing[0]) < 1e-6 &&
      Math.abs(a.imagerPixelSpacing[1] - a.pixelSpacing[1]) < 1e-6;
    const caveat = !a.projection
      ? null
      : a.calibrationType
        ? `Calibrated (${a.calibrationType.toLowerCase()}) Pixel Spacing: exact only in the calibrated plane.`
        : same
          ? atDetector
          : 'Pixel Spacing of a radiograph without a calibration type: its plane is not stated.';
    const label = !a.projection
      ? null
      : a.calibrationType
        ? `mm calibrated (${a.calibrationType.toLowerCase()})`
        : same
          ? 'mm at detector, not corrected'
          : 'mm in an unstated plane';
    return { row: a.pixelSpacing[0], column: a.pixelSpacing[1], source: 'pixel-spacing', caveat, label };
  }
  if (valid(a.imagerPixelSpacing)) {
    if (a.magnification && a.magnification > 0)
      return {
        row: a.imagerPixelSpacing[0] / a.magnification,
        column: a.imagerPixelSpacing[1] / a.magnification,
        source: 'magnification-corrected',
        caveat: `Estimated at the patient: Imager Pixel Spacing ÷ magnification factor ${a.magnification}; exact only at that depth.`,
        label: `mm estimated at patient (÷${a.magnification})`,
      };
    return {
      row: a.imagerPixelSpacing[0],
      column: a.imagerPixelSpacing[1],
      source: 'imager-pixel-spacing',
      caveat: atDetector,
      label: 'mm at detector, not corrected',
    };
  }
  return {
    row: null,
    column: null,
    source: 'none',
    caveat: 'No pixel spacing: sizes are in pixels.',
    label: 'No spacing: sizes in pixels',
  };
}

const NICE = [1, 2, 5];

/**
 * A scale bar of a round length (1, 2 or 5 × 10ⁿ mm) at most `maxPixels` long on screen.
 * Null when the spacing is unknown or nothing fits.
 */
export function scaleBar(
  mmPerScreenPixel: number | null,
  maxPixels: number,
): { mm: number; pixels: number; label: string } | null {
  if (!mmPerScreenPixel || !(mmPerScreenPixel > 0) || !(maxPixels > 0)) return null;
  const maxMm = maxPixels * mmPerScreenPixel;
  let best: number | null = null;
  for (let exp = -1; exp <= 4; exp++)
    for (const n of NICE) {
      const mm = n * 10 ** exp;
      if (mm <= maxMm) best = mm;
    }
  if (best === null) return null;
  const label = best >= 10 && best % 10 === 0 ? `${best / 10} cm` : `${best} mm`;
  return { mm: best, pixels: best / mmPerScreenPixel, label };
}
