import * as cornerstone from 'cornerstone-core';
import type { Viewport } from 'cornerstone-core';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import type { ViewState } from '../../../shared/viewer/view-state.ts';
import type { Voi } from '../../../shared/viewer/window-level.ts';
import { dragSensitivity, dragWindow } from '../../../shared/viewer/window-level.ts';
import { PRIORITY } from '../decode/decode-pool.ts';
import type { ScrImage } from '../loader/image-info.ts';
import { isScrImage } from '../loader/image-info.ts';
import { nearestFirst } from '../loader/load-order.ts';
import { cancelImage, promoteImage } from '../loader/scr-loader.ts';
import type { ImageSource } from './image-source.ts';
import { Cine } from './cine.ts';
import { clampScale } from './drag-zoom.ts';
import { axisScales, panDelta } from './pan.ts';
import type { PointerTarget, Tool } from './pointer-input.ts';
import { attachPointerInput } from './pointer-input.ts';
import { probeText } from './probe.ts';
import type { MeasureInput } from '../tools/measure-input.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';

export type { Tool };

export interface Probe {
  column: number;
  row: number;
  text: string;
}

export interface ViewportState {
  status: 'empty' | 'loading' | 'ready' | 'error';
  /** While loading: what is happening; on error: why nothing can be shown. */
  message: string | null;
  progress: { loaded: number; total: number } | null;
  source: ImageSource | null;
  index: number;
  image: ScrImage | null;
  /** The current image could not be decoded (the rest of the stack may be fine). */
  imageError: string | null;
  viewport: Viewport | null;
  cineFps: number | null;
  probe: Probe | null;
  /** Bumped on every render, so overlays that map image points to the screen redraw. */
  renders: number;
}

export interface ControllerEvents {
  onState: (s: ViewportState) => void;
  /** The shown slice changed (for synchronised scrolling and reference lines). */
  onSliceChange: (plane: ImagePlane | null, source: ImageSource, index: number) => void;
  /** The user pressed the pointer in this viewport. */
  onActivate: () => void;
}

const PREFETCH_AHEAD = 6;
const PREFETCH_BEHIND = 2;

const EMPTY: ViewportState = {
  status: 'empty',
  message: null,
  progress: null,
  source: null,
  index: 0,
  image: null,
  imageError: null,
  viewport: null,
  cineFps: null,
  probe: null,
  renders: 0,
};

/**
 * One viewport: owns a cornerstone enabled element, scrolls its image source (only the newest
 * request is drawn, older queued ones are cancelled), prefetches neighbours and turns pointer
 * input into window/level, pan, zoom and scrolling. Keyboard input comes from the page.
 */
export class ViewportController implements PointerTarget {
  private state: ViewportState = EMPTY;
  private wanted = -1;
  private fitted = true;
  private readonly detachInput: () => void;
  private readonly cine = new Cine();
  private pendingView: Partial<Viewport> | null = null;
  private readonly resizeObserver: ResizeObserver;
  private disposed = false;
  tool: Tool = 'window';
  /** Set by the pane while measurements can be drawn on this viewport. */
  measure: MeasureInput | null = null;

  constructor(
    readonly element: HTMLDivElement,
    private readonly events: ControllerEvents,
  ) {
    cornerstone.enable(element, { renderer: 'canvas' });
    element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    this.detachInput = attachPointerInput(this);
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(element);
  }

  get current(): ViewportState {
    return this.state;
  }

  destroy(): void {
    this.disposed = true;
    this.stopCine();
    this.resizeObserver.disconnect();
    this.detachInput();
    this.element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    cornerstone.disable(this.element);
  }

  private set(patch: Partial<ViewportState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    this.events.onState(this.state);
  }

  /** Loading a series or building a volume: shown in place of the image. */
  showLoading(message: string, progress: { loaded: number; total: number } | null = null): void {
    this.stopCine();
    this.set({ status: 'loading', message, progress });
  }

  showError(message: string): void {
    this.stopCine();
    this.wanted = -1;
    this.set({ ...EMPTY, status: 'error', message, renders: this.state.renders });
  }

  clear(): void {
    this.stopCine();
    this.wanted = -1;
    this.set({ ...EMPTY, renders: this.state.renders });
  }

  /** Shows a source at `index` (default: its opening image), optionally restoring a saved view. */
  async show(source: ImageSource, index = source.defaultIndex, view?: ViewState): Promise<void> {
    this.stopCine();
    const sameSource = this.state.source?.key === source.key;
    this.set({ source, status: 'loading', message: 'Loading image…', progress: null, probe: null });
    if (!sameSource) {
      this.fitted = true;
      this.pendingView = null;
      this.set({ viewport: null });
    }
    if (view)
      this.pendingView = {
        voi: { windowCenter: view.windowCenter, windowWidth: view.windowWidth },
        scale: view.scale,
        translation: { ...view.translation },
        rotation: view.rotation,
        hflip: view.hflip,
        vflip: view.vflip,
        invert: view.invert,
      };
    await this.scrollTo(index, { force: true });
  }

  get count(): number {
    return this.state.source?.count ?? 0;
  }

  /** Shows image `index` of the source; resolves once it is drawn (or superseded, or failed). */
  async scrollTo(index: number, opts: { force?: boolean; fromSync?: boolean } = {}): Promise<void> {
    const source = this.state.source;
    if (!source || source.count === 0) return;
    const target = Math.max(0, Math.min(source.count - 1, Math.round(index)));
    if (target === this.wanted && !opts.force) return;
    const previous = this.wanted;
    if (previous >= 0 && previous !== this.state.index && source.cached)
      cancelImage(source.imageId(previous));
    this.wanted = target;
    const imageId = source.imageId(target);
    if (source.cached) promoteImage(imageId);
    let image: cornerstone.Image;
    try {
      image = await (source.cached ? cornerstone.loadAndCacheImage(imageId) : cornerstone.loadImage(imageId));
    } catch (e) {
      if (this.wanted !== target || this.state.source !== source) return;
      const message = e instanceof Error ? e.message : String(e);
      if (message === 'cancelled') return;
      this.drawError(target, message);
      return;
    }
    if (this.wanted !== target || this.state.source !== source || this.disposed) return;
    this.draw(target, image);
    if (!opts.fromSync) this.events.onSliceChange(this.planeAt(target, image), source, target);
    if (source.cached) this.prefetch(source, target, target - previous >= 0 ? 1 : -1);
  }

  scrollBy(delta: number): Promise<void> {
    const from = this.wanted >= 0 ? this.wanted : this.state.index;
    return this.scrollTo(from + delta);
  }

  private planeAt(index: number, image: cornerstone.Image | null): ImagePlane | null {
    return (
      (isScrImage(image ?? undefined) ? (image as ScrImage).scr.plane : null) ??
      this.state.source?.plane(index) ??
      null
    );
  }

  private draw(index: number, image: cornerstone.Image): void {
    const element = this.element;
    const previous = cornerstone.getEnabledElement(element).image;
    if (!previous || !this.state.viewport) {
      const initial = cornerstone.getDefaultViewportForImage(element, image);
      cornerstone.displayImage(element, image, { ...initial, ...(this.pendingView ?? {}) });
      if (this.pendingView) this.fitted = false;
      this.pendingView = null;
    } else {
      const keep = cornerstone.getViewport(element);
      cornerstone.displayImage(element, image, keep ?? undefined);
      if (this.pendingView) {
        cornerstone.setViewport(element, this.pendingView);
        this.fitted = false;
        this.pendingView = null;
      }
    }
    this.set({
      status: 'ready',
      message: null,
      progress: null,
      index,
      image: isScrImage(image) ? image : null,
      imageError: null,
      viewport: cornerstone.getViewport(element) ?? null,
    });
  }

  private drawError(index: number, message: string): void {
    this.set({ status: 'ready', index, imageError: message, message: null, progress: null });
  }

  private prefetch(source: ImageSource, at: number, direction: number): void {
    const ids: string[] = [];
    for (let k = 1; k <= PREFETCH_AHEAD; k++)
      ids.push(source.imageId(Math.max(0, Math.min(source.count - 1, at + direction * k))));
    for (let k = 1; k <= PREFETCH_BEHIND; k++)
      ids.push(source.imageId(Math.max(0, Math.min(source.count - 1, at - direction * k))));
    for (const id of new Set(ids)) {
      promoteImage(id, PRIORITY.prefetch);
      (cornerstone.loadAndCacheImage as (id: string, o: unknown) => Promise<unknown>)(id, {
        priority: PRIORITY.prefetch,
      }).catch(() => undefined);
    }
  }

  /** Loads the whole stack in the background (cached scrolling and cine at full speed). */
  preloadAll(): void {
    const source = this.state.source;
    if (!source?.cached) return;
    for (const i of nearestFirst(source.count, this.state.index))
      (cornerstone.loadAndCacheImage as (id: string, o: unknown) => Promise<unknown>)(source.imageId(i), {
        priority: PRIORITY.background,
      }).catch(() => undefined);
  }

  // ── Viewport changes ─────────────────────────────────────────────────────────────────────

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

  // ── Cine ─────────────────────────────────────────────────────────────────────────────────

  startCine(fps: number): void {
    this.stopCine();
    if (this.count < 2) return;
    this.set({ cineFps: fps });
    this.cine.start(fps, () => this.scrollTo((this.state.index + 1) % this.count));
  }

  stopCine(): void {
    this.cine.stop();
    if (this.state.cineFps !== null) this.set({ cineFps: null });
  }

  // ── Geometry for overlays and key images ─────────────────────────────────────────────────

  /** Screen (element) position of an image pixel centre. */
  pixelToScreen(column: number, row: number): { x: number; y: number } | null {
    if (!cornerstone.getEnabledElement(this.element).image) return null;
    return cornerstone.pixelToCanvas(this.element, { x: column + 0.5, y: row + 0.5 });
  }

  get canvas(): HTMLCanvasElement {
    return cornerstone.getEnabledElement(this.element).canvas;
  }

  viewState(): ViewState | null {
    const { source, image } = this.state;
    const v = cornerstone.getViewport(this.element);
    if (!source || !image || !v) return null;
    const ref = source.frameRef(this.state.index);
    return {
      display: source.display,
      imageIndex: this.state.index,
      instanceId: ref?.instanceId ?? null,
      frame: ref?.frame ?? 0,
      windowCenter: v.voi.windowCenter,
      windowWidth: v.voi.windowWidth,
      scale: v.scale,
      translation: { x: v.translation.x, y: v.translation.y },
      rotation: v.rotation,
      hflip: v.hflip,
      vflip: v.vflip,
      invert: v.invert,
    };
  }

  // ── Pointer input (see pointer-input.ts) ───────────────────────────────────────────────

  private readonly onRendered = (): void => {
    this.set({ viewport: cornerstone.getViewport(this.element) ?? null, renders: this.state.renders + 1 });
  };

  private onResize(): void {
    if (this.disposed) return;
    cornerstone.resize(this.element, false);
    if (this.fitted) this.fit();
  }

  canDrag(): boolean {
    return !!this.state.image || !!this.state.imageError;
  }

  canScroll(): boolean {
    return !!this.state.source;
  }

  activate(): void {
    this.events.onActivate();
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

  /** Shows the value under the pointer at element position (x, y). */
  probeAt(x: number, y: number): void {
    const image = this.state.image;
    if (!image || this.state.imageError) return;
    const p = cornerstone.canvasToPixel(this.element, { x, y });
    const [column, row] = [Math.floor(p.x), Math.floor(p.y)];
    if (column < 0 || row < 0 || column >= image.columns || row >= image.rows) return this.clearProbe();
    this.set({ probe: { column, row, text: probeText(image, column, row) } });
  }

  clearProbe(): void {
    if (this.state.probe) this.set({ probe: null });
  }

  /** Image coordinates (pixel centres at integers) of element position (x, y). */
  toImage(x: number, y: number): ImagePoint {
    const p = cornerstone.canvasToPixel(this.element, { x, y });
    return [p.x - 0.5, p.y - 0.5];
  }

  measureDown(x: number, y: number): boolean {
    if (!this.measure || !this.state.image) return false;
    return this.measure.down(this.toImage(x, y), { x, y });
  }

  measureMove(x: number, y: number): void {
    if (this.state.image) this.measure?.move(this.toImage(x, y));
  }

  measureUp(x: number, y: number): void {
    if (this.state.image) this.measure?.up(this.toImage(x, y));
  }

  measureHover(x: number, y: number): void {
    if (this.state.image) this.measure?.hover(this.toImage(x, y));
  }
}
