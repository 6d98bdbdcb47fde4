import { memo, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { Display } from '../../../shared/viewer/hanging-protocol.ts';
import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import { loadStack } from '../series/series-store.ts';
import type { CellContent } from '../viewer-state.ts';
import { loadVolume } from '../volume/reformat-loader.ts';
import type { ImageSource } from './image-source.ts';
import { reformatSource, stackSource } from './image-source.ts';
import type { ReferencePlane } from './ViewportOverlay.tsx';
import { ViewportOverlay } from './ViewportOverlay.tsx';
import { MeasurementLayer } from '../tools/MeasurementLayer.tsx';
import { MeasurementsContext } from '../tools/measurements-context.ts';
import { useMeasureSession } from '../tools/use-measure-session.ts';
import type { Tool, ViewportController, ViewportState } from './viewport-controller.ts';
import { ViewportController as Controller } from './viewport-controller.ts';

export const DISPLAY_DRAG_TYPE = 'application/x-scr-display';

export interface DraggedDisplay {
  seriesId: number;
  display: Display;
}

interface Props {
  cell: number;
  content: CellContent | null;
  label: string;
  emptyReason: string | null;
  series: ViewerSeries | null;
  active: boolean;
  tool: Tool;
  showPatient: boolean;
  references: ReferencePlane[];
  onController: (cell: number, c: ViewportController | null) => void;
  onActivate: (cell: number) => void;
  onSlice: (cell: number, source: ImageSource, index: number, fromUser: boolean) => void;
  onDropDisplay: (cell: number, d: DraggedDisplay) => void;
  onToggleMaximize: (cell: number) => void;
  onFirstImage: () => void;
  /** This viewport's first image is shown, or it could not be: either way it has finished loading. */
  onSettled: (cell: number) => void;
}

const PLANE_WORD = { axial: 'axial', sagittal: 'sagittal', coronal: 'coronal' } as const;

/** One cell of the grid: a cornerstone element, its overlays, and what to do when a series is dropped. */
export const ViewportPane = memo(function ViewportPane(props: Props) {
  const { cell, content, series, tool, onController } = props;
  const elementRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<ViewportController | null>(null);
  const [state, setState] = useState<ViewportState | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [dropping, setDropping] = useState(false);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const element = elementRef.current!;
    const c = new Controller(element, {
      onState: (s) => setState(s),
      onSliceChange: (_plane, source, index) => callbacks.current.onSlice(cell, source, index, true),
      onActivate: () => callbacks.current.onActivate(cell),
    });
    const observer = new ResizeObserver(() =>
      setSize({ width: element.clientWidth, height: element.clientHeight }),
    );
    observer.observe(element);
    setController(c);
    onController(cell, c);
    return () => {
      observer.disconnect();
      onController(cell, null);
      c.destroy();
    };
  }, [cell, onController]);

  useEffect(() => {
    if (controller) controller.tool = tool;
  }, [controller, tool]);

  // Load what the cell should show; a newer assignment abandons an older one mid-way.
  useEffect(() => {
    if (!controller) return;
    if (!content || !series) {
      controller.clear();
      return;
    }
    let current = true;
    let stopRefining = (): void => {};
    const run = async (): Promise<void> => {
      controller.showLoading(`Loading ${series.description ?? 'series'}…`);
      const stack = await loadStack(series);
      if (!current) return;
      let source: ImageSource;
      if (content.display.kind === 'stack') source = stackSource(stack);
      else {
        const plane = content.display.plane;
        let built = false;
        // Slices keep arriving after the first look: the drawn reformat is not put back to loading.
        const volume = await loadVolume(stack, (loaded, total) => {
          if (current && !built)
            controller.showLoading(`Loading slices for the ${PLANE_WORD[plane]} reformat…`, {
              loaded,
              total,
            });
        });
        built = true;
        if (!current) return;
        performance.measure('scr:reformat-build', {
          start: performance.now() - volume.buildMs,
          duration: volume.buildMs,
        });
        source = reformatSource(series, volume, plane);
        // The volume sharpens as slices arrive: redraw the slice shown.
        stopRefining = volume.onRefine(
          () => void controller.scrollTo(controller.current.index, { force: true }),
        );
      }
      if (source.count === 0) {
        controller.showError('This series has no displayable images.');
        callbacks.current.onSettled(cell);
        return;
      }
      const focus = content.focus;
      const focused = focus
        ? Array.from({ length: source.count }, (_, i) => source.frameRef(i)).findIndex(
            (r) => r?.instanceId === focus.instanceId && r.frame === focus.frame,
          )
        : -1;
      const index = focused >= 0 ? focused : (content.view?.imageIndex ?? source.defaultIndex);
      await controller.show(source, index, content.view);
      if (!current) return;
      callbacks.current.onFirstImage();
      callbacks.current.onSettled(cell);
      controller.preloadAll();
    };
    run().catch((e: unknown) => {
      if (!current) return;
      controller.showError(e instanceof Error ? e.message : String(e));
      callbacks.current.onSettled(cell);
    });
    return () => {
      current = false;
      stopRefining();
    };
  }, [controller, content, series]);

  // Report every change of slice (also those caused by synchronised scrolling) for reference lines.
  const lastSlice = useRef('');
  useEffect(() => {
    if (!state?.source || state.status !== 'ready') return;
    const key = `${state.source.key}/${state.index}`;
    if (key === lastSlice.current) return;
    lastSlice.current = key;
    callbacks.current.onSlice(cell, state.source, state.index, false);
  }, [state, cell]);

  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes(DISPLAY_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (e: DragEvent): void => {
    setDropping(false);
    const raw = e.dataTransfer.getData(DISPLAY_DRAG_TYPE);
    if (!raw) return;
    e.preventDefault();
    e.stopPropagation();
    props.onDropDisplay(cell, JSON.parse(raw) as DraggedDisplay);
  };

  const model = useContext(MeasurementsContext);
  const frameRef = state?.source && state.status === 'ready' ? state.source.frameRef(state.index) : null;
  const instanceId = frameRef?.instanceId ?? null;
  const frame = frameRef?.frame ?? 0;
  const imageRef = useMemo(
    () => (model && instanceId !== null ? { caseId: model.caseId, instanceId, frame } : null),
    [model?.caseId, instanceId, frame],
  );
  const all = model?.data?.measurements;
  const onImage = useMemo(
    () => (all ?? []).filter((m) => m.instanceId === instanceId && m.frame === frame),
    [all, instanceId, frame],
  );
  const calibration = useMemo(
    () =>
      (all ?? []).filter((m) => m.tool === 'calibration' && m.seriesId === series?.seriesId).at(-1) ?? null,
    [all, series?.seriesId],
  );
  const session = useMeasureSession(controller, tool, imageRef, onImage, model);

  const status = state?.status ?? 'empty';
  const showImage = status === 'ready' && !state?.imageError;
  const name = content ? `Viewport ${cell + 1}: ${props.label}` : `Viewport ${cell + 1} (empty)`;
  return (
    <section
      className={`viewport${props.active ? ' is-active' : ''}${dropping ? ' is-drop-target' : ''}`}
      aria-label={name}
      data-viewport={cell + 1}
      data-status={status}
      tabIndex={0}
      onFocus={() => props.onActivate(cell)}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      onDoubleClick={() => props.onToggleMaximize(cell)}
    >
      <div
        ref={elementRef}
        className={`vp-element${showImage ? '' : ' is-hidden'}`}
        data-testid="cornerstone-element"
      />
      {state && showImage && (
        <ViewportOverlay
          state={state}
          controller={controller}
          series={series}
          showPatient={props.showPatient}
          references={props.references}
          width={size.width}
          height={size.height}
        />
      )}
      {state && showImage && controller && (
        <MeasurementLayer
          controller={controller}
          measurements={onImage}
          selected={model?.selected ?? null}
          session={session}
          tool={tool}
          width={size.width}
          height={size.height}
        />
      )}
      {showImage && calibration && (
        <div className="ms-calibration vp-warn" data-testid="calibration-note">
          Calibrated: {calibration.knownMm} mm object (by {calibration.createdBy})
        </div>
      )}
      <span className="vp-number" aria-hidden="true">
        {cell + 1}
      </span>
      {status === 'empty' && (
        <div className="vp-message">
          <p className="vp-label">{props.label}</p>
          <p className="muted">{props.emptyReason ?? 'Drag a series here, or select one and press Enter.'}</p>
        </div>
      )}
      {status === 'loading' && (
        <div className="vp-message" role="status">
          <p>{state?.message}</p>
          {state?.progress && (
            <progress max={state.progress.total} value={state.progress.loaded}>
              {state.progress.loaded}/{state.progress.total}
            </progress>
          )}
        </div>
      )}
      {status === 'error' && (
        <div className="vp-message vp-error" role="alert">
          <p className="vp-label">This series cannot be shown</p>
          <p>{state?.message}</p>
        </div>
      )}
      {state?.imageError && (
        <div className="vp-message vp-error" role="alert">
          <p className="vp-label">
            Image {state.index + 1} of {state.source?.count} cannot be shown
          </p>
          <p>{state.imageError}</p>
          <p className="muted">Scroll to see the other images of the series.</p>
        </div>
      )}
    </section>
  );
});
