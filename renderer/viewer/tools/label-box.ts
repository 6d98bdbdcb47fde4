import type { ScreenPoint } from './graphics.ts';

/** Font metrics of measurement labels (see .ms-label): 13 px semibold text, about 7.6 px per character. */
export const LABEL_FONT_PX = 13;
const CHAR_PX = 7.6;
const MARGIN = 6;
/** Space kept between two labels moved apart. */
const GAP = 3;

export interface LabelBox {
  /** Baseline of the first line (x, y), as SVG text and canvas fillText take it. */
  x: number;
  y: number;
  lines: readonly string[];
  lineHeight: number;
  /** The box the text covers: left, top, width, height. */
  box: { left: number; top: number; width: number; height: number };
}

/** Width of a line of label text in pixels: measured (canvas) or estimated from its characters. */
export type MeasureText = (line: string, fontPx: number) => number;
const estimate: MeasureText = (line, fontPx) => line.length * CHAR_PX * (fontPx / LABEL_FONT_PX);

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
  measure: MeasureText = estimate,
): LabelBox {
  const lineHeight = Math.round(fontPx * 1.25);
  lines = wrapLines(lines, width - 2 * MARGIN, (l) => measure(l, fontPx));
  const textWidth = Math.max(0, ...lines.map((l) => measure(l, fontPx)));
  const textHeight = lineHeight * lines.length;
  const left = clamp(anchor.x, MARGIN, width - textWidth - MARGIN);
  // The first baseline sits `fontPx` below the top of the box.
  const top = clamp(anchor.y - fontPx, MARGIN, height - textHeight - MARGIN);
  return at(left, top, lines, lineHeight, fontPx, textWidth, textHeight);
}

/**
 * Lines wider than `maxWidth` broken between words (a narrow viewport: four side by side at
 * 1024 px); a single word wider than that stays whole.
 */
export function wrapLines(
  lines: readonly string[],
  maxWidth: number,
  widthOf: (line: string) => number,
): readonly string[] {
  if (lines.every((l) => widthOf(l) <= maxWidth)) return lines;
  return lines.flatMap((l) => {
    if (widthOf(l) <= maxWidth) return [l];
    const out: string[] = [];
    let line = '';
    for (const word of l.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (!line || widthOf(next) <= maxWidth) line = next;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
    return out;
  });
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(v, Math.max(lo, hi)));

function at(
  left: number,
  top: number,
  lines: readonly string[],
  lineHeight: number,
  fontPx: number,
  width: number,
  height: number,
): LabelBox {
  return { x: left, y: top + fontPx, lines, lineHeight, box: { left, top, width, height } };
}

const overlaps = (a: LabelBox['box'], b: LabelBox['box']): boolean =>
  a.left < b.left + b.width + GAP &&
  b.left < a.left + a.width + GAP &&
  a.top < b.top + b.height + GAP &&
  b.top < a.top + a.height + GAP;

/**
 * Every label of an image placed inside the width × height area (none cut off at an edge) and,
 * where two would overlap, the later one nudged below (or, with no room below, above) the ones
 * already placed. Labels are placed in the order given; the result keeps that order.
 */
export function layoutLabels(
  labels: readonly { anchor: ScreenPoint; lines: readonly string[] }[],
  width: number,
  height: number,
  options: {
    fontPx?: number;
    measure?: MeasureText;
    /** Areas already written on (corner texts of a key image): labels are kept off them too. */
    avoid?: readonly LabelBox['box'][];
  } = {},
): LabelBox[] {
  const { fontPx = LABEL_FONT_PX, measure = estimate, avoid = [] } = options;
  const fixed = avoid.map((box) => ({ x: box.left, y: box.top, lines: ['·'], lineHeight: 0, box }));
  const placed: LabelBox[] = [];
  for (const l of labels) {
    const first = fitLabel(l.anchor, l.lines, width, height, fontPx, measure);
    placed.push(l.lines.length === 0 ? first : nudge(first, [...fixed, ...placed], width, height, fontPx));
  }
  return placed;
}

/** The free spot nearest to `b` straight below or above it, among the edges of the placed boxes. */
function nudge(b: LabelBox, placed: readonly LabelBox[], width: number, height: number, fontPx: number) {
  const others = placed.filter((p) => p.lines.length > 0).map((p) => p.box);
  if (!others.some((o) => overlaps(b.box, o))) return b;
  const { left, width: w, height: h } = b.box;
  const candidates = others
    .flatMap((o) => [o.top + o.height + GAP, o.top - h - GAP])
    .filter((top) => top >= MARGIN && top + h <= height - MARGIN)
    .sort((p, q) => Math.abs(p - b.box.top) - Math.abs(q - b.box.top));
  for (const top of candidates) {
    const box = { left, top, width: w, height: h };
    if (!others.some((o) => overlaps(box, o))) return at(left, top, b.lines, b.lineHeight, fontPx, w, h);
  }
  // No free row in this column: try beside the blocking labels instead.
  const sideways = others
    .flatMap((o) => [o.left + o.width + GAP, o.left - w - GAP])
    .filter((x) => x >= MARGIN && x + w <= width - MARGIN)
    .sort((p, q) => Math.abs(p - left) - Math.abs(q - left));
  for (const x of sideways) {
    const box = { left: x, top: b.box.top, width: w, height: h };
    if (!others.some((o) => overlaps(box, o))) return at(x, b.box.top, b.lines, b.lineHeight, fontPx, w, h);
  }
  return b;
}
