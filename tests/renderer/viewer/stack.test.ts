import { describe, expect, it } from 'vitest';
import { parseStackImageId, stackImageId } from '../../../renderer/viewer/loader/image-ids.ts';
import { buildStack } from '../../../renderer/viewer/series/stack.ts';
import type { InstanceGeometry, ViewerSeries } from '../../../shared/viewer/viewer-types.ts';

const series = { seriesId: 5, plane: 'axial' } as ViewerSeries;
const instance = (
  instanceId: number,
  instanceNumber: number,
  z: number | null,
  frames = 1,
): InstanceGeometry => ({
  instanceId,
  instanceNumber,
  frames,
  rows: 4,
  columns: 4,
  imagePosition: z === null ? null : [0, 0, z],
  imageOrientation: [1, 0, 0, 0, 1, 0],
  pixelSpacing: [1, 1],
  imagerPixelSpacing: null,
  sliceThickness: 2,
  windows: [],
  rescaleSlope: 1,
  rescaleIntercept: 0,
  photometric: 'MONOCHROME2',
  transferSyntax: '1.2.840.10008.1.2.1',
  viewPosition: null,
  decodable: true,
});

describe('stacks for display', () => {
  it('sorts single-frame images by position and keeps their planes for sync and reference lines', () => {
    const s = buildStack(series, {
      seriesId: 5,
      modality: 'CT',
      frameOfReferenceUid: 'for',
      instances: [instance(1, 1, 10), instance(3, 3, 0), instance(2, 2, 5)],
    });
    expect(s.images.map((i) => i.instanceId)).toEqual([1, 2, 3]);
    expect(s.images.map((i) => i.location)).toEqual([10, 5, 0]);
    expect(s.images[0]!.plane!.position).toEqual([0, 0, 10]);
    expect(s.spacing).toMatchObject({ regular: true, spacing: 5 });
  });

  it('expands multi-frame images into one entry per frame', () => {
    const s = buildStack(series, {
      seriesId: 5,
      modality: 'MR',
      frameOfReferenceUid: null,
      instances: [instance(7, 1, 0, 3)],
    });
    expect(s.images.map((i) => i.imageId)).toEqual(['scr:7', 'scr:7?frame=1', 'scr:7?frame=2']);
    expect(s.images[1]!.plane).toBeNull();
  });

  it('round-trips image ids', () => {
    expect(parseStackImageId(stackImageId(12, 4))).toEqual({ instanceId: 12, frame: 4 });
    expect(parseStackImageId('scr:12')).toEqual({ instanceId: 12, frame: 0 });
    expect(parseStackImageId('wadouri:x')).toBeNull();
  });
});
