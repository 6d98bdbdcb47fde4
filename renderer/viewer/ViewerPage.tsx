import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Display, HangingProtocol } from '../../shared/viewer/hanging-protocol.ts';
import { matchProtocol } from '../../shared/viewer/hanging-protocol.ts';
import { LAYOUT_GRID, viewportCount } from '../../shared/viewer/layouts.ts';
import { FAILED_FUSION_PROTOCOL, protocolFromViewports } from '../../shared/viewer/protocols.ts';
import { seriesFacts } from '../../shared/viewer/series-facts.ts';
import type { KeyImage, SavedLayout, ViewerCase } from '../../shared/viewer/viewer-types.ts';
import type { WindowPresetOption } from '../../shared/viewer/window-level.ts';
import { presetsFor } from '../../shared/viewer/window-level.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { setupViewer } from './cornerstone/setup.ts';
import { KeyImagesPanel } from './key-images/KeyImagesPanel.tsx';
import { useKeyImages } from './key-images/use-key-images.ts';
import { SeriesBrowser } from './series/SeriesBrowser.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import type { Panels } from './ViewerHeader.tsx';
import { ViewerHeader } from './ViewerHeader.tsx';
import { useViewerKeys } from './use-viewer-keys.ts';
import type { KeyCommand } from './viewer-keys.ts';
import { keyCommand, pageStep } from './viewer-keys.ts';
import { initialViewerState, viewerReducer } from './viewer-state.ts';
import type { ViewCommand } from './ViewerToolbar.tsx';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import type { ImageSource } from './viewport/image-source.ts';
import type { ViewportController } from './viewport/viewport-controller.ts';
import type { DraggedDisplay } from './viewport/ViewportPane.tsx';
import { ViewportPane } from './viewport/ViewportPane.tsx';
import type { ShownSlice } from './viewport/linked-viewports.ts';
import { NO_REFERENCES, referencePlanes, syncScroll } from './viewport/linked-viewports.ts';

const TEACHING_KEY = 'scr.viewer.hidePatient';

interface SliceInfo extends ShownSlice {
  modality: string | null;
  windows: { center: number; width: number; explanation: string | null }[];
}

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
  const [caseLoad] = useLoad(() => api['viewer.caseSeries']({ id: caseId }), [caseId]);
  const [layoutsLoad] = useLoad(() => api['viewer.layouts']({}), []);
  const viewerCase = caseLoad.state === 'ready' ? caseLoad.value : null;
  const [layouts, setLayouts] = useState<SavedLayout[] | null>(null);
  const { keyImages, setKeyImages, save: saveKey } = useKeyImages(caseId);
  useEffect(() => {
    if (layoutsLoad.state === 'ready') setLayouts(layoutsLoad.value);
    else if (layoutsLoad.state === 'error') setLayouts([]);
  }, [layoutsLoad]);

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

  const applyProtocol = useCallback((p: HangingProtocol, c: ViewerCase) => {
    dispatch({
      type: 'hang',
      layout: p.layout,
      assignments: matchProtocol(p, c.series.map(seriesFacts)),
      protocolName: p.name,
    });
  }, []);
  const hung = useRef(false);
  useEffect(() => {
    if (hung.current || !viewerCase || layouts === null) return;
    hung.current = true;
    const mine = layouts.find((l) => l.isDefault);
    applyProtocol(mine ? { ...mine.protocol, name: mine.name } : FAILED_FUSION_PROTOCOL, viewerCase);
  }, [viewerCase, layouts, applyProtocol]);

  // ── Viewports ──────────────────────────────────────────────────────────────────────────────
  const controllers = useRef(new Map<number, ViewportController>());
  const onController = useCallback((cell: number, c: ViewportController | null) => {
    if (c) controllers.current.set(cell, c);
    else controllers.current.delete(cell);
  }, []);
  const [slices, setSlices] = useState<Record<number, SliceInfo>>({});
  const [cineFps, setCineFps] = useState(10);
  const [cineCell, setCineCell] = useState<number | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const visibleCount = viewportCount(state.layout);

  const onSlice = useCallback((cell: number, source: ImageSource, index: number, fromUser: boolean) => {
    const c = controllers.current.get(cell);
    const image = c?.current.image ?? null;
    const plane = image?.scr.plane ?? source.plane(index);
    setSlices((prev) => ({
      ...prev,
      [cell]: {
        plane,
        frameOfReferenceUid: source.frameOfReferenceUid,
        modality: source.series.modality,
        windows: image?.scr.windows ?? [],
      },
    }));
    const s = stateRef.current;
    if (fromUser && s.sync && plane)
      syncScroll(controllers.current, viewportCount(s.layout), cell, source, plane);
  }, []);

  const firstImageMeasured = useRef(false);
  const onFirstImage = useCallback(() => {
    if (firstImageMeasured.current) return;
    firstImageMeasured.current = true;
    performance.measure('scr:first-image', 'scr:viewer-open');
  }, []);

  const active = (): ViewportController | undefined => controllers.current.get(stateRef.current.active);
  const activeSlice = slices[state.active];
  const presets: WindowPresetOption[] = activeSlice
    ? presetsFor(activeSlice.modality, activeSlice.windows)
    : [];

  const references = useMemo(
    () => (state.referenceLines && state.maximized === null ? referencePlanes(slices, visibleCount) : []),
    [slices, state.referenceLines, state.maximized, visibleCount],
  );
  const onActivate = useCallback((cell: number) => dispatch({ type: 'activate', cell }), []);
  const onToggleMaximize = useCallback((cell: number) => dispatch({ type: 'maximize', cell }), []);
  const onDropDisplay = useCallback(
    (cell: number, d: DraggedDisplay) =>
      dispatch({ type: 'assign', cell, seriesId: d.seriesId, display: d.display }),
    [],
  );

  const command = (c: ViewCommand): void => {
    const v = active();
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
  const toggleCine = (): void => {
    const v = active();
    if (!v) return;
    if (v.current.cineFps !== null) {
      v.stopCine();
      setCineCell(null);
    } else {
      for (const other of controllers.current.values()) other.stopCine();
      v.startCine(cineFps);
      setCineCell(state.active);
    }
  };
  const changeFps = (fps: number): void => {
    setCineFps(fps);
    const v = cineCell !== null ? controllers.current.get(cineCell) : undefined;
    if (v?.current.cineFps) v.startCine(fps);
  };

  // ── Key images ─────────────────────────────────────────────────────────────────────────────
  const [savingKey, setSavingKey] = useState(false);
  // On a projector (1024 px) the images need the width: key images start folded away.
  const [panels, setPanels] = useState<Panels>(() => ({
    series: true,
    keyImages: window.innerWidth >= 1400,
  }));
  const startSaving = (): void => {
    setPanels((p) => ({ ...p, keyImages: true }));
    setSavingKey(true);
  };
  const readOnly = viewerCase?.archived ?? true;
  const saveKeyImage = async (caption: string): Promise<string | null> => {
    const content = state.cells[state.active]?.content;
    const problem = await saveKey(active(), content ? seriesById.get(content.seriesId) : undefined, caption);
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

  // ── Layouts ────────────────────────────────────────────────────────────────────────────────
  const saveLayout = async (name: string, makeDefault: boolean): Promise<string | null> => {
    const protocol = protocolFromViewports(
      'user',
      name,
      state.layout,
      state.cells.slice(0, visibleCount).map((c) => {
        const s = c.content ? seriesById.get(c.content.seriesId) : undefined;
        return s && c.content ? { series: seriesFacts(s), display: c.content.display } : null;
      }),
    );
    const r = await api['viewer.saveLayout']({ name, protocol, makeDefault });
    if (!r.ok) return r.error.message;
    const list = await api['viewer.layouts']({});
    if (list.ok) setLayouts(list.value);
    dispatch({ type: 'named', protocolName: r.value.name });
    return null;
  };

  // ── Keyboard ───────────────────────────────────────────────────────────────────────────────
  const [help, setHelp] = useState(false);
  const runKey = (cmd: KeyCommand): boolean => {
    const v = active();
    switch (cmd.kind) {
      case 'scroll':
        void v?.scrollBy(cmd.by);
        return true;
      case 'page':
        void v?.scrollBy(cmd.direction * pageStep(v.count));
        return true;
      case 'jump':
        void v?.scrollTo(cmd.to === 'first' ? 0 : v.count - 1);
        return true;
      case 'tool':
        dispatch({ type: 'tool', tool: cmd.tool });
        return true;
      case 'view':
        command(cmd.command);
        return true;
      case 'preset': {
        const preset = presets[cmd.index];
        if (preset) v?.setVoi(preset);
        return !!preset;
      }
      case 'cine':
        toggleCine();
        return true;
      case 'cycleLayout':
        dispatch({ type: 'cycleLayout' });
        return true;
      case 'maximize':
        dispatch({ type: 'maximize', cell: state.active });
        return true;
      case 'cycleActive':
        dispatch({ type: 'cycleActive', step: cmd.step });
        return true;
      case 'toggle':
        dispatch({ type: 'toggle', what: cmd.what });
        return true;
      case 'toggleSeries':
        setPanels((p) => ({ ...p, series: !p.series }));
        return true;
      case 'keyImage':
        if (!readOnly) startSaving();
        return true;
      case 'help':
        setHelp(true);
        return true;
      case 'escape':
        if (state.maximized !== null) dispatch({ type: 'maximize', cell: null });
        for (const c of controllers.current.values()) c.stopCine();
        setCineCell(null);
        return true;
    }
  };
  useViewerKeys((e) => {
    const cmd = keyCommand(e.key);
    return cmd ? runKey(cmd) : false;
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
    <div className={presentation ? 'viewer-page is-presentation' : 'viewer-page'}>
      <ViewerHeader
        caseId={caseId}
        title={c.title}
        protocolName={state.protocolName}
        panels={panels}
        keyImageCount={keyImages.length}
        layouts={layouts}
        onPanels={setPanels}
        onApply={(p) => applyProtocol(p, c)}
        onSaveLayout={saveLayout}
        onLayouts={setLayouts}
      />
      <ViewerToolbar
        layout={state.layout}
        tool={state.tool}
        presets={presets}
        cineFps={cineFps}
        cinePlaying={cineCell !== null}
        sync={state.sync}
        referenceLines={state.referenceLines}
        showPatient={state.showPatient}
        onLayout={(layout) => dispatch({ type: 'layout', layout })}
        onTool={(tool) => dispatch({ type: 'tool', tool })}
        onPreset={(p) => active()?.setVoi(p)}
        onCommand={command}
        onCine={toggleCine}
        onCineFps={changeFps}
        onToggle={(what) => dispatch({ type: 'toggle', what })}
        onHelp={() => setHelp(true)}
      />
      <div className="viewer-body">
        {panels.series && (
          <SeriesBrowser
            series={c.series}
            shown={shown}
            activeViewport={state.active}
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
                references={references[i] ?? NO_REFERENCES}
                onController={onController}
                onActivate={onActivate}
                onSlice={onSlice}
                onDropDisplay={onDropDisplay}
                onToggleMaximize={onToggleMaximize}
                onFirstImage={onFirstImage}
              />
            </div>
          ))}
        </div>
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
  );
}
