/** Viewport grids, named rows × columns: 1×2 is two viewports side by side, 2×1 one above the other. */
export const LAYOUTS = ['1x1', '1x2', '2x1', '2x2'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LAYOUT_GRID: Record<Layout, { rows: number; columns: number }> = {
  '1x1': { rows: 1, columns: 1 },
  '1x2': { rows: 1, columns: 2 },
  '2x1': { rows: 2, columns: 1 },
  '2x2': { rows: 2, columns: 2 },
};

export const viewportCount = (layout: Layout): number =>
  LAYOUT_GRID[layout].rows * LAYOUT_GRID[layout].columns;

export const layoutLabel = (layout: Layout): string => layout.replace('x', '×');
