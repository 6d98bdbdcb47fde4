import { describe, expect, it } from 'vitest';

// Building the phantom ground truth renders its scene: seconds on a busy machine.
const SCENE_TIMEOUT = 60_000;
import type { SpinopelvicLandmarkFile } from '../../../shared/measurements/spinopelvic.ts';
import {
  landmarksFromPoints,
  spinopelvicAlignment,
  upgradeSpinopelvicPoints,
} from '../../../shared/measurements/spinopelvic.ts';
import { segmentMotion, segmentPosition } from '../../../shared/measurements/motion.ts';
import { buildGroundTruth } from '../../../shared/phantom/ground-truth.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';

const rad = (d: number): number => (d * Math.PI) / 180;

/**
 * A worked example built from chosen angles, patient facing left, 1 mm pixels:
 * SS 40°, PT 15° (so PI 55°), LL 50°, SVA +60 mm, T1 straight above the hips (TPA = PT = 15°).
 */
function worked(): SpinopelvicLandmarkFile {
  const S: [number, number] = [500, 500];
  const half = 20;
  const s1a: ImagePoint = [S[0] - half * Math.cos(rad(40)), S[1] + half * Math.sin(rad(40))];
  const s1p: ImagePoint = [S[0] + half * Math.cos(rad(40)), S[1] - half * Math.sin(rad(40))];
  const H: ImagePoint = [S[0] - 100 * Math.sin(rad(15)), S[1] + 100 * Math.cos(rad(15))];
  const L1: [number, number] = [520, 200];
  // L1 upper endplate tilted 10° with its front higher (SS − LL = −10°).
  const l1a: ImagePoint = [L1[0] - half * Math.cos(rad(10)), L1[1] - half * Math.sin(rad(10))];
  const l1p: ImagePoint = [L1[0] + half * Math.cos(rad(10)), L1[1] + half * Math.sin(rad(10))];
  return {
    pixelSpacingMm: [1, 1],
    anterior: 'left',
    femoralHeads: [
      [H[0] - 4, H[1] + 3],
      [H[0] + 4, H[1] - 3],
    ],
    s1Endplate: { anterior: s1a, posterior: s1p },
    l1Endplate: { anterior: l1a, posterior: l1p },
    c7: [s1p[0] - 60, 0],
    t1: [H[0], H[1] - 400],
  };
}

describe('spinopelvic alignment from landmarks', () => {
  it('reproduces the angles the worked example was built from', () => {
    const r = spinopelvicAlignment(worked());
    expect(r.SS).toBeCloseTo(40, 1);
    expect(r.PT).toBeCloseTo(15, 1);
    expect(r.PI).toBeCloseTo(55, 1);
    expect(r.LL).toBeCloseTo(50, 1);
    expect(r.PI_LL).toBeCloseTo(5, 1);
    expect(r.SVA_mm).toBeCloseTo(60, 1);
    expect(r.TPA).toBeCloseTo(15, 1);
    expect(r.schwab).toEqual({ PI_LL: '0', PT: '0', SVA: '+' });
  });

  it('PI = PT + SS for any landmarks', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    for (let k = 0; k < 50; k++) {
      const f = worked();
      const jitter = (p: ImagePoint): ImagePoint => [p[0] + rnd() / 10, p[1] + rnd() / 10];
      const g: SpinopelvicLandmarkFile = {
        ...f,
        femoralHeads: [jitter(f.femoralHeads[0]), jitter(f.femoralHeads[1])],
        s1Endplate: { anterior: jitter(f.s1Endplate.anterior), posterior: jitter(f.s1Endplate.posterior) },
      };
      const r = spinopelvicAlignment(g);
      expect(Math.abs(r.PI - (r.PT + r.SS))).toBeLessThan(0.02);
    }
  });

  it('signs: a patient facing right gives the same numbers when mirrored; C7 behind S1 gives a negative SVA', () => {
    const f = worked();
    const mirror = (p: ImagePoint): ImagePoint => [1000 - p[0], p[1]];
    const m: SpinopelvicLandmarkFile = {
      ...f,
      anterior: 'right',
      femoralHeads: [mirror(f.femoralHeads[0]), mirror(f.femoralHeads[1])],
      s1Endplate: { anterior: mirror(f.s1Endplate.anterior), posterior: mirror(f.s1Endplate.posterior) },
      l1Endplate: { anterior: mirror(f.l1Endplate.anterior), posterior: mirror(f.l1Endplate.posterior) },
      c7: mirror(f.c7),
      t1: mirror(f.t1),
    };
    expect(spinopelvicAlignment(m)).toEqual(spinopelvicAlignment(f));
    const back = spinopelvicAlignment({ ...f, c7: [f.s1Endplate.posterior[0] + 30, 0] });
    expect(back.SVA_mm).toBeCloseTo(-30, 6);
    // Hip axis behind the S1 midpoint: negative pelvic tilt.
    const [s1a, s1p] = [f.s1Endplate.anterior, f.s1Endplate.posterior];
    const behind: ImagePoint = [(s1a[0] + s1p[0]) / 2 + 30, 600];
    expect(spinopelvicAlignment({ ...f, femoralHeads: [behind, behind] }).PT).toBeLessThan(0);
  });

  it('pixel spacing scales SVA but not the angles', () => {
    const f = worked();
    const r = spinopelvicAlignment({ ...f, pixelSpacingMm: [0.5, 0.5] });
    expect(r.SVA_mm).toBeCloseTo(30, 1);
    expect(r.PI).toBeCloseTo(55, 1);
  });

  it(
    'the phantom standing lateral: image landmarks at the magnification-corrected spacing give the design alignment',
    () => {
      const gt = buildGroundTruth(1, 'DEMO-0001');
      const lat = gt.radiographs.lateral;
      const k = lat.imagerPixelSpacingMm / lat.magnification;
      const at = (n: keyof typeof lat.landmarks): ImagePoint => lat.landmarks[n].image as ImagePoint;
      const r = spinopelvicAlignment({
        pixelSpacingMm: [k, k],
        anterior: 'left',
        femoralHeads: [at('femoralHeadLeft'), at('femoralHeadRight')],
        s1Endplate: { anterior: at('s1Anterior'), posterior: at('s1Posterior') },
        l1Endplate: { anterior: at('l1UpperAnterior'), posterior: at('l1UpperPosterior') },
        c7: at('c7Centre'),
        t1: at('t1Centre'),
      });
      expect(Math.abs(r.PI - gt.alignment.pelvicIncidenceDeg)).toBeLessThan(1);
      expect(Math.abs(r.PT - gt.alignment.pelvicTiltDeg)).toBeLessThan(1);
      expect(Math.abs(r.SS - gt.alignment.sacralSlopeDeg)).toBeLessThan(1);
      expect(Math.abs(r.LL - gt.alignment.lumbarLordosisDeg)).toBeLessThan(1);
      expect(Math.abs(r.SVA_mm - gt.alignment.svaMm)).toBeLessThan(1);
    },
    SCENE_TIMEOUT,
  );
});

describe('flexion/extension motion', () => {
  it(
    'the phantom L3–L4: translation and angular motion between the films within 1 mm / 1°, flagged',
    () => {
      const gt = buildGroundTruth(1, 'DEMO-0001');
      const film = (name: 'flexion' | 'extension') => {
        const r = gt.radiographs[name];
        const k = r.imagerPixelSpacingMm / r.magnification;
        const p = (n: keyof typeof r.landmarks): ImagePoint => r.landmarks[n].image as ImagePoint;
        return segmentPosition(
          [p('l3LowerAnterior'), p('l3LowerPosterior'), p('l4UpperAnterior'), p('l4UpperPosterior')],
          [k, k],
          'left',
        );
      };
      const m = segmentMotion(film('flexion'), film('extension'), 'L3-L4');
      expect(Math.abs(m.translationMm - Math.abs(gt.motion.translationMm))).toBeLessThan(1);
      expect(Math.abs(m.angleDeg - Math.abs(gt.motion.angleDeg))).toBeLessThan(1);
      expect(m.exceedsFusedLimit).toBe(true);
    },
    SCENE_TIMEOUT,
  );
  it('thresholds: 3 mm or 5° at a fused level; > 4.5 mm or > 15° (20° L4–L5, 25° L5–S1) at a mobile one', () => {
    const at = (t: number, a: number) => ({ translationMm: t, angleDeg: a });
    expect(segmentMotion(at(0, 0), at(2.9, 4.9), 'L3-L4')).toMatchObject({
      exceedsFusedLimit: false,
      exceedsMobileLimit: false,
    });
    expect(segmentMotion(at(0, 0), at(3, 0), 'L3-L4').exceedsFusedLimit).toBe(true);
    expect(segmentMotion(at(0, 0), at(0, 5), 'L3-L4').exceedsFusedLimit).toBe(true);
    expect(segmentMotion(at(0, 0), at(4.5, 15), 'L3-L4').exceedsMobileLimit).toBe(false);
    expect(segmentMotion(at(0, 0), at(4.6, 0), 'L3-L4').exceedsMobileLimit).toBe(true);
    expect(segmentMotion(at(0, 0), at(0, 16), 'L3-L4').exceedsMobileLimit).toBe(true);
    expect(segmentMotion(at(0, 0), at(0, 16), 'L4-L5').exceedsMobileLimit).toBe(false);
    expect(segmentMotion(at(0, 0), at(0, 24), 'L5-S1').exceedsMobileLimit).toBe(false);
  });
});

describe('spinopelvic points stored before the femoral heads were circles', () => {
  const eight: ImagePoint[] = [
    [400, 900],
    [410, 905],
    [420, 700],
    [500, 720],
    [450, 300],
    [520, 310],
    [480, 100],
    [470, 60],
  ];

  it('gain an edge point beside each head centre at half the S1 endplate length; the landmarks stay', () => {
    const ten = upgradeSpinopelvicPoints(eight);
    const halfS1 = Math.hypot(80, 20) / 2;
    expect(ten).toHaveLength(10);
    expect(ten[1]).toEqual([400 + halfS1, 900]);
    expect(ten[3]).toEqual([410 + halfS1, 905]);
    const before = landmarksFromPoints(ten, [0.2, 0.2], 'right');
    expect(before.femoralHeads).toEqual([eight[0], eight[1]]);
    expect(before.s1Endplate).toEqual({ anterior: eight[2], posterior: eight[3] });
    expect(before.t1).toEqual(eight[7]);
  });

  it('leave ten points as they are', () => {
    const ten = upgradeSpinopelvicPoints(eight);
    expect(upgradeSpinopelvicPoints(ten)).toEqual(ten);
  });
});
