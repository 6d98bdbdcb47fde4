import { lazy } from 'react';

// The viewer (cornerstone, codecs, workers) is its own bundle chunk: the case list and case page
// never load it; pointing at "Open viewer" fetches and warms it ahead of the click.
const loadViewerModule = () => import('../ViewerPage.tsx');
const loadSetupModule = () => import('../cornerstone/setup.ts');

export const LazyViewerPage = lazy(() => loadViewerModule().then((m) => ({ default: m.ViewerPage })));

/** Fetches the viewer chunk and starts its decode workers before they are needed. */
export function warmViewerLazily(): void {
  void loadViewerModule();
  void loadSetupModule().then((m) => m.warmViewer());
}

/**
 * A page opened straight on the viewer: its decode workers start loading while the session is
 * checked and the page renders (the first image needs them), their codecs compiled later; the
 * case's series, layouts and stacks are asked for at once (the viewer takes those answers).
 */
export function startViewerEarly(caseId: number): void {
  void loadSetupModule().then((m) => m.setupViewer());
  void import('../series/case-prefetch.ts').then((m) => m.prefetchCase(caseId));
}
