import type { DecodedFrame } from './decode-frame.ts';

export interface PixelStats {
  min: number;
  max: number;
  mean: number;
}

/**
 * Minimum, maximum and mean of a frame after the modality LUT (stored × slope + intercept,
 * PS3.3 C.11.1.1.2), e.g. in Hounsfield units for CT. Colour samples have no modality LUT and
 * are summarised as stored, over all three channels.
 */
export function pixelStats(frame: DecodedFrame): PixelStats {
  const { pixels } = frame;
  const rescale = frame.samplesPerPixel === 1;
  const slope = rescale ? frame.slope : 1;
  const intercept = rescale ? frame.intercept : 0;
  let sum = 0;
  for (let i = 0; i < pixels.length; i++) sum += pixels[i]!;
  const mean = pixels.length ? sum / pixels.length : 0;
  const ends = [frame.minStored * slope + intercept, frame.maxStored * slope + intercept];
  return { min: Math.min(...ends), max: Math.max(...ends), mean: mean * slope + intercept };
}
