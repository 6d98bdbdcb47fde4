/** Zoom limits of a viewport (image pixels per screen pixel). */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 40;

/** A drag over this fraction of the viewport's height doubles (up) or halves (down) the zoom. */
const DOUBLING_FRACTION = 0.5;
/** One drag changes the zoom at most this many times (either way) from where it started. */
const MAX_DRAG_FACTOR = 8;

/**
 * Zoom of a drag as a function of how far the pointer has travelled since the drag began
 * (not of each mouse event, so the result does not depend on the event rate): proportional to the
 * distance relative to the viewport's size, exponential so up and down undo each other, bounded.
 */
export function dragZoomScale(startScale: number, totalDy: number, viewportHeight: number): number {
  const height = Math.max(200, viewportHeight);
  const exponent = -totalDy / (height * DOUBLING_FRACTION);
  const factor = Math.min(MAX_DRAG_FACTOR, Math.max(1 / MAX_DRAG_FACTOR, 2 ** exponent));
  return clampScale(startScale * factor);
}

export const clampScale = (scale: number): number => Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
