import { describe, expect, it } from 'vitest';
import {
  CT_PRESETS,
  applyVoi,
  autoWindow,
  dragWindow,
  formatVoi,
  presetsFor,
} from '../../../shared/viewer/window-level.ts';

describe('window/level', () => {
  it('applies the linear VOI function of PS3.3 C.11.2.1.2.1', () => {
    const voi = { center: 40, width: 400 };
    expect(applyVoi(-161, voi)).toBe(0);
    expect(applyVoi(240, voi)).toBe(255);
    expect(applyVoi(39.5, voi)).toBeCloseTo(127.5, 9);
    expect(applyVoi(1000, { center: 0, width: 1 })).toBe(255);
    expect(applyVoi(-1, { center: 0, width: 1 })).toBe(0);
  });

  it('drags: right widens, down raises the level, never below width 1', () => {
    expect(dragWindow({ center: 40, width: 400 }, 10, -5, 2)).toEqual({ center: 30, width: 420 });
    expect(dragWindow({ center: 40, width: 4 }, -100, 0, 1).width).toBe(1);
  });

  it('finds an automatic window that ignores a few extreme pixels', () => {
    const values = new Int16Array(10000).map((_, i) => 100 + (i % 100));
    values[0] = -3000; // collimator edge
    values[1] = 30000; // hot pixel
    const w = autoWindow(values, 2, -1000);
    expect(w.center - w.width / 2).toBeGreaterThanOrEqual(2 * 100 - 1000 - 1);
    expect(w.center + w.width / 2).toBeLessThanOrEqual(2 * 199 - 1000 + 1);
    expect(autoWindow(new Uint8Array([7, 7, 7]))).toEqual({ center: 7, width: 1 });
  });

  it('offers CT windows for CT and the file windows for other modalities', () => {
    const file = [{ center: 600, width: 1200, explanation: 'T2 default' }];
    expect(presetsFor('CT', file).map((p) => p.id)).toEqual([...CT_PRESETS.map((p) => p.id), 'file-0']);
    expect(presetsFor('MR', file)).toEqual([
      expect.objectContaining({ label: 'T2 default', center: 600, width: 1200 }),
    ]);
    expect(CT_PRESETS.find((p) => p.id === 'bone')).toMatchObject({ center: 400, width: 1800 });
    const ctFile = presetsFor('CT', [{ center: 500, width: 2000, explanation: 'BONE' }]);
    expect(ctFile.at(-1)).toMatchObject({ label: 'BONE (file)', center: 500, width: 2000 });
    expect(formatVoi({ center: 40.4, width: 400 })).toBe('W 400 L 40');
  });
});
