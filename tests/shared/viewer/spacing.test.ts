import { describe, expect, it } from 'vitest';
import { displaySpacing, scaleBar } from '../../../shared/viewer/spacing.ts';

const none = {
  pixelSpacing: null,
  imagerPixelSpacing: null,
  magnification: null,
  calibrationType: null,
  projection: false,
};

describe('display spacing', () => {
  it('trusts Pixel Spacing of cross-sectional images without a caveat', () => {
    expect(displaySpacing({ ...none, pixelSpacing: [0.7, 0.6] })).toEqual({
      row: 0.7,
      column: 0.6,
      source: 'pixel-spacing',
      caveat: null,
      label: null,
    });
  });

  it('uses Imager Pixel Spacing of a radiograph with its caveat, corrected by the magnification factor if given', () => {
    const dx = { ...none, projection: true, imagerPixelSpacing: [0.15, 0.15] };
    expect(displaySpacing(dx)).toMatchObject({ row: 0.15, source: 'imager-pixel-spacing' });
    expect(displaySpacing(dx).caveat).toMatch(/not corrected/);
    const corrected = displaySpacing({ ...dx, magnification: 1.5 });
    expect(corrected.source).toBe('magnification-corrected');
    expect(corrected.row).toBeCloseTo(0.1, 12);
    expect(corrected.label).toBe('mm estimated at patient (÷1.5)');
    expect(displaySpacing({ ...dx, pixelSpacing: [0.15, 0.15] }).caveat).toMatch(/detector/);
    expect(displaySpacing({ ...dx, pixelSpacing: [0.12, 0.12], calibrationType: 'GEOMETRY' }).caveat).toMatch(
      /Calibrated/,
    );
  });

  it('says sizes are in pixels when nothing is known', () => {
    expect(displaySpacing(none)).toMatchObject({ row: null, source: 'none' });
    expect(displaySpacing(none).caveat).toMatch(/pixels/);
  });
});

describe('scale bar', () => {
  it('picks the longest round length that fits', () => {
    expect(scaleBar(0.5, 120)).toEqual({ mm: 50, pixels: 100, label: '5 cm' });
    expect(scaleBar(0.05, 100)).toEqual({ mm: 5, pixels: 100, label: '5 mm' });
    expect(scaleBar(0.01, 30)).toMatchObject({ mm: 0.2, label: '0.2 mm' });
    expect(scaleBar(null, 100)).toBeNull();
  });
});
