// cornerstone-core 2.6 ships no types and @types/cornerstone-core is loose (getPixelData as
// number[], many members required). This declares only what the viewer uses, once.
declare module 'cornerstone-core' {
  export type PixelData = Int8Array | Uint8Array | Int16Array | Uint16Array | Uint8ClampedArray;

  /** An image as cornerstone renders it: stored values plus the modality LUT and a default VOI. */
  export interface Image {
    imageId: string;
    minPixelValue: number;
    maxPixelValue: number;
    slope: number;
    intercept: number;
    windowCenter: number;
    windowWidth: number;
    getPixelData: () => PixelData;
    rows: number;
    columns: number;
    height: number;
    width: number;
    /** RGBA pixel data when true. */
    color: boolean;
    rgba: boolean;
    columnPixelSpacing?: number;
    rowPixelSpacing?: number;
    /** MONOCHROME1: shown inverted by default. */
    invert: boolean;
    sizeInBytes: number;
  }

  export interface Point {
    x: number;
    y: number;
  }

  export interface Viewport {
    scale: number;
    translation: Point;
    voi: { windowWidth: number; windowCenter: number };
    invert: boolean;
    pixelReplication: boolean;
    rotation: number;
    hflip: boolean;
    vflip: boolean;
  }

  export interface ImageLoadObject {
    promise: Promise<Image>;
    cancelFn?: () => void;
  }

  export type ImageLoader = (imageId: string, options?: unknown) => ImageLoadObject;

  export interface EnabledElement {
    element: HTMLElement;
    canvas: HTMLCanvasElement;
    image?: Image;
    viewport?: Viewport;
  }

  export function registerImageLoader(scheme: string, loader: ImageLoader): void;
  export function loadImage(imageId: string): Promise<Image>;
  export function loadAndCacheImage(imageId: string): Promise<Image>;
  export function enable(element: HTMLElement, options?: { renderer?: 'canvas' }): void;
  export function disable(element: HTMLElement): void;
  export function displayImage(element: HTMLElement, image: Image, viewport?: Partial<Viewport>): void;
  export function getViewport(element: HTMLElement): Viewport | undefined;
  export function setViewport(element: HTMLElement, viewport: Partial<Viewport>): void;
  export function getDefaultViewportForImage(element: HTMLElement, image: Image): Viewport;
  export function getEnabledElement(element: HTMLElement): EnabledElement;
  export function fitToWindow(element: HTMLElement): void;
  export function resize(element: HTMLElement, forceFitToWindow?: boolean): void;
  export function pixelToCanvas(element: HTMLElement, point: Point): Point;
  export function canvasToPixel(element: HTMLElement, point: Point): Point;
  export function renderToCanvas(canvas: HTMLCanvasElement, image: Image, viewport?: Viewport | null): void;
  export function updateImage(element: HTMLElement, invalidated?: boolean): void;

  export const imageCache: {
    setMaximumSizeBytes(bytes: number): void;
    getCacheInfo(): { maximumSizeInBytes: number; cacheSizeInBytes: number; numberOfImagesCached: number };
    purgeCache(): void;
  };

  export const EVENTS: {
    IMAGE_RENDERED: string;
    NEW_IMAGE: string;
    ELEMENT_RESIZED: string;
  };
}
