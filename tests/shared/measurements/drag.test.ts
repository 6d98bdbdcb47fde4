import { describe, expect, it } from 'vitest';
import { dragPoint } from '../../../shared/measurements/drag.ts';
import { femoralHeadCircles, landmarksFromPoints } from '../../../shared/measurements/spinopelvic.ts';
import type { ImagePoint } from '../../../shared/measurements/types.ts';

const spinopelvic: ImagePoint[] = [
  [100, 500], // head 1 centre
  [130, 500], // head 1 edge: radius 30
  [110, 510], // head 2 centre
  [110, 538], // head 2 edge: radius 28
  [90, 400],
  [130, 380],
  [100, 200],
  [140, 200],
  [150, 20],
  [140, 60],
];

describe('femoral heads as circles', () => {
  it('each head is a centre and a radius; the hip axis is the midpoint of the two centres', () => {
    expect(femoralHeadCircles(spinopelvic)).toEqual([
      { centre: [100, 500], radius: 30 },
      { centre: [110, 510], radius: 28 },
    ]);
    const f = landmarksFromPoints(spinopelvic, [1, 1], 'left');
    expect(f.femoralHeads).toEqual([
      [100, 500],
      [110, 510],
    ]);
    expect(f.s1Endplate).toEqual({ anterior: [90, 400], posterior: [130, 380] });
    expect(f.c7).toEqual([150, 20]);
    expect(f.t1).toEqual([140, 60]);
  });

  it('dragging a centre moves the whole circle; dragging the edge changes only the radius', () => {
    const moved = dragPoint('spinopelvic', spinopelvic, 0, [105, 490]);
    expect(moved.slice(0, 2)).toEqual([
      [105, 490],
      [135, 490],
    ]);
    expect(femoralHeadCircles(moved)[0]!.radius).toBe(30);
    const resized = dragPoint('spinopelvic', spinopelvic, 3, [110, 550]);
    expect(femoralHeadCircles(resized)[1]).toEqual({ centre: [110, 510], radius: 40 });
    expect(resized.slice(4)).toEqual(spinopelvic.slice(4));
  });

  it('other points and other tools move one point only', () => {
    const s1 = dragPoint('spinopelvic', spinopelvic, 4, [91, 401]);
    expect(s1.filter((p, i) => p[0] !== spinopelvic[i]![0] || p[1] !== spinopelvic[i]![1])).toEqual([
      [91, 401],
    ]);
    expect(
      dragPoint(
        'length',
        [
          [0, 0],
          [10, 0],
        ],
        0,
        [5, 5],
      ),
    ).toEqual([
      [5, 5],
      [10, 0],
    ]);
  });
});
