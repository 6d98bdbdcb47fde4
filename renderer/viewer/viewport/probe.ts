import type { ScrImage } from '../loader/image-info.ts';

/** The value of one pixel as a reader wants it: modality units (HU for CT) or RGB. */
export function probeText(image: ScrImage, column: number, row: number): string {
  const px = image.getPixelData();
  const i = row * image.columns + column;
  if (image.color) return `R ${px[i * 4]} G ${px[i * 4 + 1]} B ${px[i * 4 + 2]}`;
  const value = px[i]! * image.slope + image.intercept;
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1);
  return `${shown}${image.scr.unit ? ` ${image.scr.unit}` : ''}`;
}
