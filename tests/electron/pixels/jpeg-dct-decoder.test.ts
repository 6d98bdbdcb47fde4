// Our sequential DCT decoder (written for 12-bit JPEG) reproduces IJG libjpeg's integer IDCT and
// colour conversion; on 8-bit streams it must therefore equal libjpeg-turbo sample for sample.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCodecs } from '../../../electron/services/codecs/node-codecs.ts';
import { frameBytes } from '../../../shared/dicom/frames.ts';
import { decodeJpeg12 } from '../../../shared/dicom/js-codecs.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readPixelModule } from '../../../shared/dicom/pixel-module.ts';
import { CORPUS, maxAbsDiff } from './reference.ts';
import { titled, toolsMissing } from '../../support/reference-tools.ts';

const corpusMissing = toolsMissing(['pydicom-corpus']);

// Unsubsampled 8-bit baseline streams of pydicom's corpus: YCbCr with JFIF (exercises our colour
// conversion), RGB with Adobe markers.
const FILES = [
  'SC_rgb_small_odd_jpeg.dcm',
  'SC_rgb_dcmtk_+eb+cr.dcm',
  'SC_jpeg_no_color_transform_2.dcm',
  'SC_rgb_jpeg_app14_dcmd.dcm',
];

async function firstFrame(file: string): Promise<Uint8Array> {
  const parsed = parseDicom(await readFile(join(CORPUS, file)));
  return frameBytes(parsed.pixelData!, readPixelModule(parsed.dataSet), 0).bytes;
}

describe.skipIf(corpusMissing !== null)(
  titled('our DCT JPEG decoder against libjpeg-turbo', corpusMissing),
  () => {
    it.each(FILES)('%s decodes identically', async (file) => {
      const bytes = await firstFrame(file);
      const ours = await decodeJpeg12(bytes);
      const turbo = await nodeCodecs.jpegBaseline(bytes);
      expect([ours.width, ours.height, ours.components]).toEqual([
        turbo.width,
        turbo.height,
        turbo.components,
      ]);
      expect(maxAbsDiff(ours.pixels, turbo.pixels)).toBe(0);
    });

    it('refuses chroma subsampling, progressive and arithmetic coding with a reason', async () => {
      await expect(decodeJpeg12(await firstFrame('SC_rgb_dcmtk_+eb+cy+np.dcm'))).rejects.toThrow(
        /subsampled/,
      );
      const progressive = Uint8Array.from([
        0xff, 0xd8, 0xff, 0xc2, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xd9,
      ]);
      await expect(decodeJpeg12(progressive)).rejects.toThrow(/unsupported process \(SOF marker FFC2\)/);
    });
  },
);
