/** Small image filters on row-major float images. */

/** One box-blur pass of radius r (window 2r + 1) along rows then columns, edges clamped. */
function boxPass(
  src: Float32Array,
  dst: Float32Array,
  w: number,
  h: number,
  r: number,
  tmp: Float32Array,
): void {
  const norm = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += src[row + Math.min(w - 1, Math.max(0, k))] as number;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = acc * norm;
      acc += (src[row + Math.min(w - 1, x + r + 1)] as number) - (src[row + Math.max(0, x - r)] as number);
    }
  }
  for (let x = 0; x < w; x++) {
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += tmp[Math.min(h - 1, Math.max(0, k)) * w + x] as number;
    for (let y = 0; y < h; y++) {
      dst[y * w + x] = acc * norm;
      acc +=
        (tmp[Math.min(h - 1, y + r + 1) * w + x] as number) - (tmp[Math.max(0, y - r) * w + x] as number);
    }
  }
}

/** Approximate Gaussian blur (three box passes) with standard deviation sigma in pixels. */
export function gaussianBlur(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const out = Float32Array.from(src);
  if (sigma < 0.3) return out;
  // Three boxes of radius r have variance 3·((2r + 1)² − 1) / 12 = r(r + 1).
  const r = Math.max(1, Math.round((Math.sqrt(1 + 4 * sigma * sigma) - 1) / 2));
  const tmp = new Float32Array(src.length);
  for (let i = 0; i < 3; i++) boxPass(out, out, w, h, r, tmp);
  return out;
}

/** Fills a coarse grid traced every `step` pixels into the full image by bilinear interpolation. */
export function fillFromCoarse(img: Float32Array, w: number, h: number, step: number): void {
  for (let y = 0; y < h; y++) {
    const y0 = Math.min(Math.floor(y / step) * step, Math.floor((h - 1) / step) * step);
    const y1 = Math.min(y0 + step, Math.floor((h - 1) / step) * step);
    const fy = y1 > y0 ? (y - y0) / (y1 - y0) : 0;
    for (let x = 0; x < w; x++) {
      if (y % step === 0 && x % step === 0) continue;
      const x0 = Math.min(Math.floor(x / step) * step, Math.floor((w - 1) / step) * step);
      const x1 = Math.min(x0 + step, Math.floor((w - 1) / step) * step);
      const fx = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
      const a = img[y0 * w + x0] as number,
        b = img[y0 * w + x1] as number;
      const c = img[y1 * w + x0] as number,
        d = img[y1 * w + x1] as number;
      img[y * w + x] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
}

/** Gaussian blur of a wide kernel computed on a `factor`× downsampled copy, upsampled bilinearly. */
export function blurCoarse(
  src: Float32Array,
  w: number,
  h: number,
  sigma: number,
  factor: number,
): Float32Array {
  const cw = Math.ceil(w / factor);
  const ch = Math.ceil(h / factor);
  const small = new Float32Array(cw * ch);
  const count = new Float32Array(cw * ch);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const k = Math.floor(y / factor) * cw + Math.floor(x / factor);
      small[k] = (small[k] as number) + (src[y * w + x] as number);
      count[k] = (count[k] as number) + 1;
    }
  }
  for (let i = 0; i < small.length; i++) small[i] = (small[i] as number) / (count[i] as number);
  const blurred = gaussianBlur(small, cw, ch, sigma / factor);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(ch - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy),
      y1 = Math.min(ch - 1, y0 + 1),
      ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(cw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx),
        x1 = Math.min(cw - 1, x0 + 1),
        tx = fx - x0;
      const a = blurred[y0 * cw + x0] as number,
        b = blurred[y0 * cw + x1] as number;
      const c = blurred[y1 * cw + x0] as number,
        d = blurred[y1 * cw + x1] as number;
      out[y * w + x] = (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
    }
  }
  return out;
}
