import type { SeriesFacts } from './hanging-protocol.ts';
import type { ViewerSeries } from './viewer-types.ts';

/** What the hanging-protocol matcher knows of a case's series. */
export const seriesFacts = (s: ViewerSeries): SeriesFacts => ({
  seriesId: s.seriesId,
  studyDate: s.studyDate,
  modality: s.modality,
  description: s.description,
  seriesNumber: s.seriesNumber,
  viewPosition: s.viewPosition,
  plane: s.plane,
  bodyPart: s.bodyPart,
  imageCount: s.frameCount,
  volumetric: s.volumetric,
});
