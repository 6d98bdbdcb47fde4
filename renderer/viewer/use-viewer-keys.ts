import { useEffect, useRef } from 'react';

/** Keys the viewer handles anywhere on its page, unless the user is typing or a dialog is open. */
export function useViewerKeys(handler: (e: KeyboardEvent) => boolean): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      // Enter and Space belong to the focused button or link.
      if ((e.key === 'Enter' || e.key === ' ') && t?.closest('button, a')) return;
      if (ref.current(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
