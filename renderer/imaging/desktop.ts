import type { DesktopBridge } from '../../shared/contract/desktop.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    caseReviewDesktop?: DesktopBridge;
  }
}

export const desktop = (): DesktopBridge | null => window.caseReviewDesktop ?? null;
