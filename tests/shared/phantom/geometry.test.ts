import { describe, expect, it } from 'vitest';
import { MAT, materialTable } from '../../../shared/phantom/materials.ts';
import { box, capsule, frustum, halfSpace, sphere } from '../../../shared/phantom/primitives.ts';
import { projectLineIntegrals } from '../../../shared/phantom/projector.ts';
import { containsPoint, rayInterval } from '../../../shared/phantom/ray-interval.ts';
import { renderPlane } from '../../../shared/phantom/slice-renderer.ts';

const style = { material: MAT.cortical, priority: 1 };
const span = new Float64Array(2);

describe('primitive intersections', () => {
  it('gives the exact chord of a sphere', () => {
    const s = sphere([10, 0, 0], 5, style);
    expect(rayInterval(s, 0, 3, 0, 1, 0, 0, span)).toBe(true);
    expect((span[1] as number) - (span[0] as number)).toBeCloseTo(2 * Math.sqrt(25 - 9), 9);
    expect(rayInterval(s, 0, 6, 0, 1, 0, 0, span)).toBe(false);
  });

  it('handles boxes, capsules, cone frusta and clipping planes', () => {
    const b = box([0, 0, 0], { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] }, [2, 3, 4], style);
    expect(rayInterval(b, -10, 0, 0, 1, 0, 0, span)).toBe(true);
    expect([span[0], span[1]]).toEqual([8, 12]);
    const c = capsule([0, 0, -5], [0, 0, 5], 2, style);
    expect(rayInterval(c, 0, 0, -20, 0, 0, 1, span)).toBe(true);
    expect((span[1] as number) - (span[0] as number)).toBeCloseTo(14, 9);
    // Cone from radius 4 (z = 0) to radius 2 (z = 10), crossed at z = 5 where the radius is 3.
    const f = frustum([0, 0, 0], [0, 0, 10], 4, 4, [1, 0, 0], style, 1, 0.5);
    expect(rayInterval(f, -10, 0, 5, 1, 0, 0, span)).toBe(true);
    expect((span[1] as number) - (span[0] as number)).toBeCloseTo(6, 9);
    const clipped = sphere([0, 0, 0], 5, { ...style, clips: [halfSpace([0, 0, 0], [1, 0, 0])] });
    expect(rayInterval(clipped, -10, 0, 0, 1, 0, 0, span)).toBe(true);
    expect(span[0]).toBeCloseTo(5, 9);
    expect(span[1]).toBeCloseTo(10, 9);
    expect(containsPoint(clipped, -1, 0, 0)).toBe(true);
    expect(containsPoint(clipped, 1, 0, 0)).toBe(false);
  });
});

describe('renderers', () => {
  it('paints a disc whose pixel sum matches its area, higher priority on top', () => {
    const scene = [
      sphere([0, 0, 0], 10, { material: MAT.muscle, priority: 1 }),
      sphere([0, 0, 0], 4, { material: MAT.csf, priority: 2 }),
    ];
    const values = materialTable(() => 0);
    values[MAT.muscle] = 1;
    const out = new Float32Array(100 * 100);
    renderPlane(
      scene,
      {
        origin: [-24.75, -24.75, 0],
        rowDir: [1, 0, 0],
        colDir: [0, 1, 0],
        columns: 100,
        rows: 100,
        columnSpacing: 0.5,
        rowSpacing: 0.5,
      },
      values,
      out,
      { background: 0, subRows: 4 },
    );
    const area = out.reduce((s, v) => s + v, 0) * 0.25;
    expect(area).toBeCloseTo(Math.PI * (100 - 16), -0.3);
  });

  it('projects the line integral of a sphere, with nested priorities', () => {
    const scene = [
      sphere([0, 0, 0], 10, { material: MAT.muscle, priority: 1 }),
      sphere([0, 0, 0], 5, { material: MAT.air, priority: 2 }),
    ];
    const mu = materialTable(() => 0);
    mu[MAT.muscle] = 1;
    const out = new Float32Array(1);
    projectLineIntegrals(
      scene,
      {
        source: [-1000, 0, 0],
        detectorOrigin: [1000, 0, 0],
        rowDir: [0, 1, 0],
        colDir: [0, 0, -1],
        columns: 1,
        rows: 1,
        spacing: 1,
      },
      mu,
      out,
    );
    expect(out[0]).toBeCloseTo(20 - 10, 6);
  });
});
