import * as cornerstone from 'cornerstone-core';
import type { Viewport } from 'cornerstone-core';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import type { ViewState } from '../../../shared/viewer/view-state.ts';
import type { ScrImage } from '../loader/image-info.ts';
import { isScrImage } from '../loader/image-info.ts';
import { cancelImage, promoteImage } from '../loader/scr-loader.ts';
import type { ImageSource } from './image-source.ts';
import { Cine } from './cine.ts';
import type { PointerTarget, Tool } from './pointer-input.ts';
import { attachPointerInput } from './pointer-input.ts';
import { probeText } from './probe.ts';
import { StackStreaming } from './stack-streaming.ts';
import type { ControllerEvents, Probe, ViewportState } from './viewport-state.ts';
import { EMPTY_VIEWPORT as EMPTY } from './viewport-state.ts';
import { ViewportView } from './viewport-view.ts';
import type { MeasureInput } from '../tools/measure-input.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';

export type { Tool, Probe, ViewportState, ControllerEvents };

/**
 * One viewport: owns a cornerstone enabled element, scrolls its image source (only the newest
 * request is drawn, older queued ones are cancelled), streams neighbours and turns pointer input
 * into window/level, pan, zoom and scrolling (the view itself: viewport-view.ts). Keyboard input
 * comes from the page. Listeners hear of state changes at most once per display frame.
 */
export class ViewportController extends ViewportView implements PointerTarget {
  private state: ViewportState = EMPTY;
  private wanted = -1;
  private readonly detachInput: () => void;
  private readonly cine = new Cine();
  private readonly streaming = new StackStreaming();
  private pendingView: Partial<Viewport> | null = null;
  private readonly resizeObserver: ResizeObserver;
  private disposed = false;
  private notifyFrame: number | null = null;
  tool: Tool = 'window';
  /** Set by the pane while measurements can be drawn on this viewport. */
  measure: MeasureInput | null = null;

  constructor(
    element: HTMLDivElement,
    private readonly events: ControllerEvents,
  ) {
    super(element);
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
    if (this.notifyFrame !== null) cancelAnimationFrame(this.notifyFrame);
    this.resizeObserver.disconnect();
    this.detachInput();
    this.element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    cornerstone.disable(this.element);
  }

  /**
   * Changes the state at once (readers of `current` see it) and tells the listener once per
   * display frame: a held arrow key draws an image and renders the overlays once, not twice.
   */
  private set(patch: Partial<ViewportState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    this.notifyFrame ??= requestAnimationFrame(() => {
      this.notifyFrame = null;
      if (!this.disposed) this.events.onState(this.state);
    });
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
    const loading = source.cached ? cornerstone.loadAndCacheImage(imageId) : cornerstone.loadImage(imageId);
    // The images after this one are asked for now, not once it is drawn: a held key outruns a
    // prefetch that waits for each draw.
    if (source.cached && previous >= 0)
      this.streaming.stepped(source, target, target - previous >= 0 ? 1 : -1);
    let image: cornerstone.Image;
    try {
      image = await loading;
    } catch (e) {
      if (this.wanted !== target || this.state.source !== source) return;
      const message = e instanceof Error ? e.message : String(e);
      if (message === 'cancelled') return;
      this.drawError(target, message);
      return;
    }
    if (this.state.source !== source || this.disposed) return;
    if (this.wanted !== target) {
      // A held key outran this image: it is still shown when it lies on the way to the one wanted,
      // so the scroll moves on screen instead of waiting for the newest request.
      const shown = this.state.index;
      if ((target - shown) * (this.wanted - target) <= 0 || this.state.status !== 'ready') return;
    }
    this.draw(target, image);
    if (!opts.fromSync) this.events.onSliceChange(this.planeAt(target, image), source, target);
    if (source.cached && previous < 0) this.streaming.around(source, target, 1);
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

  /** Loads the whole stack in the background (cached scrolling and cine at full speed). */
  preloadAll(): void {
    const source = this.state.source;
    if (source) this.streaming.all(source, this.state.index);
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

  // ── Saved views ──────────────────────────────────────────────────────────────────────────

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
