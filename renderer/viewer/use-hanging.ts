import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch } from 'react';
import type { HangingProtocol } from '../../shared/viewer/hanging-protocol.ts';
import { matchProtocol } from '../../shared/viewer/hanging-protocol.ts';
import { viewportCount } from '../../shared/viewer/layouts.ts';
import { FAILED_FUSION_PROTOCOL, protocolFromViewports } from '../../shared/viewer/protocols.ts';
import { seriesFacts } from '../../shared/viewer/series-facts.ts';
import type { SavedLayout, ViewerCase, ViewerSeries } from '../../shared/viewer/viewer-types.ts';
import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { takeLayouts } from './series/case-prefetch.ts';
import type { ViewerAction, ViewerState } from './viewer-state.ts';

/**
 * The hanging protocol: the user's saved layouts, hanging the default one (else the built-in
 * failed-fusion protocol) once the case is known, and saving the current grid as a layout.
 */
export function useHanging(
  viewerCase: ViewerCase | null,
  state: ViewerState,
  dispatch: Dispatch<ViewerAction>,
  seriesById: ReadonlyMap<number, ViewerSeries>,
) {
  const [layoutsLoad] = useLoad(() => takeLayouts(), []);
  const [layouts, setLayouts] = useState<SavedLayout[] | null>(null);
  useEffect(() => {
    if (layoutsLoad.state === 'ready') setLayouts(layoutsLoad.value);
    else if (layoutsLoad.state === 'error') setLayouts([]);
  }, [layoutsLoad]);

  const applyProtocol = useCallback(
    (p: HangingProtocol, c: ViewerCase) => {
      dispatch({
        type: 'hang',
        layout: p.layout,
        assignments: matchProtocol(p, c.series.map(seriesFacts)),
        protocolName: p.name,
      });
    },
    [dispatch],
  );
  const hung = useRef(false);
  useEffect(() => {
    if (hung.current || !viewerCase || layouts === null) return;
    hung.current = true;
    const mine = layouts.find((l) => l.isDefault);
    applyProtocol(mine ? { ...mine.protocol, name: mine.name } : FAILED_FUSION_PROTOCOL, viewerCase);
  }, [viewerCase, layouts, applyProtocol]);

  const saveLayout = async (name: string, makeDefault: boolean): Promise<string | null> => {
    const protocol = protocolFromViewports(
      'user',
      name,
      state.layout,
      state.cells.slice(0, viewportCount(state.layout)).map((c) => {
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
  return { layouts, setLayouts, applyProtocol, saveLayout };
}
