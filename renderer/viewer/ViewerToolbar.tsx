import type { ReactNode } from 'react';
import type { Layout } from '../../shared/viewer/layouts.ts';
import { LAYOUTS, layoutLabel } from '../../shared/viewer/layouts.ts';
import type { WindowPresetOption } from '../../shared/viewer/window-level.ts';
import type { Tool } from './viewport/viewport-controller.ts';

export type ViewCommand = 'fit' | 'actual' | 'invert' | 'rotate' | 'flipH' | 'flipV' | 'reset';

interface Props {
  layout: Layout;
  tool: Tool;
  presets: WindowPresetOption[];
  cineFps: number;
  cinePlaying: boolean;
  sync: boolean;
  referenceLines: boolean;
  showPatient: boolean;
  onLayout: (l: Layout) => void;
  onTool: (t: Tool) => void;
  onPreset: (p: WindowPresetOption) => void;
  onCommand: (c: ViewCommand) => void;
  onCine: () => void;
  onCineFps: (fps: number) => void;
  onToggle: (what: 'sync' | 'referenceLines' | 'showPatient') => void;
  onHelp: () => void;
  children?: ReactNode;
}

const TOOLS: { tool: Tool; label: string; key: string }[] = [
  { tool: 'window', label: 'W/L', key: 'W' },
  { tool: 'pan', label: 'Pan', key: 'P' },
  { tool: 'zoom', label: 'Zoom', key: 'Z' },
  { tool: 'scroll', label: 'Scroll', key: 'S' },
];

const COMMANDS: { command: ViewCommand; label: string; key: string; title: string }[] = [
  { command: 'fit', label: 'Fit', key: 'F', title: 'Fit the image to the viewport' },
  { command: 'actual', label: '1:1', key: 'O', title: 'One image pixel per screen pixel' },
  { command: 'invert', label: 'Invert', key: 'I', title: 'Invert grey levels' },
  { command: 'rotate', label: 'Rotate', key: 'R', title: 'Rotate 90° clockwise' },
  { command: 'flipH', label: 'Flip H', key: 'H', title: 'Flip left–right' },
  { command: 'flipV', label: 'Flip V', key: 'V', title: 'Flip top–bottom' },
  { command: 'reset', label: 'Reset', key: '0', title: "Back to the image's own window, fitted" },
];

export const CINE_RATES = [2, 5, 10, 15, 20, 30] as const;

/** Layouts, mouse tools, window presets and view commands, each with its key shown. */
export function ViewerToolbar(p: Props) {
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Viewer tools">
      <div className="tb-group" role="group" aria-label="Layout">
        {LAYOUTS.map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={p.layout === l}
            onClick={() => p.onLayout(l)}
            title={`Layout ${layoutLabel(l)} (L cycles)`}
          >
            {layoutLabel(l)}
          </button>
        ))}
      </div>
      <div className="tb-group" role="group" aria-label="Mouse tool (left button)">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            aria-pressed={p.tool === t.tool}
            onClick={() => p.onTool(t.tool)}
            title={`${t.label} (${t.key})`}
          >
            {t.label}
            <kbd>{t.key}</kbd>
          </button>
        ))}
      </div>
      {p.presets.length > 0 && (
        <div className="tb-group" role="group" aria-label="Window presets">
          {p.presets.slice(0, 9).map((preset, i) => (
            <button
              key={preset.id}
              type="button"
              onClick={() => p.onPreset(preset)}
              title={`W ${preset.width} L ${preset.center} — ${preset.source}`}
            >
              {preset.label}
              <kbd>{i + 1}</kbd>
            </button>
          ))}
        </div>
      )}
      <div className="tb-group" role="group" aria-label="View">
        {COMMANDS.map((c) => (
          <button
            key={c.command}
            type="button"
            onClick={() => p.onCommand(c.command)}
            title={`${c.title} (${c.key})`}
          >
            {c.label}
            <kbd>{c.key}</kbd>
          </button>
        ))}
      </div>
      <div className="tb-group" role="group" aria-label="Cine">
        <button
          type="button"
          aria-pressed={p.cinePlaying}
          onClick={p.onCine}
          title="Play or stop the stack (C)"
        >
          {p.cinePlaying ? 'Stop' : 'Cine'}
          <kbd>C</kbd>
        </button>
        <label className="tb-select">
          <span className="visually-hidden">Cine speed</span>
          <select value={p.cineFps} onChange={(e) => p.onCineFps(Number(e.target.value))}>
            {CINE_RATES.map((r) => (
              <option key={r} value={r}>
                {r} fps
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tb-group" role="group" aria-label="Display options">
        <button
          type="button"
          aria-pressed={p.sync}
          onClick={() => p.onToggle('sync')}
          title="Scroll series of the same frame of reference together (Y)"
        >
          Sync
          <kbd>Y</kbd>
        </button>
        <button
          type="button"
          aria-pressed={p.referenceLines}
          onClick={() => p.onToggle('referenceLines')}
          title="Show where the other viewports' planes cut this image (X)"
        >
          Ref lines
          <kbd>X</kbd>
        </button>
        <button
          type="button"
          aria-pressed={p.showPatient}
          onClick={() => p.onToggle('showPatient')}
          title="Show or hide patient details, e.g. for teaching (T)"
        >
          Patient info
          <kbd>T</kbd>
        </button>
      </div>
      {p.children}
      <button type="button" className="tb-help" onClick={p.onHelp} title="Keyboard shortcuts (?)">
        Keys <kbd>?</kbd>
      </button>
    </div>
  );
}
