import { useState } from 'react';
import type { MutableRefObject } from 'react';
import type { ViewportController } from './viewport/viewport-controller.ts';

/** Cine: one viewport plays at a time, at the chosen frame rate. */
export function useCine(controllers: MutableRefObject<Map<number, ViewportController>>, activeCell: number) {
  const [fps, setFps] = useState(10);
  const [cell, setCell] = useState<number | null>(null);
  const toggle = (): void => {
    const v = controllers.current.get(activeCell);
    if (!v) return;
    if (v.current.cineFps !== null) {
      v.stopCine();
      setCell(null);
    } else {
      for (const other of controllers.current.values()) other.stopCine();
      v.startCine(fps);
      setCell(activeCell);
    }
  };
  const changeFps = (next: number): void => {
    setFps(next);
    const v = cell !== null ? controllers.current.get(cell) : undefined;
    if (v?.current.cineFps) v.startCine(next);
  };
  const stopAll = (): void => {
    for (const c of controllers.current.values()) c.stopCine();
    setCell(null);
  };
  return { fps, playing: cell !== null, toggle, changeFps, stopAll };
}
