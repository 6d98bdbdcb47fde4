import { useEffect, useRef } from 'react';
import type { MeasurementsModel } from './use-measurements.ts';

/** Delete removes the selected measurement; Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (not while typing). */
export function useMeasureKeys(model: MeasurementsModel): void {
  const ref = useRef(model);
  ref.current = model;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target instanceof Element ? e.target : null;
      if (e.defaultPrevented || t?.closest('input, textarea, select, [contenteditable="true"], dialog'))
        return;
      const m = ref.current;
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (ctrl && key === 'z') void (e.shiftKey ? m.redo() : m.undo());
      else if (ctrl && key === 'y') void m.redo();
      else if (!ctrl && (e.key === 'Delete' || e.key === 'Backspace') && m.selected !== null) {
        // The other side's measurements (second opinion) stay.
        if (m.data?.measurements.find((x) => x.id === m.selected)?.origin !== 'own') return;
        void m.remove(m.selected);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
