import type { PixelArray } from '../dicom/decode-frame.ts';

/** Integer samples a grey-scale lookup table can index (cornerstone builds one entry per value). */
export type GreyPixels = Int8Array | Uint8Array | Int16Array | Uint16Array;

export interface GreyImage {
  pixels: GreyPixels;
  /** Modality LUT after any requantisation: shown value = pixel × slope + intercept. */
  slope: number;
  intercept: number;
  min: number;
  max: number;
}

/** Value ranges above this are requantised to 16 bits (a lookup table per value would be too big). */
const MAX_LUT_RANGE = 65536;

/**
 * Stored grey values ready for a lookup-table renderer. 8/16-bit integers pass through; 32-bit
 * integers with a wide range and float pixel data are requantised to 16 bits, folding the scale
 * into the modality slope/intercept so every shown value stays right.
 */
export function greyImage(
  pixels: PixelArray,
  slope: number,
  intercept: number,
  min: number,
  max: number,
): GreyImage {
  if (
    (pixels instanceof Int8Array ||
      pixels instanceof Uint8Array ||
      pixels instanceof Int16Array ||
      pixels instanceof Uint16Array) &&
    max - min < MAX_LUT_RANGE
  )
    return { pixels, slope, intercept, min, max };
  const range = max - min;
  if (
    range < MAX_LUT_RANGE &&
    Number.isInteger(min) &&
    Number.isInteger(max) &&
    !(pixels instanceof Float32Array || pixels instanceof Float64Array)
  ) {
    // Narrow 32-bit integers: shift into 16 bits exactly.
    const shifted = new Uint16Array(pixels.length);
    for (let i = 0; i < pixels.length; i++) shifted[i] = pixels[i]! - min;
    return { pixels: shifted, slope, intercept: intercept + min * slope, min: 0, max: range };
  }
  const step = range > 0 ? range / (MAX_LUT_RANGE - 1) : 1;
  const out = new Uint16Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = Math.round((pixels[i]! - min) / step);
  return {
    pixels: out,
    slope: slope * step,
    intercept: intercept + min * slope,
    min: 0,
    max: range > 0 ? MAX_LUT_RANGE - 1 : 0,
  };
}

/**
 * RGB samples (interleaved) to the RGBA bytes a canvas wants; samples wider than 8 bits are
 * scaled down by `bitsStored`.
 */
export function rgbaFromRgb(rgb: PixelArray, pixelCount: number, bitsStored: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(pixelCount * 4);
  const shift = Math.max(0, bitsStored - 8);
  for (let p = 0, s = 0, d = 0; p < pixelCount; p++, s += 3, d += 4) {
    out[d] = rgb[s]! >> shift;
    out[d + 1] = rgb[s + 1]! >> shift;
    out[d + 2] = rgb[s + 2]! >> shift;
    out[d + 3] = 255;
  }
  return out;
}
