import { useEffect, useState } from 'react';
import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import type { KeyImage } from '../../../shared/viewer/viewer-types.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import { api } from '../../api.ts';
import { useLoad } from '../../app/use-load.ts';
import type { ViewportController } from '../viewport/viewport-controller.ts';
import { renderViewPng } from './render-png.ts';

/** A case's key images, and saving the view of a viewport as a new one (with its PNG). */
export function useKeyImages(caseId: number) {
  const [loaded] = useLoad(() => api['viewer.keyImages']({ caseId }), [caseId]);
  const [keyImages, setKeyImages] = useState<KeyImage[]>([]);
  useEffect(() => {
    if (loaded.state === 'ready') setKeyImages(loaded.value);
  }, [loaded]);

  /** Resolves with an error message, or null once saved. */
  const save = async (
    viewport: ViewportController | undefined,
    series: ViewerSeries | undefined,
    caption: string,
    measurements: readonly Measurement[] = [],
  ): Promise<string | null> => {
    const view = viewport?.viewState();
    if (!viewport || !view || !series) return 'The active viewport shows no image to save.';
    const label = `${series.modality ?? ''} ${series.description ?? ''}`.trim();
    const png = renderViewPng(viewport, caption, label, measurements);
    const r = await api['viewer.createKeyImage']({
      caseId,
      seriesId: series.seriesId,
      view,
      caption,
      ...(png ? { png } : {}),
    });
    if (!r.ok) return r.error.message;
    setKeyImages((list) => [...list, r.value]);
    return null;
  };
  return { keyImages, setKeyImages, save };
}
