import type { Viewport } from 'cornerstone-core';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import type { ScrImage } from '../loader/image-info.ts';
import type { ImageSource } from './image-source.ts';

export interface Probe {
  column: number;
  row: number;
  text: string;
}

/** What a viewport shows, as the pane and its overlays render it. */
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

export const EMPTY_VIEWPORT: ViewportState = {
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
