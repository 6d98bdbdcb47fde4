import type { Result } from '../../../shared/contract/result.ts';
import type { SavedLayout, ViewerCase } from '../../../shared/viewer/viewer-types.ts';
import { api } from '../../api.ts';
import { loadStack } from './series-store.ts';

/**
 * What the viewer needs before its first image, asked for as early as the page knows the case
 * (before the viewer's code has loaded and rendered): the case's series, the saved layouts, and
 * every series' sorted stack as soon as the series are known. Each answer is taken once, by the
 * viewer that opens; a failed one is not kept (the viewer asks again and shows the error).
 */
let caseAhead: { caseId: number; result: Promise<Result<ViewerCase>> } | null = null;
let layoutsAhead: Promise<Result<SavedLayout[]>> | null = null;

function fetchCase(caseId: number): Promise<Result<ViewerCase>> {
  return api['viewer.caseSeries']({ id: caseId }).then((r) => {
    // The stacks hang in parallel with the viewer's first render, not after it.
    if (r.ok) for (const s of r.value.series) loadStack(s).catch(() => undefined);
    return r;
  });
}

export function prefetchCase(caseId: number): void {
  if (caseAhead?.caseId === caseId) return;
  caseAhead = { caseId, result: fetchCase(caseId) };
  layoutsAhead = api['viewer.layouts']({});
}

/** The case's series: the prefetched answer when there is one for this case, else a new call. */
export function takeCase(caseId: number): Promise<Result<ViewerCase>> {
  const ahead = caseAhead?.caseId === caseId ? caseAhead.result : null;
  caseAhead = null;
  return ahead ? ahead.then((r) => (r.ok ? r : fetchCase(caseId))) : fetchCase(caseId);
}

export function takeLayouts(): Promise<Result<SavedLayout[]>> {
  const ahead = layoutsAhead;
  layoutsAhead = null;
  return ahead ? ahead.then((r) => (r.ok ? r : api['viewer.layouts']({}))) : api['viewer.layouts']({});
}
