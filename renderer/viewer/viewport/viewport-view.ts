import * as cornerstone from 'cornerstone-core';
import type { Viewport } from 'cornerstone-core';
import type { Voi } from '../../../shared/viewer/window-level.ts';
import { dragSensitivity, dragWindow } from '../../../shared/viewer/window-level.ts';
import { clampScale } from './drag-zoom.ts';
import { axisScales, panDelta } from './pan.ts';

/**
 * How one enabled element shows its image: window/level, zoom, pan, rotation, flips and the
 * mapping between image pixels and the screen. The viewport controller adds what is shown.
 */
export class ViewportView {
  /** The image fills the element (kept through resizes and rotations until the user zooms or pans). */
  protected fitted = true;

  constructor(readonly element: HTMLDivElement) {}

  private update(change: (v: Viewport) => Partial<Viewport>, keepFit = false): void {
    const v = cornerstone.getViewport(this.element);
    if (!v || !cornerstone.getEnabledElement(this.element).image) return;
    cornerstone.setViewport(this.element, change(v));
    if (!keepFit) this.fitted = false;
  }

  setVoi(voi: Voi): void {
    this.update(() => ({ voi: { windowCenter: voi.center, windowWidth: Math.max(1, voi.width) } }), true);
  }

  zoomBy(factor: number): void {
    this.update((v) => ({ scale: clampScale(v.scale * factor) }));
  }

  zoomScale(): number {
    return cornerstone.getViewport(this.element)?.scale ?? 1;
  }

  setZoom(scale: number): void {
    this.update(() => ({ scale: clampScale(scale) }));
  }

  /** One image pixel per screen pixel. */
  actualSize(): void {
    this.update(() => ({ scale: 1, translation: { x: 0, y: 0 } }));
  }

  fit(): void {
    if (!cornerstone.getEnabledElement(this.element).image) return;
    cornerstone.fitToWindow(this.element);
    this.fitted = true;
  }

  invert(): void {
    this.update((v) => ({ invert: !v.invert }), true);
  }

  rotate90(): void {
    this.update((v) => ({ rotation: (v.rotation + 90) % 360 }), true);
    if (this.fitted) this.fit();
  }

  flipHorizontal(): void {
    this.update((v) => ({ hflip: !v.hflip }), true);
  }

  flipVertical(): void {
    this.update((v) => ({ vflip: !v.vflip }), true);
  }

  /** Back to the image's own window, no rotation or flip, fitted. */
  reset(): void {
    const image = cornerstone.getEnabledElement(this.element).image;
    if (!image) return;
    cornerstone.setViewport(this.element, cornerstone.getDefaultViewportForImage(this.element, image));
    this.fit();
  }

  /** Window/level drag: right widens, down raises the level, scaled to the image's value range. */
  windowBy(dx: number, dy: number): void {
    const image = cornerstone.getEnabledElement(this.element).image;
    const v = cornerstone.getViewport(this.element);
    if (!image || !v) return;
    const k = dragSensitivity(
      image.minPixelValue * image.slope + image.intercept,
      image.maxPixelValue * image.slope + image.intercept,
    );
    this.setVoi(dragWindow({ center: v.voi.windowCenter, width: v.voi.windowWidth }, dx, dy, k));
  }

  /** Moves the image with the pointer by (dx, dy) screen pixels. */
  panBy(dx: number, dy: number): void {
    const image = cornerstone.getEnabledElement(this.element).image;
    if (!image) return;
    this.update((v) => {
      const s = axisScales(v.scale, image.rowPixelSpacing, image.columnPixelSpacing);
      const t = panDelta(dx, dy, v.rotation, s.width, s.height);
      return { translation: { x: v.translation.x + t.x, y: v.translation.y + t.y } };
    });
  }

  /** Screen (element) position of an image pixel centre. */
  pixelToScreen(column: number, row: number): { x: number; y: number } | null {
    if (!cornerstone.getEnabledElement(this.element).image) return null;
    return cornerstone.pixelToCanvas(this.element, { x: column + 0.5, y: row + 0.5 });
  }

  get canvas(): HTMLCanvasElement {
    return cornerstone.getEnabledElement(this.element).canvas;
  }
}
