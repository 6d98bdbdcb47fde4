import type { Image } from 'cornerstone-core';
import type { WindowPreset } from '../../../shared/dicom/pixel-module.ts';
import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import type { EdgeMarkers } from '../../../shared/viewer/orientation.ts';
import type { DisplaySpacing } from '../../../shared/viewer/spacing.ts';

/** What the viewer knows about a displayed image beyond its pixels. */
export interface ImageInfo {
  /** Null for a reformatted slice. */
  instanceId: number | null;
  frame: number;
  modality: string | null;
  plane: ImagePlane | null;
  markers: EdgeMarkers | null;
  spacing: DisplaySpacing;
  photometric: string;
  windows: WindowPreset[];
  windowSource: 'file' | 'auto';
  lossy: boolean;
  warnings: string[];
  transferSyntax: string | null;
  sliceThickness: number | null;
  frameOfReferenceUid: string | null;
  /** Unit of the modality values (HU for CT), for the readout. */
  unit: string | null;
  timing: { fetchMs: number; decodeMs: number } | null;
}

/** A cornerstone image carrying our facts about it. */
export interface ScrImage extends Image {
  scr: ImageInfo;
}

export const isScrImage = (image: Image | undefined): image is ScrImage => !!image && 'scr' in image;

export const unitOf = (modality: string | null, rescaleType?: string | null): string | null =>
  modality === 'CT' ? 'HU' : rescaleType && rescaleType !== 'US' ? rescaleType : null;
