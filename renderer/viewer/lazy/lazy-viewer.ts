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
