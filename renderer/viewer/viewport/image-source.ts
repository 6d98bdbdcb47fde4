import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import { planeNormal } from '../../../shared/viewer/geometry.ts';
import type { Display } from '../../../shared/viewer/hanging-protocol.ts';
import type { ReformatPlane } from '../../../shared/viewer/reformat.ts';
import { reformatPlane } from '../../../shared/viewer/reformat.ts';
import { dot } from '../../../shared/viewer/vec3.ts';
import type { Vec3 } from '../../../shared/viewer/vec3.ts';
import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import type { Stack } from '../series/stack.ts';
import { layoutOf, reformatImageId } from '../volume/reformat-loader.ts';
import type { Volume } from '../volume/volume.ts';

/** What a viewport scrolls through: a sorted stack or the slices of a reformat. */
export interface ImageSource {
  key: string;
  series: ViewerSeries;
  display: Display;
  count: number;
  imageId(index: number): string;
  /** Geometry known before the pixels arrive (for sync and reference lines). */
  plane(index: number): ImagePlane | null;
  location(index: number): number | null;
  frameRef(index: number): { instanceId: number; frame: number } | null;
  locations: readonly (number | null)[];
  normal: Vec3 | null;
  frameOfReferenceUid: string | null;
  defaultIndex: number;
  /** Stored images go through the cache and are prefetched; reformats are rebuilt on demand. */
  cached: boolean;
  notes: string[];
}

export function stackSource(stack: Stack): ImageSource {
  const images = stack.images;
  const plane = stack.series.plane;
  const notes: string[] = [];
  if (stack.fallbackReason && images.length > 1)
    notes.push(`Ordered by Instance Number: ${stack.fallbackReason}`);
  if (stack.byGeometry && !stack.spacing.regular && stack.spacing.spacing)
    notes.push(
      stack.spacing.duplicates
        ? `${stack.spacing.duplicates} repeated slice position(s).`
        : `Uneven slice spacing (${stack.spacing.min?.toFixed(2)}–${stack.spacing.max?.toFixed(2)} mm).`,
    );
  return {
    key: `${stack.series.seriesId}`,
    series: stack.series,
    display: { kind: 'stack' },
    count: images.length,
    imageId: (i) => images[i]!.imageId,
    plane: (i) => images[i]?.plane ?? null,
    location: (i) => images[i]?.location ?? null,
    frameRef: (i) => (images[i] ? { instanceId: images[i].instanceId, frame: images[i].frame } : null),
    locations: images.map((i) => i.location),
    normal: stack.normal,
    frameOfReferenceUid: stack.frameOfReferenceUid,
    // Cross-sections open in the middle (the spine is there); axial stacks at their first image.
    defaultIndex: plane === 'axial' || images.length < 3 ? 0 : Math.floor((images.length - 1) / 2),
    cached: true,
    notes,
  };
}

export function reformatSource(series: ViewerSeries, volume: Volume, plane: ReformatPlane): ImageSource {
  const l = layoutOf(volume, plane);
  const planes = Array.from({ length: l.depth }, (_, i) => reformatPlane(volume.geometry, l, i));
  const normal = planes[0] ? planeNormal(planes[0]) : null;
  // Locations along the plane's own normal, like a stack's, so synchronised scrolling can compare them.
  const locations = planes.map((p) => (normal ? dot(p.position, normal) : null));
  return {
    key: `${series.seriesId}:${plane}`,
    series,
    display: { kind: 'reformat', plane },
    count: l.depth,
    imageId: (i) => reformatImageId(volume.seriesId, plane, i),
    plane: (i) => planes[i] ?? null,
    location: (i) => locations[i] ?? null,
    frameRef: () => null,
    locations,
    normal,
    frameOfReferenceUid: volume.frameOfReferenceUid,
    defaultIndex: Math.floor((l.depth - 1) / 2),
    cached: false,
    notes: volume.warnings,
  };
}
