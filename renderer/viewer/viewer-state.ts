import type { Display, ViewportAssignment } from '../../shared/viewer/hanging-protocol.ts';
import type { Layout } from '../../shared/viewer/layouts.ts';
import { LAYOUTS, viewportCount } from '../../shared/viewer/layouts.ts';
import type { ViewState } from '../../shared/viewer/view-state.ts';
import type { Tool } from './viewport/viewport-controller.ts';

/** What a viewport cell shows; `nonce` changes when the same content must be shown afresh. */
export interface CellContent {
  seriesId: number;
  display: Display;
  view?: ViewState;
  /** Open at this stored image (a measurement's) rather than the series' opening image. */
  focus?: { instanceId: number; frame: number };
  nonce: number;
}

export interface Cell {
  content: CellContent | null;
  /** The hanging protocol's name for the cell, or why it is empty. */
  label: string;
  emptyReason: string | null;
}

export interface ViewerState {
  layout: Layout;
  /** Always four cells; the layout shows the first 1, 2 or 4. */
  cells: Cell[];
  active: number;
  tool: Tool;
  /** A single viewport blown up to the whole grid (double click, M). */
  maximized: number | null;
  showPatient: boolean;
  sync: boolean;
  referenceLines: boolean;
  protocolName: string;
}

export type ViewerAction =
  | { type: 'hang'; layout: Layout; assignments: ViewportAssignment[]; protocolName: string }
  | { type: 'layout'; layout: Layout }
  | { type: 'cycleLayout' }
  | {
      type: 'assign';
      cell: number;
      seriesId: number;
      display: Display;
      view?: ViewState;
      focus?: { instanceId: number; frame: number };
    }
  | { type: 'activate'; cell: number }
  | { type: 'cycleActive'; step: number }
  | { type: 'tool'; tool: Tool }
  | { type: 'maximize'; cell: number | null }
  | { type: 'toggle'; what: 'showPatient' | 'sync' | 'referenceLines' }
  | { type: 'named'; protocolName: string };

let nonce = 0;
const emptyCell = (i: number): Cell => ({ content: null, label: `Viewport ${i + 1}`, emptyReason: null });

export function initialViewerState(showPatient = true): ViewerState {
  return {
    layout: '2x2',
    cells: [0, 1, 2, 3].map(emptyCell),
    active: 0,
    tool: 'window',
    maximized: null,
    showPatient,
    sync: true,
    referenceLines: true,
    protocolName: '',
  };
}

const visible = (s: ViewerState): number => viewportCount(s.layout);

export function viewerReducer(s: ViewerState, a: ViewerAction): ViewerState {
  switch (a.type) {
    case 'hang':
      return {
        ...s,
        layout: a.layout,
        protocolName: a.protocolName,
        maximized: null,
        active: 0,
        cells: [0, 1, 2, 3].map((i) => {
          const m = a.assignments[i];
          if (!m) return emptyCell(i);
          return m.seriesId === null
            ? { content: null, label: m.label, emptyReason: m.reason }
            : {
                content: { seriesId: m.seriesId, display: m.display, nonce: ++nonce },
                label: m.label,
                emptyReason: null,
              };
        }),
      };
    case 'layout':
      return {
        ...s,
        layout: a.layout,
        maximized: null,
        active: Math.min(s.active, viewportCount(a.layout) - 1),
      };
    case 'cycleLayout': {
      const layout = LAYOUTS[(LAYOUTS.indexOf(s.layout) + 1) % LAYOUTS.length]!;
      return viewerReducer(s, { type: 'layout', layout });
    }
    case 'assign': {
      if (a.cell < 0 || a.cell >= visible(s)) return s;
      const cells = s.cells.map((c, i) =>
        i === a.cell
          ? {
              content: {
                seriesId: a.seriesId,
                display: a.display,
                ...(a.view ? { view: a.view } : {}),
                ...(a.focus ? { focus: a.focus } : {}),
                nonce: ++nonce,
              },
              label: c.label,
              emptyReason: null,
            }
          : c,
      );
      return { ...s, cells, active: a.cell };
    }
    case 'activate':
      return a.cell >= 0 && a.cell < visible(s) ? { ...s, active: a.cell } : s;
    case 'cycleActive': {
      const n = visible(s);
      return { ...s, active: (((s.active + a.step) % n) + n) % n };
    }
    case 'tool':
      return { ...s, tool: a.tool };
    case 'maximize':
      return {
        ...s,
        maximized: a.cell === null || s.maximized === a.cell ? null : a.cell,
        ...(a.cell !== null ? { active: a.cell } : {}),
      };
    case 'toggle':
      return { ...s, [a.what]: !s[a.what] };
    case 'named':
      return { ...s, protocolName: a.protocolName };
  }
}
