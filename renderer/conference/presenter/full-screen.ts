import { desktop } from '../../imaging/desktop.ts';

/**
 * Full screen for presenter mode: the Electron window through the desktop bridge, else the
 * browser's Fullscreen API on the presenter element. A refusal (no user gesture, a policy) leaves
 * presenter mode filling the window, which still works on a projector.
 */
export async function enterFullScreen(element: HTMLElement): Promise<boolean> {
  const bridge = desktop();
  if (bridge) return bridge.setFullScreen(true);
  if (!document.fullscreenEnabled) return false;
  try {
    await element.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export async function leaveFullScreen(): Promise<void> {
  const bridge = desktop();
  if (bridge) {
    await bridge.setFullScreen(false);
    return;
  }
  if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
}
