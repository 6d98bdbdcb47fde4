import { dragZoomScale } from './drag-zoom.ts';

import type { MeasurementTool } from '../../../shared/measurements/tools.ts';
import { MEASUREMENT_TOOLS } from '../../../shared/measurements/tools.ts';

/** What the left mouse button does; the other buttons and modifiers have fixed roles. */
export type Tool = 'window' | 'pan' | 'zoom' | 'scroll' | MeasurementTool;

export const isMeasurementTool = (t: Tool): t is MeasurementTool =>
  (MEASUREMENT_TOOLS as readonly string[]).includes(t);

/** The viewport operations pointer input drives. */
export interface PointerTarget {
  readonly element: HTMLElement;
  readonly tool: Tool;
  readonly count: number;
  /** Something (an image or an image's error) is shown: dragging means something. */
  canDrag(): boolean;
  canScroll(): boolean;
  activate(): void;
  stopCine(): void;
  windowBy(dx: number, dy: number): void;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  /** Current zoom (for a drag measured from its start). */
  zoomScale(): number;
  setZoom(scale: number): void;
  scrollBy(delta: number): Promise<void>;
  probeAt(x: number, y: number): void;
  clearProbe(): void;
  /** Measurement tools and handles: true when the press was taken (placing a point, grabbing a handle). */
  measureDown(x: number, y: number): boolean;
  measureMove(x: number, y: number): void;
  measureUp(x: number, y: number): void;
  measureHover(x: number, y: number): void;
}

/** Wheel pixels per image for trackpads (a mouse notch is ~100). */
const WHEEL_STEP = 50;

function toolFor(e: PointerEvent, tool: Tool): Tool {
  if (e.button === 1 || (e.button === 0 && e.shiftKey)) return 'pan';
  if (e.button === 2 || (e.button === 0 && (e.ctrlKey || e.metaKey))) return 'zoom';
  return tool;
}

/**
 * Mouse and wheel on a viewport: left drag runs the chosen tool, middle (or Shift) pans, right
 * (or Ctrl) zooms, the wheel scrolls (Ctrl+wheel zooms), hovering reads the value under the
 * pointer. Returns the function that detaches it.
 */
export function attachPointerInput(t: PointerTarget): () => void {
  const el = t.element;
  let drag: {
    x: number;
    y: number;
    tool: Tool | 'measure';
    scrollRest: number;
    startY: number;
    startScale: number;
  } | null = null;
  let wheelRest = 0;

  const down = (e: PointerEvent): void => {
    t.activate();
    if (!t.canDrag()) return;
    el.setPointerCapture(e.pointerId);
    const plain = e.button === 0 && !e.shiftKey && !e.ctrlKey && !e.metaKey;
    drag = {
      x: e.clientX,
      y: e.clientY,
      tool: plain && t.measureDown(e.offsetX, e.offsetY) ? 'measure' : toolFor(e, t.tool),
      scrollRest: 0,
      startY: e.clientY,
      startScale: t.zoomScale(),
    };
    t.stopCine();
    e.preventDefault();
  };
  const move = (e: PointerEvent): void => {
    if (!drag) {
      t.measureHover(e.offsetX, e.offsetY);
      return t.probeAt(e.offsetX, e.offsetY);
    }
    if (drag.tool === 'measure') return t.measureMove(e.offsetX, e.offsetY);
    const [dx, dy] = [e.clientX - drag.x, e.clientY - drag.y];
    [drag.x, drag.y] = [e.clientX, e.clientY];
    switch (drag.tool) {
      case 'window':
        return t.windowBy(dx, dy);
      case 'pan':
        return t.panBy(dx, dy);
      case 'zoom':
        return t.setZoom(dragZoomScale(drag.startScale, e.clientY - drag.startY, el.clientHeight));
      case 'scroll': {
        // Dragging the viewport's height crosses the stack, at 2 to 20 pixels per image.
        const perImage = Math.max(2, Math.min(20, el.clientHeight / Math.max(1, t.count)));
        drag.scrollRest += dy;
        const steps = Math.trunc(drag.scrollRest / perImage);
        if (steps) {
          drag.scrollRest -= steps * perImage;
          void t.scrollBy(steps);
        }
      }
    }
  };
  const up = (e: PointerEvent): void => {
    if (drag?.tool === 'measure') t.measureUp(e.offsetX, e.offsetY);
    if (drag && el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    drag = null;
  };
  const wheel = (e: WheelEvent): void => {
    if (!t.canScroll()) return;
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) return t.zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1);
    const pixels =
      e.deltaMode === WheelEvent.DOM_DELTA_LINE
        ? e.deltaY * 33
        : e.deltaMode === WheelEvent.DOM_DELTA_PAGE
          ? e.deltaY * 300
          : e.deltaY;
    wheelRest += pixels;
    const steps = Math.trunc(wheelRest / WHEEL_STEP);
    if (steps) {
      wheelRest -= steps * WHEEL_STEP;
      t.stopCine();
      void t.scrollBy(Math.sign(steps) * Math.min(Math.abs(steps), 5));
    }
  };
  const leave = (): void => t.clearProbe();
  const noMenu = (e: Event): void => e.preventDefault();

  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('wheel', wheel, { passive: false });
  el.addEventListener('contextmenu', noMenu);
  return () => {
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', up);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('wheel', wheel);
    el.removeEventListener('contextmenu', noMenu);
  };
}
