import { FEMORAL_HEAD_CENTRES } from './spinopelvic.ts';
import type { MeasurementTool } from './tools.ts';
import type { ImagePoint } from './types.ts';

/**
 * The points of a measurement after its point `index` was dragged to `to`. A femoral head of the
 * spinopelvic tool is a circle: dragging its centre moves the whole circle (its edge point follows),
 * dragging its edge point changes its radius.
 */
export function dragPoint(
  tool: MeasurementTool,
  points: readonly ImagePoint[],
  index: number,
  to: ImagePoint,
): ImagePoint[] {
  const from = points[index];
  if (!from) return points.map((p) => [p[0], p[1]]);
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const follows =
    tool === 'spinopelvic' && (FEMORAL_HEAD_CENTRES as readonly number[]).includes(index) ? index + 1 : -1;
  return points.map((p, i): ImagePoint => {
    if (i === index) return [to[0], to[1]];
    if (i === follows) return [p[0] + dx, p[1] + dy];
    return [p[0], p[1]];
  });
}
