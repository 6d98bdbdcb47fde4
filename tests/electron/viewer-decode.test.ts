import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCodecs } from '../../electron/services/codecs/node-codecs.ts';
import {
  decodeForView,
  ownBuffer,
  parseForView,
} from '../../renderer/viewer/decode/decode-frame-for-view.ts';
import { readFrameMeta } from '../../shared/viewer/frame-meta.ts';
import { titled, toolsMissing } from '../support/reference-tools.ts';
import { PYDICOM_TEST_FILES, SYSTEM_PYTHON } from '../support/dicom-corpus.ts';

const missing = toolsMissing(['pydicom-corpus', 'pydicom-numpy']);
import { tempDir } from '../support/temp-backend.ts';

/** pydicom's stored values, flattened. */
function pydicomPixels(file: string): number[] {
  const code =
    'import pydicom,sys,json; print(json.dumps(pydicom.dcmread(sys.argv[1]).pixel_array.ravel().tolist()))';
  return JSON.parse(
    execFileSync(SYSTEM_PYTHON, ['-c', code, file], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as number[];
}

const corpus = (name: string): string => join(PYDICOM_TEST_FILES, name);
const decode = (file: string, frame = 0) =>
  decodeForView(parseForView(readFileSync(file)), frame, nodeCodecs);
const dir = tempDir('scr-viewer-decode-');
afterAll(() => dir.dispose());

describe.skipIf(missing !== null)(
  titled('decoding for the viewer (the worker’s pipeline, run in Node)', missing),
  () => {
    it('hands over stored values with the modality LUT and the file’s windows (MR)', async () => {
      const d = await decode(corpus('MR_small.dcm'));
      expect(d).toMatchObject({
        rows: 64,
        columns: 64,
        color: false,
        photometric: 'MONOCHROME2',
        slope: 1,
        intercept: 0,
      });
      expect(d.windows[0]).toMatchObject({ center: 600, width: 1600 });
      expect(d.autoWindow).toBeNull();
      expect(Array.from(d.pixels)).toEqual(pydicomPixels(corpus('MR_small.dcm')));
      expect(d.meta).toMatchObject({ modality: 'MR', pixelSpacing: [0.3125, 0.3125] });
      expect(d.meta.imageOrientation).toHaveLength(6);
    });

    it('requantises 32-bit dose values to 16 bits, every shown value within one step of the stored one', async () => {
      const d = await decode(corpus('rtdose_1frame.dcm'));
      expect(d.pixels).toBeInstanceOf(Uint16Array);
      const ref = pydicomPixels(corpus('rtdose_1frame.dcm'));
      let worst = 0;
      ref.forEach((v, i) => (worst = Math.max(worst, Math.abs(d.pixels[i]! * d.slope + d.intercept - v))));
      expect(worst).toBeLessThanOrEqual(d.slope);
    });

    it('gives colour as RGBA bytes', async () => {
      const d = await decode(corpus('SC_rgb_jpeg_dcmtk.dcm'));
      expect(d.color).toBe(true);
      expect(d.pixels).toBeInstanceOf(Uint8ClampedArray);
      expect(d.pixels.length).toBe(d.rows * d.columns * 4);
      expect(d.pixels[3]).toBe(255);
    });

    it('finds a window itself when the file has none', async () => {
      const copy = join(dir.path, 'nowindow.dcm');
      copyFileSync(corpus('MR_small.dcm'), copy);
      execFileSync('dcmodify', ['-nb', '-e', '(0028,1050)', '-e', '(0028,1051)', copy], { stdio: 'pipe' });
      const d = await decode(copy);
      expect(d.windows).toEqual([]);
      expect(d.autoWindow!.width).toBeGreaterThan(0);
      expect(d.autoWindow!.center).toBeGreaterThan(d.min);
      expect(d.autoWindow!.center).toBeLessThan(d.max);
    });

    it('explains a frame that does not exist and a file that is not an image', async () => {
      await expect(decode(corpus('MR_small.dcm'), 3)).rejects.toThrow(
        /has 1 frame\(s\); frame 4 does not exist/,
      );
      await expect(decode(corpus('rtplan.dcm'))).rejects.toThrow(/no Pixel Data/);
    });

    it('transfers only whole buffers', () => {
      const big = new Int16Array(10);
      const view = big.subarray(2, 5);
      expect(ownBuffer(big)).toBe(big);
      expect(ownBuffer(view).buffer.byteLength).toBe(6);
    });

    it('reads the geometry and the radiograph facts of a frame', () => {
      const ct = readFrameMeta(parseForView(readFileSync(corpus('CT_small.dcm'))).dataSet);
      expect(ct).toMatchObject({
        modality: 'CT',
        imagePosition: [-158.135803, -179.035797, -75.699997],
        imageOrientation: [1, 0, 0, 0, 1, 0],
        pixelSpacing: [0.661468, 0.661468],
        sliceThickness: 5,
        patientOrientation: null,
      });
    });
  },
);
