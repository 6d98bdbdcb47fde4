import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Display } from '../../shared/viewer/hanging-protocol.ts';
import { LAYOUT_GRID, viewportCount } from '../../shared/viewer/layouts.ts';
import type { KeyImage } from '../../shared/viewer/viewer-types.ts';
import type { WindowPresetOption } from '../../shared/viewer/window-level.ts';
import { presetsFor } from '../../shared/viewer/window-level.ts';
import { useLoad } from '../app/use-load.ts';
import { setupViewer } from './cornerstone/setup.ts';
import { takeCase } from './series/case-prefetch.ts';
import { KeyImagesPanel } from './key-images/KeyImagesPanel.tsx';
import { useKeyImages } from './key-images/use-key-images.ts';
import { SeriesBrowser } from './series/SeriesBrowser.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useCine } from './use-cine.ts';
import { useHanging } from './use-hanging.ts';
import { useKeyCommands } from './use-key-commands.ts';
import { useViewports } from './use-viewports.ts';
import type { Panels } from './ViewerHeader.tsx';
import { ViewerHeader } from './ViewerHeader.tsx';
import { initialViewerState, viewerReducer } from './viewer-state.ts';
import type { ViewCommand } from './ViewerToolbar.tsx';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import type { DraggedDisplay } from './viewport/ViewportPane.tsx';
import { ViewportPane } from './viewport/ViewportPane.tsx';
import { NO_REFERENCES } from './viewport/linked-viewports.ts';
import { MeasurementsContext } from './tools/measurements-context.ts';
import { MeasurementsPanel } from './tools/MeasurementsPanel.tsx';
import { MeasureTools } from './tools/MeasureTools.tsx';
import { useMeasureKeys } from './tools/use-measure-keys.ts';
import { useMeasurements } from './tools/use-measurements.ts';
import type { Measurement } from '../../shared/measurements/measurement.ts';

const TEACHING_KEY = 'scr.viewer.hidePatient';

/** The viewer of one case: composes the hanging, viewport, cine, key-image and keyboard hooks. */
/**
 * `presentation`: the conference's live viewer: the hanging protocol without header, toolbar or
 * side panels (hidden by the presenter's styles; keys still work). `hidePatient` starts with
 * identifiers off (teaching conferences).
 */
export function ViewerPage({
  caseId,
  presentation = false,
  hidePatient = false,
}: {
  caseId: number;
  presentation?: boolean;
  hidePatient?: boolean;
}) {
  useState(() => setupViewer());
  useEffect(() => {
    performance.clearMeasures('scr:first-image');
    performance.mark('scr:viewer-open');
  }, []);
  const [caseLoad] = useLoad(() => takeCase(caseId), [caseId]);
  const viewerCase = caseLoad.state === 'ready' ? caseLoad.value : null;
  const [state, dispatch] = useReducer(viewerReducer, undefined, () =>
    initialViewerState(!hidePatient && localStorage.getItem(TEACHING_KEY) !== '1'),
  );
  useEffect(() => {
    if (!presentation) localStorage.setItem(TEACHING_KEY, state.showPatient ? '0' : '1');
  }, [state.showPatient, presentation]);
  const seriesById = useMemo(
    () => new Map((viewerCase?.series ?? []).map((s) => [s.seriesId, s])),
    [viewerCase],
  );
  const hanging = useHanging(viewerCase, state, dispatch, seriesById);
  const vp = useViewports(state);
  const cine = useCine(vp.controllers, state.active);
  const { keyImages, setKeyImages, save: saveKey } = useKeyImages(caseId);
  const visibleCount = viewportCount(state.layout);
  const presets: WindowPresetOption[] = vp.activeSlice
    ? presetsFor(vp.activeSlice.modality, vp.activeSlice.windows)
    : [];

  const command = (c: ViewCommand): void => {
    const v = vp.active();
    if (!v) return;
    ({
      fit: () => v.fit(),
      actual: () => v.actualSize(),
      invert: () => v.invert(),
      rotate: () => v.rotate90(),
      flipH: () => v.flipHorizontal(),
      flipV: () => v.flipVertical(),
      reset: () => v.reset(),
    })[c]();
  };

  // On a projector (1024 px) the images need the width: key images start folded away.
  const [panels, setPanels] = useState<Panels>(() => ({
    series: true,
    keyImages: window.innerWidth >= 1400,
    measurements: window.innerWidth >= 1400,
  }));
  const measurements = useMeasurements(caseId);
  useMeasureKeys(measurements);
  const showMeasurement = (m: Measurement): void => {
    // A viewport already showing the series scrolls to the image; else the active one opens it.
    const cell = state.cells
      .slice(0, viewportCount(state.layout))
      .findIndex((c) => c.content?.seriesId === m.seriesId && c.content.display.kind === 'stack');
    dispatch({
      type: 'assign',
      cell: cell >= 0 ? cell : state.active,
      seriesId: m.seriesId,
      display: { kind: 'stack' },
      focus: { instanceId: m.instanceId, frame: m.frame },
    });
  };
  const [savingKey, setSavingKey] = useState(false);
  const readOnly = viewerCase?.archived ?? true;
  const startSaving = (): void => {
    setPanels((p) => ({ ...p, keyImages: true }));
    setSavingKey(true);
  };
  const saveKeyImage = async (caption: string): Promise<string | null> => {
    const content = state.cells[state.active]?.content;
    const v = vp.active();
    const shownRef = v?.current.source?.frameRef(v.current.index) ?? null;
    const onImage = (measurements.data?.measurements ?? []).filter(
      (m) => m.instanceId === shownRef?.instanceId && m.frame === shownRef.frame,
    );
    const problem = await saveKey(
      v,
      content ? seriesById.get(content.seriesId) : undefined,
      caption,
      onImage,
    );
    if (!problem) setSavingKey(false);
    return problem;
  };
  const showKeyImage = (k: KeyImage): void =>
    dispatch({
      type: 'assign',
      cell: state.active,
      seriesId: k.seriesId,
      display: k.view.display,
      view: k.view,
    });

  const onActivate = useCallback((cell: number) => dispatch({ type: 'activate', cell }), []);
  const onToggleMaximize = useCallback((cell: number) => dispatch({ type: 'maximize', cell }), []);
  const onDropDisplay = useCallback(
    (cell: number, d: DraggedDisplay) =>
      dispatch({ type: 'assign', cell, seriesId: d.seriesId, display: d.display }),
    [],
  );

  const [help, setHelp] = useState(false);
  useKeyCommands({
    state,
    dispatch,
    active: vp.active,
    presets,
    command,
    toggleCine: cine.toggle,
    stopCine: cine.stopAll,
    toggleSeries: () => setPanels((p) => ({ ...p, series: !p.series })),
    saveKeyImage: () => {
      if (!readOnly) startSaving();
    },
    showHelp: () => setHelp(true),
  });

  if (caseLoad.state === 'loading') return <p className="centered-note">Opening the viewer…</p>;
  if (caseLoad.state === 'error')
    return (
      <section className="page">
        <p role="alert" className="error-text">
          {caseLoad.message}
        </p>
        <a href="#/cases">Back to the case list</a>
      </section>
    );
  const c = caseLoad.value;
  const grid = LAYOUT_GRID[state.layout];
  const shown = state.cells
    .slice(0, visibleCount)
    .flatMap((cell, i) =>
      cell.content
        ? [{ seriesId: cell.content.seriesId, display: cell.content.display, viewport: i + 1 }]
        : [],
    );
  const assign = (cell: number, seriesId: number, display: Display): void =>
    dispatch({ type: 'assign', cell, seriesId, display });

  return (
    <MeasurementsContext.Provider value={measurements}>
      <div className={presentation ? 'viewer-page is-presentation' : 'viewer-page'}>
        <ViewerHeader
          caseId={caseId}
          title={c.title}
          protocolName={state.protocolName}
          panels={panels}
          keyImageCount={keyImages.length}
          measurementCount={measurements.data?.measurements.length ?? 0}
          layouts={hanging.layouts}
          onPanels={setPanels}
          onApply={(p) => hanging.applyProtocol(p, c)}
          onSaveLayout={hanging.saveLayout}
          onLayouts={hanging.setLayouts}
        />
        <ViewerToolbar
          layout={state.layout}
          tool={state.tool}
          presets={presets}
          cineFps={cine.fps}
          cinePlaying={cine.playing}
          sync={state.sync}
          referenceLines={state.referenceLines}
          showPatient={state.showPatient}
          onLayout={(layout) => dispatch({ type: 'layout', layout })}
          onTool={(tool) => dispatch({ type: 'tool', tool })}
          onPreset={(p) => vp.active()?.setVoi(p)}
          onCommand={command}
          onCine={cine.toggle}
          onCineFps={cine.changeFps}
          onToggle={(what) => dispatch({ type: 'toggle', what })}
          onHelp={() => setHelp(true)}
        >
          <MeasureTools tool={state.tool} onTool={(tool) => dispatch({ type: 'tool', tool })} />
        </ViewerToolbar>
        <div className="viewer-body">
          {panels.series && (
            <SeriesBrowser
              series={c.series}
              shown={shown}
              activeViewport={state.active}
              thumbnails={vp.firstShown}
              onChoose={(seriesId, display) => assign(state.active, seriesId, display)}
            />
          )}
          <div
            className={`viewport-grid layout-${state.layout}${state.maximized !== null ? ' is-maximized' : ''}`}
            data-rows={grid.rows}
            data-columns={grid.columns}
          >
            {state.cells.slice(0, visibleCount).map((cell, i) => (
              <div
                key={i}
                className={`viewport-slot${state.maximized !== null && state.maximized !== i ? ' is-covered' : ''}`}
              >
                <ViewportPane
                  cell={i}
                  content={cell.content}
                  label={cell.label}
                  emptyReason={cell.emptyReason}
                  series={cell.content ? (seriesById.get(cell.content.seriesId) ?? null) : null}
                  active={state.active === i}
                  tool={state.tool}
                  showPatient={state.showPatient}
                  references={vp.references[i] ?? NO_REFERENCES}
                  onController={vp.onController}
                  onActivate={onActivate}
                  onSlice={vp.onSlice}
                  onDropDisplay={onDropDisplay}
                  onToggleMaximize={onToggleMaximize}
                  onFirstImage={vp.onFirstImage}
                  onSettled={vp.onSettled}
                />
              </div>
            ))}
          </div>
          {panels.measurements && <MeasurementsPanel model={measurements} onShow={showMeasurement} />}
          {panels.keyImages && (
            <KeyImagesPanel
              caseId={caseId}
              keyImages={keyImages}
              readOnly={readOnly}
              saving={savingKey}
              onStartSave={startSaving}
              onCancelSave={() => setSavingKey(false)}
              onSave={saveKeyImage}
              onChanged={setKeyImages}
              onShow={showKeyImage}
            />
          )}
        </div>
        {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      </div>
    </MeasurementsContext.Provider>
  );
}
