import { SPINOPELVIC_C7 } from '../../../shared/measurements/spinopelvic.ts';
import type { MeasurementTool } from '../../../shared/measurements/tools.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** What a measurement draws, in screen coordinates: shared by the SVG overlay and the key-image PNG. */
export type Graphic =
  | { kind: 'line'; a: ScreenPoint; b: ScreenPoint; style: 'main' | 'construction' | 'plumb' }
  | { kind: 'circle'; c: ScreenPoint; r: number }
  | { kind: 'ellipse'; c: ScreenPoint; rx: number; ry: number }
  | { kind: 'arrowhead'; tip: ScreenPoint; from: ScreenPoint };

const mid = (a: ScreenPoint, b: ScreenPoint): ScreenPoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** The line through a and b, extended by `by` screen pixels beyond each end. */
function extended(a: ScreenPoint, b: ScreenPoint, by: number): [ScreenPoint, ScreenPoint] {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
  return [
    { x: a.x - ux * by, y: a.y - uy * by },
    { x: b.x + ux * by, y: b.y + uy * by },
  ];
}

const line = (
  a: ScreenPoint,
  b: ScreenPoint,
  style: 'main' | 'construction' | 'plumb' = 'main',
): Graphic => ({
  kind: 'line',
  a,
  b,
  style,
});

/**
 * The shapes of a tool's points (complete or still being placed). Spinopelvic draws its
 * construction: femoral heads and hip axis, S1 endplate with its perpendicular, the horizontal and
 * vertical references, the hip–sacrum line, L1 endplate, the C7 plumb line and the T1 line.
 */
export function toolGraphics(tool: MeasurementTool, p: readonly ScreenPoint[]): Graphic[] {
  const g: Graphic[] = [];
  const at = (i: number) => p[i];
  switch (tool) {
    case 'length':
    case 'halo':
    case 'calibration':
      if (p[0] && p[1]) g.push(line(p[0], p[1]));
      return g;
    case 'angle':
      if (p[0] && p[1]) g.push(line(p[0], p[1]));
      if (p[1] && p[2]) g.push(line(p[1], p[2]));
      return g;
    case 'cobb':
      if (p[0] && p[1]) g.push(line(...extended(p[0], p[1], 30)));
      if (p[2] && p[3]) g.push(line(...extended(p[2], p[3], 30)));
      return g;
    case 'probe':
      if (p[0])
        g.push(
          line({ x: p[0].x - 6, y: p[0].y }, { x: p[0].x + 6, y: p[0].y }),
          line({ x: p[0].x, y: p[0].y - 6 }, { x: p[0].x, y: p[0].y + 6 }),
        );
      return g;
    case 'ellipse':
    case 'rectangle': {
      const [a, b] = [at(0), at(1)];
      if (!a || !b) return g;
      if (tool === 'ellipse')
        g.push({ kind: 'ellipse', c: mid(a, b), rx: Math.abs(b.x - a.x) / 2, ry: Math.abs(b.y - a.y) / 2 });
      else
        g.push(
          line(a, { x: b.x, y: a.y }),
          line({ x: b.x, y: a.y }, b),
          line(b, { x: a.x, y: b.y }),
          line({ x: a.x, y: b.y }, a),
        );
      return g;
    }
    case 'arrow':
      if (p[0] && p[1]) g.push(line(p[0], p[1]), { kind: 'arrowhead', tip: p[1], from: p[0] });
      return g;
    case 'text':
      return g;
    case 'coronalBalance':
      if (p[0]) g.push(line(p[0], { x: p[0].x, y: (p[1] ?? p[0]).y + 40 }, 'plumb'));
      if (p[0] && p[1])
        g.push(
          line(p[1], { x: p[0].x, y: p[1].y }),
          line(p[1], { x: p[1].x, y: p[1].y - 80 }, 'construction'),
        );
      return g;
    case 'segment':
      if (p[0] && p[1]) g.push(line(...extended(p[0], p[1], 15)));
      if (p[2] && p[3]) g.push(line(...extended(p[2], p[3], 15)));
      return g;
    case 'spinopelvic':
      return spinopelvicGraphics(p);
  }
}

function spinopelvicGraphics(p: readonly ScreenPoint[]): Graphic[] {
  const g: Graphic[] = [];
  // Each femoral head: its centre, then a point on its outline (the radius).
  const [h1, e1, h2, e2, s1a, s1p, l1a, l1p, c7, t1] = p;
  const head = (c: ScreenPoint | undefined, e: ScreenPoint | undefined): void => {
    if (!c) return;
    g.push({ kind: 'circle', c, r: e ? Math.max(2, Math.hypot(e.x - c.x, e.y - c.y)) : 2 });
    if (e) g.push(line(c, e, 'construction'));
  };
  head(h1, e1);
  head(h2, e2);
  const h = h1 && h2 ? mid(h1, h2) : null;
  if (h && h1 && h2) g.push(line(h1, h2, 'construction'), { kind: 'circle', c: h, r: 3 });
  if (s1a && s1p) {
    const s = mid(s1a, s1p);
    g.push(line(...extended(s1a, s1p, 25)));
    // Horizontal reference (sacral slope) and the perpendicular to the endplate (pelvic incidence).
    g.push(line({ x: s.x - 60, y: s.y }, { x: s.x + 60, y: s.y }, 'construction'));
    const len = Math.hypot(s1p.x - s1a.x, s1p.y - s1a.y) || 1;
    const n = { x: -(s1p.y - s1a.y) / len, y: (s1p.x - s1a.x) / len };
    const down = n.y > 0 ? n : { x: -n.x, y: -n.y };
    g.push(line(s, { x: s.x + down.x * 120, y: s.y + down.y * 120 }, 'construction'));
    if (h) {
      g.push(line(s, h));
      // Vertical reference through the hip axis (pelvic tilt).
      g.push(line(h, { x: h.x, y: h.y - Math.max(80, h.y - s.y + 40) }, 'construction'));
    }
    if (c7)
      g.push(line(c7, { x: c7.x, y: s1p.y }, 'plumb'), line({ x: c7.x, y: s1p.y }, s1p, 'construction'));
  }
  if (l1a && l1p) g.push(line(...extended(l1a, l1p, 25)));
  if (h && t1) g.push(line(h, t1, 'construction'));
  return g;
}

/** Where a measurement's text goes: beside its last point, or the topmost for tall constructions. */
export function labelAnchor(tool: MeasurementTool, p: readonly ScreenPoint[]): ScreenPoint {
  if (tool === 'spinopelvic' && p[SPINOPELVIC_C7])
    return { x: p[SPINOPELVIC_C7].x + 16, y: p[SPINOPELVIC_C7].y };
  if (tool === 'arrow' || tool === 'text') return p[0] ?? { x: 0, y: 0 };
  const last = p[p.length - 1] ?? { x: 0, y: 0 };
  return { x: last.x + 10, y: last.y + 4 };
}

export type { ImagePoint };
