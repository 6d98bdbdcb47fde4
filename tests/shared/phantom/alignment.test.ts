import { describe, expect, it } from 'vitest';
import {
  segmentAngleDeg,
  segmentTranslation,
  spinopelvicParameters,
} from '../../../shared/phantom/alignment.ts';
import { ALIGNMENT, FLEX_EXT_RANGE, sacralSlopeDeg } from '../../../shared/phantom/design.ts';
import { buildGroundTruth } from '../../../shared/phantom/ground-truth.ts';

describe('spinopelvic formulas', () => {
  it('computes a hand-made case: PI = PT + SS', () => {
    const deg = Math.PI / 180;
    const h = { a: 100 * Math.sin(20 * deg), u: -100 * Math.cos(20 * deg) };
    const half = 18;
    const p = spinopelvicParameters({
      femoralHead1: { a: h.a, u: h.u + 1 },
      femoralHead2: { a: h.a, u: h.u - 1 },
      s1Anterior: { a: half * Math.cos(35 * deg), u: -half * Math.sin(35 * deg) },
      s1Posterior: { a: -half * Math.cos(35 * deg), u: half * Math.sin(35 * deg) },
      l1Anterior: { a: 15, u: 200 },
      l1Posterior: { a: -15, u: 200 },
      c7Centre: { a: 30, u: 500 },
    });
    expect(p.sacralSlopeDeg).toBeCloseTo(35, 9);
    expect(p.pelvicTiltDeg).toBeCloseTo(20, 9);
    expect(p.pelvicIncidenceDeg).toBeCloseTo(55, 9);
    expect(p.lumbarLordosisDeg).toBeCloseTo(35, 9);
    expect(p.svaMm).toBeCloseTo(30 + half * Math.cos(35 * deg), 9);
  });

  it('measures segmental angle and translation', () => {
    const s = {
      upperInferiorAnterior: { a: 17, u: 12 },
      upperInferiorPosterior: { a: -13, u: 10 },
      lowerSuperiorAnterior: { a: 15, u: 0 },
      lowerSuperiorPosterior: { a: -15, u: 0 },
    };
    expect(segmentTranslation(s)).toBeCloseTo(2, 9);
    // The upper endplate rises anteriorly: the disc is wedged open in front (lordotic, positive).
    expect(segmentAngleDeg(s)).toBeCloseTo(Math.atan2(2, 30) * (180 / Math.PI), 9);
  });
});

describe('phantom ground truth', () => {
  const gt = buildGroundTruth(1, 'DEMO-0001');

  it('matches the design alignment when recomputed from the 3-D landmarks', () => {
    const a = gt.alignment;
    expect(a.pelvicIncidenceDeg).toBeCloseTo(ALIGNMENT.pelvicIncidenceDeg, 2);
    expect(a.pelvicTiltDeg).toBeCloseTo(ALIGNMENT.pelvicTiltDeg, 2);
    expect(a.sacralSlopeDeg).toBeCloseTo(sacralSlopeDeg, 2);
    expect(a.lumbarLordosisDeg).toBeCloseTo(ALIGNMENT.lumbarLordosisDeg, 2);
    expect(a.piMinusLlDeg).toBeCloseTo(20, 2);
    // The planted flat back, independent of the constants: PI 55, PT 25, SS 30, LL 35, SVA 50 mm.
    expect([a.pelvicIncidenceDeg, a.pelvicTiltDeg, a.sacralSlopeDeg, a.lumbarLordosisDeg, a.svaMm]).toEqual([
      55, 25, 30, 35, 50,
    ]);
    expect(a.svaMm).toBeCloseTo(ALIGNMENT.svaMm, 1);
    expect(a.pelvicIncidenceDeg).toBeCloseTo(a.pelvicTiltDeg + a.sacralSlopeDeg, 1);
  });

  it('gives film-measured values close to the design (beam divergence only moves the hips)', () => {
    const m = gt.radiographs.lateral.measured;
    expect(m).not.toBeNull();
    if (!m) return;
    expect(m.pelvicIncidenceDeg).toBeCloseTo(m.pelvicTiltDeg + m.sacralSlopeDeg, 1);
    expect(Math.abs(m.pelvicIncidenceDeg - ALIGNMENT.pelvicIncidenceDeg)).toBeLessThan(0.5);
    expect(m.sacralSlopeDeg).toBeCloseTo(sacralSlopeDeg, 1);
    expect(m.lumbarLordosisDeg).toBeCloseTo(ALIGNMENT.lumbarLordosisDeg, 1);
    expect(m.svaMm).toBeCloseTo(ALIGNMENT.svaMm, 0);
  });

  it('plants the flexion–extension motion at L3–L4', () => {
    expect(gt.motion.angleDeg).toBeCloseTo(FLEX_EXT_RANGE['L3-L4'].angleDeg, 6);
    expect([gt.motion.angleDeg, gt.motion.translationMm]).toEqual([8, 5]);
    expect(gt.motion.translationMm).toBeCloseTo(FLEX_EXT_RANGE['L3-L4'].translationMm, 6);
    expect(gt.motion.films.flexion.angleDeg).toBeLessThan(gt.motion.films.extension.angleDeg);
  });

  it('records per-level findings', () => {
    const byLevel = Object.fromEntries(gt.levels.map((l) => [l.level, l]));
    expect(byLevel['L4-L5']?.bridwell).toBe('I');
    expect(byLevel['L5-S1']?.bridwell).toBe('IV');
    expect(byLevel['L3-L4']?.pfirrmann).toBe(4);
    expect(byLevel['L3-L4']?.discHeightMm).toBeLessThan((byLevel['L2-L3']?.discHeightMm ?? 0) * 0.7);
    expect(byLevel['L3-L4']?.duralSacAreaMm2).toBeLessThan(75);
    expect(byLevel['L2-L3']?.duralSacAreaMm2).toBeGreaterThan(120);
    expect(gt.looseScrew).toMatchObject({ vertebra: 'S1', side: 'left' });
    expect(gt.looseScrew.haloWidthMm).toBeGreaterThanOrEqual(1.5);
  });
});
