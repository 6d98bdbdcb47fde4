import { describe, expect, it } from 'vitest';
import { MAT } from '../../../shared/phantom/materials.ts';
import { containsPoint } from '../../../shared/phantom/ray-interval.ts';
import { phantomScene } from '../../../shared/phantom/scene.ts';
import { combine } from '../../../shared/phantom/vec3.ts';

describe('anatomy placement', () => {
  const scene = phantomScene('neutral');
  const names = scene.column.vertebrae.map((v) => v.name);

  it('stacks the vertebrae head-wards with lumbar lordosis and thoracic kyphosis', () => {
    const z = scene.column.vertebrae.map((v) => v.centre[2]);
    expect(z.every((v, i) => i === 0 || v > (z[i - 1] as number))).toBe(true);
    const tilt = (n: string) => scene.column.vertebrae.find((v) => v.name === n)?.tiltDeg ?? NaN;
    // Endplate tilt falls going up the lordotic lumbar spine and rises again in the kyphosis.
    expect(tilt('L5')).toBeGreaterThan(tilt('L3'));
    expect(tilt('L3')).toBeGreaterThan(tilt('L1'));
    expect(tilt('T2')).toBeGreaterThan(tilt('T10'));
    expect(names.slice(0, 5)).toEqual(['L5', 'L4', 'L3', 'L2', 'L1']);
  });

  it('keeps positive disc heights, the L3–L4 disc narrowed', () => {
    for (const d of scene.discs) expect(d.midHeight).toBeGreaterThan(3);
    const h = (l: string) => scene.discs.find((d) => d.level === l)?.midHeight ?? NaN;
    expect(h('L3-L4')).toBeLessThan(h('L2-L3') * 0.7);
  });

  it('places every screw tip inside its vertebral body and its entry posterior to the body', () => {
    for (const s of scene.screws) {
      const body = scene.primitives.filter((p) => p.label === s.vertebra && p.material === MAT.cancellous);
      expect(body.length).toBeGreaterThan(0);
      expect(body.some((p) => containsPoint(p, ...s.tip))).toBe(true);
      expect(s.entry[1]).toBeGreaterThan(s.tip[1] + 20);
      // Convergent: the tip is nearer the midline than the entry.
      expect(Math.abs(s.tip[0])).toBeLessThan(Math.abs(s.entry[0]));
    }
  });

  it('puts the lucent halo around the left S1 screw only', () => {
    const loose = scene.screws.filter((s) => s.state === 'loose');
    expect(loose.map((s) => `${s.vertebra} ${s.side}`)).toEqual(['S1 left']);
    const s = loose[0];
    if (!s) return;
    const mid = combine(s.entry, [
      [s.tip[0] - s.entry[0], s.tip[1] - s.entry[1], s.tip[2] - s.entry[2]],
      0.5,
    ]);
    const halo = scene.primitives.filter((p) => p.material === MAT.fibrousCleft && p.label.includes('halo'));
    expect(halo.some((p) => containsPoint(p, mid[0], mid[1], mid[2] + s.diameterMm / 2 + 1))).toBe(true);
    expect(halo.every((p) => p.label.startsWith('S1 left'))).toBe(true);
  });
});
