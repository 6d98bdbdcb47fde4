import type { PaletteLut } from '../pixel-module.ts';

/**
 * Maps PALETTE COLOR indices to interleaved RGB (PS3.3 C.7.6.3.1.5): values below the first mapped
 * value take the first entry, values past the table the last. Output keeps the entries' width
 * (8 → Uint8Array, 16 → Uint16Array), as pydicom's apply_color_lut does.
 */
export function applyPalette(indices: ArrayLike<number>, lut: PaletteLut): Uint8Array | Uint16Array {
  const n = indices.length;
  const out = lut.bitsPerEntry === 8 ? new Uint8Array(n * 3) : new Uint16Array(n * 3);
  const last = lut.entries - 1;
  for (let i = 0; i < n; i++) {
    const k = Math.min(last, Math.max(0, indices[i]! - lut.firstMapped));
    out[3 * i] = lut.red[k]!;
    out[3 * i + 1] = lut.green[k]!;
    out[3 * i + 2] = lut.blue[k]!;
  }
  return out;
}
