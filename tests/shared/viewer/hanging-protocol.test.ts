import { describe, expect, it } from 'vitest';
import type { SeriesFacts } from '../../../shared/viewer/hanging-protocol.ts';
import { matchProtocol, scoreSeries } from '../../../shared/viewer/hanging-protocol.ts';
import { FAILED_FUSION_PROTOCOL, protocolFromViewports } from '../../../shared/viewer/protocols.ts';

let nextId = 1;
const series = (f: Partial<SeriesFacts>): SeriesFacts => ({
  seriesId: nextId++,
  studyDate: '20250301',
  modality: null,
  description: null,
  seriesNumber: nextId,
  viewPosition: null,
  plane: null,
  bodyPart: null,
  imageCount: 1,
  volumetric: false,
  ...f,
});

/** The phantom's failed-fusion case: standing films, flexion/extension, CT, MR. */
function failedFusionCase() {
  const s = {
    flexion: series({
      modality: 'DX',
      viewPosition: 'LL',
      description: 'LAT FLEXION L-SPINE',
      plane: 'projection',
    }),
    lateral: series({
      modality: 'DX',
      viewPosition: 'LL',
      description: 'LAT STANDING FULL SPINE',
      plane: 'projection',
    }),
    ap: series({
      modality: 'DX',
      viewPosition: 'AP',
      description: 'AP STANDING FULL SPINE',
      plane: 'projection',
    }),
    ctScout: series({ modality: 'CT', description: 'SCOUT', plane: 'projection', imageCount: 2 }),
    ct: series({
      modality: 'CT',
      description: 'BONE 1.0',
      plane: 'axial',
      imageCount: 240,
      volumetric: true,
    }),
    ctSoft: series({
      modality: 'CT',
      description: 'SOFT 3.0',
      plane: 'axial',
      imageCount: 80,
      volumetric: true,
    }),
    sagT1: series({
      modality: 'MR',
      description: 'SAG T1 TSE',
      plane: 'sagittal',
      imageCount: 15,
      volumetric: true,
    }),
    sagT2: series({
      modality: 'MR',
      description: 'SAG T2 TSE',
      plane: 'sagittal',
      imageCount: 15,
      volumetric: true,
    }),
    axT2: series({ modality: 'MR', description: 'AX T2 TSE L3-L4', plane: 'axial', imageCount: 20 }),
  };
  return s;
}

describe('failed-fusion hanging protocol', () => {
  it('hangs standing lateral, standing AP, CT sagittal reformat and sagittal T2 in a 2×2', () => {
    const s = failedFusionCase();
    const hung = matchProtocol(FAILED_FUSION_PROTOCOL, Object.values(s));
    expect(FAILED_FUSION_PROTOCOL.layout).toBe('2x2');
    expect(hung).toEqual([
      {
        label: 'Standing lateral X-ray',
        seriesId: s.lateral.seriesId,
        display: { kind: 'stack' },
        fallback: false,
      },
      { label: 'Standing AP X-ray', seriesId: s.ap.seriesId, display: { kind: 'stack' }, fallback: false },
      {
        label: 'CT sagittal reformat',
        seriesId: s.ct.seriesId,
        display: { kind: 'reformat', plane: 'sagittal' },
        fallback: false,
      },
      { label: 'MR sagittal T2', seriesId: s.sagT2.seriesId, display: { kind: 'stack' }, fallback: false },
    ]);
  });

  it('falls back: lateral by description only, an MR volume when no sagittal T2, a reason when nothing fits', () => {
    const lateral = series({ modality: 'CR', description: 'L-SPINE LAT', plane: 'projection' });
    const ap = series({ modality: 'CR', viewPosition: 'PA', plane: 'projection' });
    const mr3d = series({
      modality: 'MR',
      description: 'AX 3D T1',
      plane: 'axial',
      imageCount: 160,
      volumetric: true,
    });
    const hung = matchProtocol(FAILED_FUSION_PROTOCOL, [ap, lateral, mr3d]);
    expect(hung[0]).toMatchObject({ seriesId: lateral.seriesId });
    expect(hung[1]).toMatchObject({ seriesId: ap.seriesId });
    expect(hung[2]).toEqual({
      label: 'CT sagittal reformat',
      seriesId: null,
      reason: 'No series in this case fits “CT sagittal reformat”.',
    });
    expect(hung[3]).toMatchObject({
      seriesId: mr3d.seriesId,
      display: { kind: 'reformat', plane: 'sagittal' },
      fallback: true,
    });
  });

  it('fills a fallback viewport with a film not yet hung', () => {
    const standing = series({
      modality: 'DX',
      viewPosition: 'LL',
      description: 'LAT STANDING',
      plane: 'projection',
      seriesNumber: 1,
    });
    const other = series({
      modality: 'DX',
      viewPosition: 'LL',
      description: 'LUMBAR LAT',
      plane: 'projection',
      seriesNumber: 2,
    });
    const hung = matchProtocol(FAILED_FUSION_PROTOCOL, [other, standing]);
    expect(hung[0]).toMatchObject({ seriesId: standing.seriesId, fallback: false });
    expect(hung[1]).toMatchObject({ seriesId: other.seriesId, fallback: true });
  });

  it('does not hang one film twice while another would do, but reuses it rather than leave a gap', () => {
    const only = series({ modality: 'DX', viewPosition: 'LL', description: 'LAT', plane: 'projection' });
    const hung = matchProtocol(FAILED_FUSION_PROTOCOL, [only]);
    expect(hung[0]).toMatchObject({ seriesId: only.seriesId, fallback: false });
    expect(hung[1]).toMatchObject({ seriesId: only.seriesId, fallback: true });
  });

  it('prefers the newer study when two series score the same', () => {
    const old = series({ modality: 'MR', description: 'SAG T2', plane: 'sagittal', studyDate: '20200101' });
    const recent = series({
      modality: 'MR',
      description: 'SAG T2',
      plane: 'sagittal',
      studyDate: '20250101',
    });
    expect(matchProtocol(FAILED_FUSION_PROTOCOL, [old, recent])[3]).toMatchObject({
      seriesId: recent.seriesId,
    });
  });

  it('scores: a failed required rule rejects, optional rules add their weight', () => {
    const s = series({ modality: 'MR', description: 'sag t2 stir' });
    expect(
      scoreSeries(s, [{ attribute: 'modality', constraint: { equals: 'CT' }, required: true }]),
    ).toBeNull();
    expect(
      scoreSeries(s, [
        { attribute: 'description', constraint: { matches: 't2' }, weight: 10 },
        { attribute: 'description', constraint: { notMatches: 'stir' }, weight: 3 },
        {
          anyOf: [
            { attribute: 'plane', constraint: { equals: 'axial' } },
            { attribute: 'modality', constraint: { oneOf: ['mr'] } },
          ],
        },
      ]),
    ).toBe(11);
  });
});

describe("a user's own layout", () => {
  it('asks for series like the ones on screen and finds their counterparts in another case', () => {
    const a = failedFusionCase();
    const mine = protocolFromViewports('user:1', 'My spine', '1x2', [
      { series: a.sagT1, display: { kind: 'stack' } },
      { series: a.ct, display: { kind: 'reformat', plane: 'coronal' } },
    ]);
    expect(mine.layout).toBe('1x2');
    const b = failedFusionCase();
    expect(matchProtocol(mine, Object.values(b))).toEqual([
      expect.objectContaining({ seriesId: b.sagT1.seriesId, display: { kind: 'stack' }, fallback: false }),
      expect.objectContaining({ seriesId: b.ct.seriesId, display: { kind: 'reformat', plane: 'coronal' } }),
    ]);
    // Without a matching description the modality fallback still fills the viewport.
    const other = [series({ modality: 'MR', description: 'SAG PD', plane: 'sagittal' })];
    expect(matchProtocol(mine, other)[0]).toMatchObject({ seriesId: other[0]!.seriesId });
  });
});
