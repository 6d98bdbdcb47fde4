import { describe, expect, it } from 'vitest';
import { ctGeometry, ctSlicePlane, metalSegments, renderCtSlice } from '../../../shared/phantom/ct-volume.ts';
import { FINDINGS } from '../../../shared/phantom/design.ts';
import { phantomScene } from '../../../shared/phantom/scene.ts';
import type { Vec3 } from '../../../shared/phantom/vec3.ts';
import { combine } from '../../../shared/phantom/vec3.ts';

/**
 * The L5–S1 non-union must be visible where surgeons look for it: on the sagittal reformat of the
 * CT at bone window. This builds that reformat from the demo's own axial slices (1 mm, 512²), as
 * the viewer does, and samples it across the interbody graft: the cleft plane against its margins.
 */
describe('L5–S1 pseudarthrosis cleft on the sagittal CT reformat', () => {
  const scene = phantomScene('neutral');
  const g = ctGeometry(scene, 375, 512);
  const metal = metalSegments(scene);
  const disc = scene.discs.find((d) => d.level === 'L5-S1');
  if (!disc) throw new Error('L5-S1 disc missing');
  const origin = ctSlicePlane(g, 0).origin;
  const sliceOf = (z: number) => Math.round((g.topZ - z) / g.sliceSpacing);
  const columnOf = (x: number) => Math.round((x - origin[0]) / g.pixelSpacing);
  const rowOf = (y: number) => Math.round((y - origin[1]) / g.pixelSpacing);

  // The axial slices that cover the disc space, as stored (HU + 1024), rendered once.
  const first = sliceOf(disc.centre[2] + 14);
  const last = sliceOf(disc.centre[2] - 14);
  const slices = new Map<number, Uint16Array>();
  for (let i = first; i <= last; i++) slices.set(i, renderCtSlice(scene, g, i, 1, metal));

  /** HU of the sagittal reformat at x (mm) through patient point p: mean of 3 adjacent columns. */
  function reformatHu(p: Vec3): number {
    const slice = slices.get(sliceOf(p[2]));
    if (!slice) throw new Error(`no slice at z=${p[2]}`);
    const row = rowOf(p[1]);
    const col = columnOf(p[0]);
    let sum = 0;
    for (const c of [col - 1, col, col + 1]) sum += (slice[row * g.matrix + c] as number) - 1024;
    return sum / 3;
  }

  const half = FINDINGS.pseudarthrosisCleftMm / 2;
  const rimMid = half + FINDINGS.pseudarthrosisRimMm / 2;
  // Across the interbody graft at the midline, front to back (graft half-depth 7/12·depth − 8 mm).
  const graftHalfDepth = (7 * disc.depth) / 12 - 8;
  const positions: number[] = [];
  for (let a = -graftHalfDepth + 2; a <= graftHalfDepth - 2; a += 1) positions.push(a - disc.depth / 12);
  const at = (a: number, u: number): Vec3 => combine(disc.centre, [disc.anterior, a], [disc.up, u]);

  const cleft = positions.map((a) => reformatHu(at(a, 0)));
  const margins = positions.flatMap((a) => [reformatHu(at(a, -rimMid)), reformatHu(at(a, rimMid))]);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('is a band of fibrous-tissue density a few mm wide crossing the whole graft', () => {
    expect(FINDINGS.pseudarthrosisCleftMm).toBeGreaterThanOrEqual(3);
    expect(positions.length).toBeGreaterThan(15);
    // Every point along the cleft, front to back, stays soft-tissue dark: it crosses the graft.
    for (const hu of cleft) expect(hu).toBeLessThan(150);
    expect(mean(cleft)).toBeLessThan(100);
  });

  it('stands out from the graft around it by several hundred HU', () => {
    for (const hu of margins) expect(hu).toBeGreaterThan(450);
    expect(mean(margins) - mean(cleft)).toBeGreaterThan(500);
  });

  it('stays visible at bone window (W 2000, L 500): tens of grey levels between cleft and graft', () => {
    const grey = (hu: number) => Math.min(255, Math.max(0, ((hu - (500 - 1000)) / 2000) * 255));
    expect(grey(mean(margins)) - grey(mean(cleft))).toBeGreaterThan(60);
  });

  it('also crosses the graft inside both cages (parasagittal reformats through the cage windows)', () => {
    for (const x of [11, -11]) {
      const inCage = [-4, -2, 0, 2, 4].map((a) => combine(at(a, 0), [[1, 0, 0], x]));
      for (const p of inCage) expect(reformatHu(p)).toBeLessThan(150);
      const rims = [-4, 0, 4].map((a) => combine(at(a, rimMid), [[1, 0, 0], x]));
      for (const p of rims) expect(reformatHu(p)).toBeGreaterThan(450);
    }
  });
});
