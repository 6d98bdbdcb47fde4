import type { HangingProtocol } from '../../shared/viewer/hanging-protocol.ts';
import type { SavedLayout } from '../../shared/viewer/viewer-types.ts';
import { api } from '../api.ts';
import { LayoutMenu } from './hanging/LayoutMenu.tsx';

export interface Panels {
  series: boolean;
  keyImages: boolean;
  measurements: boolean;
}

interface Props {
  caseId: number;
  title: string;
  protocolName: string;
  panels: Panels;
  keyImageCount: number;
  measurementCount: number;
  layouts: SavedLayout[] | null;
  onPanels: (change: (p: Panels) => Panels) => void;
  onApply: (p: HangingProtocol) => void;
  onSaveLayout: (name: string, makeDefault: boolean) => Promise<string | null>;
  onLayouts: (layouts: SavedLayout[]) => void;
}

/** Back to the case, the case title, side panels, and the hanging layouts. */
export function ViewerHeader(p: Props) {
  const update = (call: Promise<{ ok: true; value: SavedLayout[] } | { ok: false }>): void =>
    void call.then((r) => {
      if (r.ok) p.onLayouts(r.value);
    });
  return (
    <header className="viewer-header">
      <a href={`#/cases/${p.caseId}`} className="viewer-back">
        ← Case
      </a>
      <h1 className="viewer-title">{p.title}</h1>
      <span className="muted viewer-protocol">{p.protocolName}</span>
      <div className="tb-group" role="group" aria-label="Panels">
        <button
          type="button"
          aria-pressed={p.panels.series}
          onClick={() => p.onPanels((x) => ({ ...x, series: !x.series }))}
          title="Show or hide the series list (B)"
        >
          Series
          <kbd>B</kbd>
        </button>
        <button
          type="button"
          aria-pressed={p.panels.keyImages}
          onClick={() => p.onPanels((x) => ({ ...x, keyImages: !x.keyImages }))}
          title="Show or hide the key images"
        >
          Key images ({p.keyImageCount})
        </button>
        <button
          type="button"
          aria-pressed={p.panels.measurements}
          onClick={() => p.onPanels((x) => ({ ...x, measurements: !x.measurements }))}
          title="Show or hide the measurements"
        >
          Measurements ({p.measurementCount})
        </button>
      </div>
      {p.layouts && (
        <LayoutMenu
          layouts={p.layouts}
          currentName={p.protocolName}
          onApply={p.onApply}
          onSave={p.onSaveLayout}
          onSetDefault={(id) => update(api['viewer.setDefaultLayout']({ id }))}
          onDelete={(id) => update(api['viewer.deleteLayout']({ id }))}
        />
      )}
    </header>
  );
}
