/**
 * Maps decoded samples to 8-bit display values for a small preview: modality LUT, then a window
 * (the file's first preset, else the full range), MONOCHROME1 inverted. Pure, so it tests anywhere.
 */
export interface GrayFrame {
  rows: number;
  columns: number;
  samplesPerPixel: 1 | 3;
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  pixels: ArrayLike<number>;
  slope: number;
  intercept: number;
  windows: { center: number; width: number }[];
  minStored: number;
  maxStored: number;
}

export interface Preview {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** Box-filtered preview no larger than `maxSize` on its longer side. */
export function renderPreview(frame: GrayFrame, maxSize: number): Preview {
  const scale = Math.min(1, maxSize / Math.max(frame.rows, frame.columns));
  const width = Math.max(1, Math.round(frame.columns * scale));
  const height = Math.max(1, Math.round(frame.rows * scale));
  const channels = frame.samplesPerPixel;
  const data = new Uint8Array(width * height * channels);
  const lo = frame.minStored * frame.slope + frame.intercept;
  const hi = frame.maxStored * frame.slope + frame.intercept;
  const preset = frame.windows[0];
  const center = preset?.center ?? (lo + hi) / 2;
  const widthW = Math.max(1, preset?.width ?? hi - lo);
  const invert = frame.photometric === 'MONOCHROME1';
  const xStep = frame.columns / width;
  const yStep = frame.rows / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * yStep);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yStep));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * xStep);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xStep));
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let yy = y0; yy < y1; yy++)
          for (let xx = x0; xx < x1; xx++) sum += frame.pixels[(yy * frame.columns + xx) * channels + c] ?? 0;
        const mean = sum / ((y1 - y0) * (x1 - x0));
        let v: number;
        if (channels === 3) v = mean;
        else {
          // DICOM PS3.3 C.11.2.1.2.1 linear VOI LUT function.
          const value = mean * frame.slope + frame.intercept;
          v = ((value - (center - 0.5)) / (widthW - 1) + 0.5) * 255;
          if (invert) v = 255 - v;
        }
        data[(y * width + x) * channels + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  return { width, height, channels, data };
}
