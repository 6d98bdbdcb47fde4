/**
 * The pan (cornerstone translation, in image pixels before rotation) that keeps the image under
 * the pointer while it moves by (dx, dy) screen pixels: cornerstone draws
 * canvas = centre + R·S·R⁻¹·(translation + …), so Δtranslation = R·S⁻¹·R⁻¹·Δcanvas.
 */
export function panDelta(
  dx: number,
  dy: number,
  rotationDeg: number,
  widthScale: number,
  heightScale: number,
): { x: number; y: number } {
  const a = (rotationDeg * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  // R⁻¹ · Δ
  const ux = c * dx + s * dy;
  const uy = -s * dx + c * dy;
  // S⁻¹
  const vx = ux / widthScale;
  const vy = uy / heightScale;
  // R
  return { x: c * vx - s * vy, y: s * vx + c * vy };
}

/** cornerstone's per-axis scale: the finer spacing gets `scale`, the coarser is stretched to true size. */
export function axisScales(
  scale: number,
  rowSpacing?: number,
  columnSpacing?: number,
): { width: number; height: number } {
  if (rowSpacing && columnSpacing && rowSpacing < columnSpacing)
    return { width: (scale * columnSpacing) / rowSpacing, height: scale };
  if (rowSpacing && columnSpacing && columnSpacing < rowSpacing)
    return { width: scale, height: (scale * rowSpacing) / columnSpacing };
  return { width: scale, height: scale };
}
