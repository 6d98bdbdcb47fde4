import type { ImagePlane } from '../../../shared/viewer/geometry.ts';
import { planeCentre, planeNormal } from '../../../shared/viewer/geometry.ts';
import { nearestSlice } from '../../../shared/viewer/sync.ts';
import { dot } from '../../../shared/viewer/vec3.ts';
import type { ImageSource } from './image-source.ts';
import type { ReferencePlane } from './ViewportOverlay.tsx';

/** Series whose slice normals are within ~18° (cos ≥ 0.95) scroll together. */
const SYNC_PARALLEL_COS = 0.95;

/** What a viewport currently shows, as far as the other viewports care. */
export interface ShownSlice {
  plane: ImagePlane | null;
  frameOfReferenceUid: string | null;
}

/** The part of a viewport controller that synchronised scrolling drives. */
export interface Scrollable {
  current: { source: ImageSource | null; index: number };
  scrollTo(index: number, opts: { fromSync: boolean }): Promise<void>;
}

/**
 * After the user moved viewport `from` to `plane`: every other visible viewport of the same frame
 * of reference with (nearly) parallel slices goes to its slice nearest that plane's centre.
 */
export function syncScroll(
  viewports: ReadonlyMap<number, Scrollable>,
  visible: number,
  from: number,
  source: ImageSource,
  plane: ImagePlane,
): void {
  if (!source.frameOfReferenceUid) return;
  const normal = planeNormal(plane);
  const centre = planeCentre(plane);
  for (const [cell, v] of viewports) {
    if (cell === from || cell >= visible) continue;
    const other = v.current.source;
    if (!other?.normal || other.frameOfReferenceUid !== source.frameOfReferenceUid) continue;
    if (Math.abs(dot(other.normal, normal)) < SYNC_PARALLEL_COS) continue;
    const target = nearestSlice(other.locations, other.normal, centre);
    if (target !== null && target !== v.current.index) void v.scrollTo(target, { fromSync: true });
  }
}

export const NO_REFERENCES: ReferencePlane[] = [];

/**
 * Per cell, the planes of the other visible viewports in its frame of reference (drawn as reference
 * lines). A cell with none gets the same empty list, so scrolling elsewhere does not redraw it.
 */
export function referencePlanes(
  shown: Readonly<Record<number, ShownSlice>>,
  visible: number,
  cells = 4,
): ReferencePlane[][] {
  return Array.from({ length: cells }, (_, cell) => {
    const mine = shown[cell];
    if (cell >= visible || !mine?.frameOfReferenceUid) return NO_REFERENCES;
    const list = Object.entries(shown).flatMap(([k, s]) => {
      const other = Number(k);
      if (other === cell || other >= visible) return [];
      if (!s.plane || s.frameOfReferenceUid !== mine.frameOfReferenceUid) return [];
      return [{ plane: s.plane, label: `${other + 1}`, viewport: other + 1 }];
    });
    return list.length ? list : NO_REFERENCES;
  });
}
