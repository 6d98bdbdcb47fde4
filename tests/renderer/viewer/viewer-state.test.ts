import { describe, expect, it } from 'vitest';
import { initialViewerState, viewerReducer } from '../../../renderer/viewer/viewer-state.ts';

describe('viewer page state', () => {
  it('hangs a protocol: assignments become cells, empty ones keep the reason', () => {
    const s = viewerReducer(initialViewerState(), {
      type: 'hang',
      layout: '2x2',
      protocolName: 'Failed fusion',
      assignments: [
        { label: 'Standing lateral X-ray', seriesId: 4, display: { kind: 'stack' }, fallback: false },
        { label: 'Standing AP X-ray', seriesId: null, reason: 'No series fits.' },
        {
          label: 'CT sagittal reformat',
          seriesId: 7,
          display: { kind: 'reformat', plane: 'sagittal' },
          fallback: false,
        },
      ],
    });
    expect(s.cells.map((c) => c.content?.seriesId ?? null)).toEqual([4, null, 7, null]);
    expect(s.cells[1]).toMatchObject({ label: 'Standing AP X-ray', emptyReason: 'No series fits.' });
    expect(s.cells[2]!.content!.display).toEqual({ kind: 'reformat', plane: 'sagittal' });
    expect(s.protocolName).toBe('Failed fusion');
  });

  it('assigns a series only to a visible viewport and makes it active; a re-assignment is a new content', () => {
    let s = viewerReducer(initialViewerState(), { type: 'layout', layout: '1x2' });
    s = viewerReducer(s, { type: 'assign', cell: 1, seriesId: 9, display: { kind: 'stack' } });
    expect(s.active).toBe(1);
    const first = s.cells[1]!.content!;
    s = viewerReducer(s, { type: 'assign', cell: 1, seriesId: 9, display: { kind: 'stack' } });
    expect(s.cells[1]!.content!.nonce).not.toBe(first.nonce);
    expect(viewerReducer(s, { type: 'assign', cell: 3, seriesId: 1, display: { kind: 'stack' } })).toBe(s);
  });

  it('cycles layouts and viewports, keeps the active viewport inside the grid, toggles maximise', () => {
    let s = initialViewerState();
    s = viewerReducer(s, { type: 'activate', cell: 3 });
    s = viewerReducer(s, { type: 'cycleLayout' }); // 2×2 → 1×1
    expect([s.layout, s.active]).toEqual(['1x1', 0]);
    s = viewerReducer(s, { type: 'layout', layout: '2x1' });
    s = viewerReducer(s, { type: 'cycleActive', step: -1 });
    expect(s.active).toBe(1);
    s = viewerReducer(s, { type: 'maximize', cell: 1 });
    expect(s.maximized).toBe(1);
    expect(viewerReducer(s, { type: 'maximize', cell: 1 }).maximized).toBeNull();
    expect(viewerReducer(s, { type: 'toggle', what: 'sync' }).sync).toBe(false);
  });
});
