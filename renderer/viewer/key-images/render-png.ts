import * as cornerstone from 'cornerstone-core';
import { transformMarkers } from '../../../shared/viewer/orientation.ts';
import { scaleBar } from '../../../shared/viewer/spacing.ts';
import { formatVoi } from '../../../shared/viewer/window-level.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import { paintMeasurements } from '../tools/paint-canvas.ts';
import type { ViewportController } from '../viewport/viewport-controller.ts';

const FONT = '600 15px system-ui, sans-serif';

/** The area a corner text covers (its baseline is `middle`), kept free of measurement labels. */
type Box = { left: number; top: number; width: number; height: number };

function label(
  g: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  align: CanvasTextAlign,
  written?: Box[],
): void {
  const w = g.measureText(text).width + 4;
  const left = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
  written?.push({ left, top: y - 10, width: w, height: 20 });
  g.textAlign = align;
  g.lineWidth = 4;
  g.strokeStyle = 'rgba(0,0,0,0.85)';
  g.strokeText(text, x, y);
  g.fillStyle = '#ffffff';
  g.fillText(text, x, y);
}

/** Splits a caption into lines that fit `maxWidth` (long words are cut), so none runs off the picture. */
function wrap(g: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  g.font = '600 16px system-ui, sans-serif';
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (g.measureText(next).width <= maxWidth || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
    while (g.measureText(line).width > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && g.measureText(line.slice(0, cut)).width > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

/**
 * The view as shown (same window, zoom, pan, rotation, flips) rendered to a PNG for reports and
 * slides, with orientation letters, scale bar, series, window and the caption burnt in. No patient
 * identifiers are drawn: slides travel.
 */
export function renderViewPng(
  controller: ViewportController,
  caption: string,
  seriesLabel: string,
  measurements: readonly Measurement[] = [],
): string | null {
  const { image, source } = controller.current;
  const shown = controller.canvas;
  const element = shown.parentElement;
  const viewport = element ? cornerstone.getViewport(element) : undefined;
  if (!image || !viewport || !source || shown.width === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = shown.width;
  canvas.height = shown.height;
  cornerstone.renderToCanvas(canvas, image, viewport);
  const g = canvas.getContext('2d')!;
  // cornerstone leaves its image transform on the context: the texts and measurements below are in
  // canvas pixels, as the viewport shows them.
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.font = FONT;
  g.textBaseline = 'middle';
  const { width: w, height: h } = canvas;
  const m = image.scr.markers ? transformMarkers(image.scr.markers, viewport) : null;
  const written: Box[] = [];
  if (m) {
    label(g, m.top, w / 2, 14, 'center', written);
    label(g, m.bottom, w / 2, h - 14, 'center', written);
    label(g, m.left, 8, h / 2, 'left', written);
    label(g, m.right, w - 8, h / 2, 'right', written);
  }
  label(g, seriesLabel, 8, 14, 'left', written);
  label(
    g,
    `${source.display.kind === 'reformat' ? 'Slice' : 'Im'} ${controller.current.index + 1}/${source.count}`,
    w - 8,
    14,
    'right',
    written,
  );
  if (!image.color)
    label(
      g,
      formatVoi({ center: viewport.voi.windowCenter, width: viewport.voi.windowWidth }),
      w - 8,
      34,
      'right',
      written,
    );
  const spacing =
    image.rowPixelSpacing && image.columnPixelSpacing
      ? Math.min(image.rowPixelSpacing, image.columnPixelSpacing)
      : null;
  const bar = spacing && image.scr.spacing.row ? scaleBar(spacing / viewport.scale, w / 4) : null;
  if (bar) {
    const x0 = Math.round(w - 16 - bar.pixels);
    const y0 = h - 44;
    g.lineWidth = 2;
    g.strokeStyle = '#ffffff';
    g.beginPath();
    g.moveTo(x0, y0 - 6);
    g.lineTo(x0, y0);
    g.lineTo(x0 + bar.pixels, y0);
    g.lineTo(x0 + bar.pixels, y0 - 6);
    g.stroke();
    label(g, bar.label, x0 + bar.pixels / 2, y0 - 14, 'center', written);
    written.push({ left: x0, top: y0 - 8, width: bar.pixels, height: 10 });
  }
  const captionLines = caption ? wrap(g, caption, w - 20) : [];
  paintMeasurements(
    g,
    measurements,
    (c, r) => controller.pixelToScreen(c, r),
    w,
    h,
    captionLines.length * 22 + 8,
    written,
  );
  if (captionLines.length) {
    g.font = '600 16px system-ui, sans-serif';
    const band = captionLines.length * 22 + 8;
    g.fillStyle = 'rgba(0,0,0,0.7)';
    g.fillRect(0, h - band, w, band);
    captionLines.forEach((line, i) => label(g, line, 10, h - band + 15 + i * 22, 'left'));
  }
  return canvas.toDataURL('image/png');
}
