/**
 * The order a stack streams in from the image being looked at: that image, then its neighbours
 * alternately after and before it, nearest first (a scroll either way finds its next images early).
 */
export function nearestFirst(count: number, at: number): number[] {
  const start = Math.max(0, Math.min(count - 1, Math.round(at)));
  const order: number[] = count > 0 ? [start] : [];
  for (let d = 1; order.length < count; d++) {
    if (start + d < count) order.push(start + d);
    if (start - d >= 0) order.push(start - d);
  }
  return order;
}

/**
 * The order a volume's slices load in so a reformat is whole at once and sharpens: both ends
 * first (they fix the geometry), then every `2^k`-th slice for falling k — each pass halves the
 * gaps that neighbours stand in for.
 */
export function coarseToFine(count: number): number[] {
  if (count <= 0) return [];
  const order: number[] = [0];
  if (count > 1) order.push(count - 1);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  seen[count - 1] = 1;
  let step = 1;
  while (step * 2 < count) step *= 2;
  for (; step >= 1; step = step >> 1)
    for (let i = 0; i < count; i += step)
      if (!seen[i]) {
        seen[i] = 1;
        order.push(i);
      }
  return order;
}
