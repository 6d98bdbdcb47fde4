import { describe, expect, it } from 'vitest';
import type { LabelBox } from '../../../renderer/viewer/tools/label-box.ts';
import { fitLabel, layoutLabels } from '../../../renderer/viewer/tools/label-box.ts';

// 10 px per character keeps the arithmetic readable.
const measure = (line: string) => line.length * 10;
const inside = (b: LabelBox, w: number, h: number) =>
  b.box.left >= 0 && b.box.top >= 0 && b.box.left + b.box.width <= w && b.box.top + b.box.height <= h;
const overlap = (a: LabelBox['box'], b: LabelBox['box']) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

describe('measurement labels kept inside the view', () => {
  it('a label at the right or bottom edge moves in, whole', () => {
    const b = fitLabel({ x: 390, y: 295 }, ['Length 42.0 mm', 'L4'], 400, 300, 13, measure);
    expect(inside(b, 400, 300)).toBe(true);
    expect(b.box.left + b.box.width).toBeLessThanOrEqual(400 - 6);
    expect(b.box.top + b.box.height).toBeLessThanOrEqual(300 - 6);
    // The first baseline lies one font size below the top of the box.
    expect(b.y - b.box.top).toBe(13);
  });

  it('a label beyond the left or top edge moves in; one inside stays where it was put', () => {
    const b = fitLabel({ x: -50, y: -20 }, ['Angle 12°'], 400, 300, 13, measure);
    expect(b.box.left).toBe(6);
    expect(b.box.top).toBe(6);
    const c = fitLabel({ x: 100, y: 100 }, ['Angle 12°'], 400, 300, 13, measure);
    expect([c.x, c.y]).toEqual([100, 100]);
  });

  it('a label wider than the view breaks between words to fit; one long word starts at the left margin', () => {
    const b = fitLabel({ x: 100, y: 100 }, ['Flex/ext segment · L3-L4 1.0° 2.8 mm'], 170, 300, 13, measure);
    // 158 px inside the margins: 15 characters of 10 px a line.
    expect(b.lines).toEqual(['Flex/ext', 'segment · L3-L4', '1.0° 2.8 mm']);
    expect(inside(b, 170, 300)).toBe(true);
    const c = fitLabel({ x: 200, y: 100 }, ['x'.repeat(60)], 400, 300, 13, measure);
    expect(c.box.left).toBe(6);
  });

  it('overlapping labels are nudged apart, inside the view', () => {
    const labels = [
      { anchor: { x: 100, y: 100 }, lines: ['Length 10.0 mm'] },
      { anchor: { x: 105, y: 104 }, lines: ['Length 11.0 mm'] },
      { anchor: { x: 102, y: 98 }, lines: ['Angle 30°', 'L3'] },
    ];
    const out = layoutLabels(labels, 400, 300, { measure });
    expect(out).toHaveLength(3);
    for (const b of out) expect(inside(b, 400, 300)).toBe(true);
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) expect(overlap(out[i]!.box, out[j]!.box)).toBe(false);
    // The first keeps its place; the others move by no more than a few lines.
    expect([out[0]!.x, out[0]!.y]).toEqual([100, 100]);
    expect(Math.abs(out[1]!.box.top - out[0]!.box.top)).toBeLessThan(60);
  });

  it('at the bottom edge a colliding label goes above, not off the view', () => {
    const labels = [
      { anchor: { x: 100, y: 290 }, lines: ['Probe 40 HU'] },
      { anchor: { x: 100, y: 290 }, lines: ['Probe 41 HU'] },
    ];
    const [a, b] = layoutLabels(labels, 400, 300, { measure });
    expect(inside(b!, 400, 300)).toBe(true);
    expect(b!.box.top + b!.box.height).toBeLessThanOrEqual(a!.box.top);
  });

  it('labels keep off areas already written on (the corner texts of a key image)', () => {
    const avoid = [{ left: 300, top: 0, width: 100, height: 40 }];
    const [b] = layoutLabels([{ anchor: { x: 330, y: 20 }, lines: ['Cobb 12°'] }], 400, 300, {
      measure,
      avoid,
    });
    expect(overlap(b!.box, avoid[0]!)).toBe(false);
    expect(inside(b!, 400, 300)).toBe(true);
  });

  it('labels that do not collide are left alone', () => {
    const labels = [
      { anchor: { x: 20, y: 40 }, lines: ['A'] },
      { anchor: { x: 200, y: 200 }, lines: ['B'] },
    ];
    const out = layoutLabels(labels, 400, 300, { measure });
    expect(out.map((b) => [b.x, b.y])).toEqual([
      [20, 40],
      [200, 200],
    ]);
  });
});
