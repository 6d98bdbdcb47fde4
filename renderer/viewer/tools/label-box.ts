import type { ScreenPoint } from './graphics.ts';

/** Font metrics of measurement labels (see .ms-label): 13 px text, about 7.2 px per character. */
export const LABEL_FONT_PX = 13;
const CHAR_PX = 7.2;
const MARGIN = 6;

/**
 * Where a label's lines go so none is cut off at the edges: moved left or up inside the
 * width × height area, never above or left of the margin.
 */
export function fitLabel(
  anchor: ScreenPoint,
  lines: readonly string[],
  width: number,
  height: number,
  fontPx = LABEL_FONT_PX,
): { x: number; y: number; lines: readonly string[]; lineHeight: number } {
  const lineHeight = Math.round(fontPx * 1.25);
  const textWidth = Math.max(0, ...lines.map((l) => l.length)) * CHAR_PX * (fontPx / LABEL_FONT_PX);
  const textHeight = lineHeight * lines.length;
  const x = Math.max(MARGIN, Math.min(anchor.x, width - textWidth - MARGIN));
  const y = Math.max(MARGIN + fontPx, Math.min(anchor.y, height - textHeight + fontPx - MARGIN));
  return { x, y, lines, lineHeight };
}
