import { measurementLines } from '../../../shared/measurements/format.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import type { Graphic, ScreenPoint } from './graphics.ts';
import { labelAnchor, toolGraphics } from './graphics.ts';
import type { LabelBox } from './label-box.ts';
import { layoutLabels } from './label-box.ts';

const COLOURS = { main: '#4dd2ff', construction: '#9fe3ff', plumb: '#ffb347' } as const;

function paint(g: CanvasRenderingContext2D, shape: Graphic, scale: number): void {
  g.beginPath();
  switch (shape.kind) {
    case 'line':
      g.strokeStyle = COLOURS[shape.style];
      g.setLineDash(
        shape.style === 'main'
          ? []
          : shape.style === 'plumb'
            ? [10 * scale, 4 * scale]
            : [6 * scale, 4 * scale],
      );
      g.moveTo(shape.a.x, shape.a.y);
      g.lineTo(shape.b.x, shape.b.y);
      g.stroke();
      return;
    case 'circle':
      g.strokeStyle = COLOURS.main;
      g.setLineDash([]);
      g.arc(shape.c.x, shape.c.y, shape.r, 0, 2 * Math.PI);
      g.stroke();
      return;
    case 'ellipse':
      g.strokeStyle = COLOURS.main;
      g.setLineDash([]);
      g.ellipse(shape.c.x, shape.c.y, shape.rx, shape.ry, 0, 0, 2 * Math.PI);
      g.stroke();
      return;
    case 'arrowhead': {
      const a = Math.atan2(shape.tip.y - shape.from.y, shape.tip.x - shape.from.x);
      g.fillStyle = COLOURS.main;
      g.moveTo(shape.tip.x, shape.tip.y);
      for (const d of [0.4, -0.4])
        g.lineTo(shape.tip.x - 12 * scale * Math.cos(a + d), shape.tip.y - 12 * scale * Math.sin(a + d));
      g.closePath();
      g.fill();
    }
  }
}

/**
 * Burns the measurements of the shown image into a rendered view (key image PNG): the same shapes
 * and text as the overlay, labels kept inside the picture so none is cut off.
 */
export function paintMeasurements(
  g: CanvasRenderingContext2D,
  measurements: readonly Measurement[],
  toScreen: (column: number, row: number) => ScreenPoint | null,
  width: number,
  height: number,
  bottomReserved: number,
  avoid: readonly LabelBox['box'][] = [],
): void {
  const fontPx = 13;
  g.save();
  g.lineWidth = 1.6;
  const shown = measurements.map((m) => ({
    m,
    p: m.points.flatMap(([x, y]) => {
      const q = toScreen(x, y);
      return q ? [q] : [];
    }),
  }));
  for (const { m, p } of shown) for (const shape of toolGraphics(m.tool, p)) paint(g, shape, 1);
  g.font = `600 ${fontPx}px system-ui, sans-serif`;
  // Measured with the canvas's own font, with room for the 3 px outline.
  const boxes = layoutLabels(
    shown.map(({ m, p }) => ({ anchor: labelAnchor(m.tool, p), lines: measurementLines(m) })),
    width,
    height - bottomReserved,
    { fontPx, measure: (line) => g.measureText(line).width + 3, avoid },
  );
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.setLineDash([]);
  for (const box of boxes)
    box.lines.forEach((line, i) => {
      const y = box.y + i * box.lineHeight;
      g.lineWidth = 3;
      g.strokeStyle = 'rgba(0,0,0,0.9)';
      g.strokeText(line, box.x, y);
      g.fillStyle = '#ffffff';
      g.fillText(line, box.x, y);
    });
  g.restore();
}
