// Damaged files must end in a PixelDecodeError (or a decoded image) quickly: never a hang, never a
// crash, never a bare codec exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCodecs } from '../../../electron/services/codecs/node-codecs.ts';
import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { CORPUS } from './reference.ts';
import { titled, toolsMissing } from '../../support/reference-tools.ts';

const corpusMissing = toolsMissing(['pydicom-corpus']);

// One file per decoder.
const FILES = [
  'CT_small.dcm',
  'MR_small_RLE.dcm',
  'SC_rgb_jpeg_dcmtk.dcm',
  'JPGExtended.dcm',
  'SC_rgb_jpeg_gdcm.dcm',
  'MR_small_jpeg_ls_lossless.dcm',
  'MR_small_jp2klossless.dcm',
  'JPEG2000.dcm',
  'rtdose_rle.dcm',
];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decodes every frame; returns 'ok' or the PixelDecodeError message; rethrows anything else. */
async function attempt(bytes: Uint8Array): Promise<string> {
  try {
    const parsed = parseDicom(bytes);
    await decodeFrame(parsed, 0, nodeCodecs);
    return 'ok';
  } catch (e) {
    if (e instanceof PixelDecodeError) return e.message;
    throw e;
  }
}

describe.skipIf(corpusMissing !== null)(titled('malformed input', corpusMissing), () => {
  it.each(FILES)('%s cut short anywhere gives a clear error or an image', async (file) => {
    const whole = new Uint8Array(readFileSync(join(CORPUS, file)));
    for (const fraction of [0.05, 0.3, 0.6, 0.8, 0.9, 0.97, 0.995]) {
      const cut = whole.slice(0, Math.floor(whole.length * fraction));
      const started = Date.now();
      const outcome = await attempt(cut);
      expect(Date.now() - started).toBeLessThan(5000);
      if (outcome !== 'ok')
        expect(outcome).toMatch(/truncated|cannot|not |missing|malformed|no |corrupt|short/i);
    }
  });

  it.each(FILES)('%s with corrupted pixel bytes gives a clear error or an image', async (file) => {
    const whole = new Uint8Array(readFileSync(join(CORPUS, file)));
    const parsed = parseDicom(whole);
    const start = parsed.pixelData!.bytes.byteOffset - whole.byteOffset;
    const next = random(file.length);
    for (let round = 0; round < 12; round++) {
      const bad = whole.slice();
      for (let k = 0; k < 8; k++)
        bad[start + Math.floor(next() * (whole.length - start))] = Math.floor(next() * 256);
      const started = Date.now();
      await attempt(bad);
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });

  it('refuses random bytes as not DICOM', async () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const junk = Uint8Array.from({ length: 200 + round * 37 }, () => Math.floor(next() * 256));
      expect(await attempt(junk)).not.toBe('ok');
    }
  });
});
