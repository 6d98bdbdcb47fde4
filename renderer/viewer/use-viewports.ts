import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { viewportCount } from '../../shared/viewer/layouts.ts';
import type { ImageSource } from './viewport/image-source.ts';
import type { ShownSlice } from './viewport/linked-viewports.ts';
import { referencePlanes, syncScroll } from './viewport/linked-viewports.ts';
import type { ViewportController } from './viewport/viewport-controller.ts';
import type { ViewerState } from './viewer-state.ts';

const THUMBNAILS_AT_LATEST_MS = 8000;

export interface SliceInfo extends ShownSlice {
  modality: string | null;
  windows: { center: number; width: number; explanation: string | null }[];
}

/**
 * The grid's viewport controllers and what each shows: synchronised scrolling of series that share
 * a frame of reference, reference lines, and the first-image timing mark.
 */
export function useViewports(state: ViewerState) {
  const controllers = useRef(new Map<number, ViewportController>());
  const onController = useCallback((cell: number, c: ViewportController | null) => {
    if (c) controllers.current.set(cell, c);
    else controllers.current.delete(cell);
  }, []);
  const [slices, setSlices] = useState<Record<number, SliceInfo>>({});
  const stateRef = useRef(state);
  stateRef.current = state;
  const visibleCount = viewportCount(state.layout);

  // Slice changes reach React once per display frame (a held key steps every frame; each
  // change re-renders the reference lines of the other viewports).
  const pending = useRef<Record<number, SliceInfo> | null>(null);
  const onSlice = useCallback((cell: number, source: ImageSource, index: number, fromUser: boolean) => {
    const c = controllers.current.get(cell);
    const image = c?.current.image ?? null;
    const plane = image?.scr.plane ?? source.plane(index);
    const info: SliceInfo = {
      plane,
      frameOfReferenceUid: source.frameOfReferenceUid,
      modality: source.series.modality,
      windows: image?.scr.windows ?? [],
    };
    if (!pending.current) {
      pending.current = {};
      requestAnimationFrame(() => {
        const changes = pending.current;
        pending.current = null;
        setSlices((prev) => ({ ...prev, ...changes }));
      });
    }
    pending.current[cell] = info;
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
  // Thumbnails wait until every viewport of the layout has settled (its first image shown, a
  // reformat's first look, or an error): made on the host from each series' middle image, they
  // would share the host's and the decoders' cores with the slices still loading.
  const [firstShown, setFirstShown] = useState(false);
  const settledCells = useRef(new Set<number>());
  const onSettled = useCallback((cell: number) => {
    settledCells.current.add(cell);
    const { cells, layout } = stateRef.current;
    const waiting = cells
      .slice(0, viewportCount(layout))
      .some((c, i) => c.content !== null && !settledCells.current.has(i));
    if (!waiting) setFirstShown(true);
  }, []);
  // A hanging that leaves every viewport empty has nothing to wait for.
  const nothingHung =
    state.protocolName !== '' && state.cells.slice(0, visibleCount).every((c) => c.content === null);
  useEffect(() => {
    if (nothingHung) setFirstShown(true);
  }, [nothingHung]);
  useEffect(() => {
    const timer = setTimeout(() => setFirstShown(true), THUMBNAILS_AT_LATEST_MS);
    return () => clearTimeout(timer);
  }, []);

  const references = useMemo(
    () => (state.referenceLines && state.maximized === null ? referencePlanes(slices, visibleCount) : []),
    [slices, state.referenceLines, state.maximized, visibleCount],
  );
  const active = useCallback(
    (): ViewportController | undefined => controllers.current.get(stateRef.current.active),
    [],
  );
  return {
    controllers,
    onController,
    onSlice,
    onFirstImage,
    onSettled,
    firstShown,
    references,
    active,
    activeSlice: slices[state.active],
  };
}
