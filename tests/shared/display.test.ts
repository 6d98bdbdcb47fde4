import { describe, expect, it } from 'vitest';
import type { GrayFrame } from '../../shared/imaging/display.ts';
import { renderPreview } from '../../shared/imaging/display.ts';

const ramp = (overrides: Partial<GrayFrame> = {}): GrayFrame => ({
  rows: 2,
  columns: 4,
  samplesPerPixel: 1,
  photometric: 'MONOCHROME2',
  pixels: [0, 100, 200, 300, 0, 100, 200, 300],
  slope: 1,
  intercept: -100,
  windows: [],
  minStored: 0,
  maxStored: 300,
  ...overrides,
});

describe('preview rendering', () => {
  it('applies the modality LUT and the full range when the file has no window', () => {
    const p = renderPreview(ramp(), 16);
    expect([p.width, p.height, p.channels]).toEqual([4, 2, 1]);
    expect(Array.from(p.data.slice(0, 4))).toEqual([0, 85, 171, 255]);
  });

  it('uses the first window preset (values below the window are black, above it white)', () => {
    const p = renderPreview(ramp({ windows: [{ center: 100, width: 200 }] }), 16);
    expect(Array.from(p.data.slice(0, 4))).toEqual([0, 0, 128, 255]);
  });

  it('inverts MONOCHROME1', () => {
    const p = renderPreview(ramp({ photometric: 'MONOCHROME1' }), 16);
    expect(Array.from(p.data.slice(0, 4))).toEqual([255, 170, 84, 0]);
  });

  it('box-filters down to the requested size', () => {
    const p = renderPreview(ramp(), 2);
    expect([p.width, p.height]).toEqual([2, 1]);
    expect(Array.from(p.data)).toEqual([43, 213]);
  });
});
