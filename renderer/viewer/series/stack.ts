import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import { imagePlaneOf } from '../../../shared/viewer/geometry.ts';
import type { SliceSpacing } from '../../../shared/viewer/stack-sort.ts';
import { sortStack } from '../../../shared/viewer/stack-sort.ts';
import type { Vec3 } from '../../../shared/viewer/vec3.ts';
import type { InstanceGeometry, SeriesGeometry, ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import { stackImageId } from '../loader/image-ids.ts';

export interface StackImage {
  imageId: string;
  instanceId: number;
  frame: number;
  instanceNumber: number | null;
  /** From the index (before the pixels arrive); null for multi-frame images and missing geometry. */
  plane: ImagePlane | null;
  location: number | null;
  sliceThickness: number | null;
}

/** A series as a scrollable stack, sorted for display. */
export interface Stack {
  series: ViewerSeries;
  images: StackImage[];
  byGeometry: boolean;
  fallbackReason: string | null;
  normal: Vec3 | null;
  spacing: SliceSpacing;
  frameOfReferenceUid: string | null;
}

const planeOf = (i: InstanceGeometry): ImagePlane | null =>
  i.frames > 1
    ? null
    : imagePlaneOf({
        rows: i.rows,
        columns: i.columns,
        position: i.imagePosition,
        orientation: i.imageOrientation,
        pixelSpacing: i.pixelSpacing,
      });

/**
 * Every frame of every instance, sorted by position along the slice normal (else Instance Number).
 * A multi-frame instance's frames have no per-frame position in the index, so they keep their order.
 */
export function buildStack(series: ViewerSeries, geometry: SeriesGeometry): Stack {
  const entries = geometry.instances.flatMap((i) =>
    Array.from({ length: Math.max(1, i.frames) }, (_, frame) => ({
      instanceId: i.instanceId,
      frame,
      instanceNumber: i.instanceNumber,
      position: i.frames > 1 ? null : i.imagePosition,
      orientation: i.imageOrientation,
      geometry: i,
    })),
  );
  const sorted = sortStack(entries);
  return {
    series,
    images: sorted.frames.map((e, k) => ({
      imageId: stackImageId(e.instanceId, e.frame),
      instanceId: e.instanceId,
      frame: e.frame,
      instanceNumber: e.instanceNumber,
      plane: planeOf(e.geometry),
      location: sorted.locations[k] ?? null,
      sliceThickness: e.geometry.sliceThickness,
    })),
    byGeometry: sorted.byGeometry,
    fallbackReason: sorted.fallbackReason,
    normal: sorted.normal,
    spacing: sorted.spacing,
    frameOfReferenceUid: geometry.frameOfReferenceUid,
  };
}
