import type { Display } from './hanging-protocol.ts';

/** Everything needed to show an image again exactly as it was (a key image). */
export interface ViewState {
  display: Display;
  /** Index in the displayed stack or reformat. */
  imageIndex: number;
  /** The instance and frame shown (stacks only). */
  instanceId: number | null;
  frame: number;
  windowCenter: number;
  windowWidth: number;
  /** Screen pixels per image pixel (of the smaller spacing). */
  scale: number;
  /** Pan in image pixels. */
  translation: { x: number; y: number };
  rotation: number;
  hflip: boolean;
  vflip: boolean;
  invert: boolean;
}
