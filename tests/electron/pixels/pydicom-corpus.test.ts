// Every file of pydicom's test corpus (and extra files made with pydicom and dcmtk for what the corpus
// lacks) is decoded with our pipeline and compared, frame by frame, with pydicom's pixel_array.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { skipOrFail, titled } from '../../support/reference-tools.ts';
import { TOLERANCE, compareWithReference, decodeAll } from './compare.ts';
import type { FileReference, Reference } from './reference.ts';
import {
  CORPUS,
  dcmtkRawPixelData,
  makeReference,
  maxAbsDiff,
  referenceUnavailable,
  walk,
} from './reference.ts';

const unavailable = referenceUnavailable();

/** Files pydicom cannot or should not decode, and the error we must give instead. */
const REFUSED: Record<string, { error: RegExp; why: string }> = {
  'MR_truncated.dcm': { error: /truncated/, why: 'Pixel Data is 62 bytes short; pydicom refuses too' },
  'meta_missing_tsyntax.dcm': {
    error: /no usable Image Pixel module/,
    why: 'Pixel Data without Rows/Columns/Bits Allocated (and no transfer syntax)',
  },
  'nested_priv_SQ.dcm': {
    error: /no usable Image Pixel module/,
    why: 'Pixel Data without an Image Pixel module',
  },
  'JPEG2000-embedded-sequence-delimiter.dcm': {
    error: /JPEG 2000 data cannot be decoded/,
    why: 'codestream corrupted on purpose (pydicom README); GDCM still returns numbers, OpenJPEG refuses',
  },
};

/** Files pydicom cannot read whose native Pixel Data dcmtk reads; compared with dcmtk's bytes. */
const DCMTK_REFERENCE: Record<string, string> = {
  'badVR.dcm': 'Number of Frames is "1A": pydicom fails; read as 1, compared with dcmtk (dcmdump +W)',
};

/**
 * Extra files (make_variants.py). `against` names another file whose pydicom reference is used
 * instead: dcmtk's decompression (a second decoder), or the uncompressed source where pydicom 2.3
 * itself is wrong (`why`).
 */
const VARIANTS: Array<{ file: string; against?: string; why?: string }> = [
  { file: 'mf_mr.dcm' },
  { file: 'ct12.dcm' },
  {
    file: 'signed12_dirty_high_bits.dcm',
    against: 'signed12_clean.dcm',
    why: 'pydicom 2.3 keeps the unused high bits; PS3.5 8.1.1 says to ignore them',
  },
  { file: 'bits1_3frames.dcm' },
  { file: 'float32.dcm' },
  { file: 'palette8.dcm' },
  { file: 'palette16_first20.dcm' },
  { file: 'ybr_full_planar.dcm' },
  {
    file: 'mf_mr_jpegls_fragmented_no_bot.dcm',
    against: 'mf_mr.dcm',
    why: 'pydicom 2.3 + GDCM mis-assemble frames split in several fragments without offset table',
  },
  { file: 'mf_mr_jpegls_fragmented_no_bot.dcm', against: 'mf_mr_jpeg_lossless_sv6_fragmented.dcm' },
  { file: 'mf_mr_jpeg_lossless_sv6_fragmented.dcm' },
  { file: 'mf_mr_jpeg_lossless_sv4.dcm' },
  { file: 'mf_mr_jpeg_lossless_sv7.dcm' },
  { file: 'mf_mr_rle.dcm' },
  { file: 'ct12_jpegls_near3.dcm' },
  { file: 'ct12_jpeg_extended.dcm' },
  { file: 'ct12_jpeg_extended.dcm', against: 'ct12_jpeg_extended_dcmdjpeg.dcm' },
  { file: 'JPGExtended.dcm', against: 'JPGExtended_dcmdjpeg.dcm' },
  { file: 'grey8_jpeg_baseline.dcm' },
  { file: 'grey8_jpeg_baseline.dcm', against: 'grey8_jpeg_baseline_dcmdjpeg.dcm' },
  { file: 'grey8_jpeg_extended_8bit.dcm' },
  { file: 'grey8_rle.dcm' },
  { file: 'rgb8_jpegls.dcm' },
  { file: 'rgb8_jpeg_lossless_sv1.dcm' },
];

interface Row {
  file: string;
  syntax: string;
  photometric: string;
  result: string;
}
const rows: Row[] = [];

let ref: Reference;

async function check(
  skip: (reason: string) => void,
  root: 'corpus' | 'variants',
  file: string,
  path: string,
  against?: FileReference,
  note?: string,
): Promise<void> {
  const own = ref.files.get(`${root}/${file}`);
  const rec = against ?? own;
  if (!rec || !own) throw new Error(`no pydicom reference record for ${file}`);
  const row = { file, syntax: own.transferSyntax ?? '', photometric: own.photometric ?? '' };
  const refused = root === 'corpus' ? REFUSED[file] : undefined;
  if (refused) {
    await expect(decodeAll(path)).rejects.toThrow(refused.error);
    await expect(decodeAll(path)).rejects.toBeInstanceOf(PixelDecodeError);
    rows.push({ ...row, result: `refused (${refused.why})` });
    return;
  }
  if (root === 'corpus' && DCMTK_REFERENCE[file]) {
    const raw = dcmtkRawPixelData(path, ref.dir);
    if (!raw) throw new Error('dcmtk (dcmdump) is needed for this file');
    const [frame] = await decodeAll(path);
    const values = new Uint32Array(raw.buffer, 0, frame!.pixels.length);
    expect(maxAbsDiff(frame!.pixels, values)).toBe(0);
    rows.push({ ...row, result: `exact vs dcmtk (${DCMTK_REFERENCE[file]})` });
    return;
  }
  if (rec.status === 'no-pixel-data' || rec.status === 'unreadable') {
    await expect(decodeAll(path)).rejects.toBeInstanceOf(PixelDecodeError);
    rows.push({
      ...row,
      result: rec.status === 'unreadable' ? 'not DICOM: refused' : 'no pixel data: refused',
    });
    return;
  }
  if (rec.status !== 'ok')
    throw new Error(`pydicom cannot decode ${file} (${rec.reason}) and no expectation is set`);
  const { maxDiff, frames } = await compareWithReference(path, rec);
  const allowed = TOLERANCE[rec.transform ?? ''] ?? 0;
  expect(maxDiff, `largest difference from pydicom over ${frames} frame(s)`).toBeLessThanOrEqual(allowed);
  const result = maxDiff === 0 ? `exact (${frames} frame(s))` : `max diff ${maxDiff} ≤ ${allowed}`;
  rows.push({ ...row, result: note ? `${result}; ${note}` : result });
}

describe.skipIf(unavailable !== null)(
  titled("decoded pixels equal pydicom's pixel_array", unavailable),
  () => {
    beforeAll(() => {
      ref = makeReference();
    }, 120_000);
    afterAll(() => {
      ref?.dispose();
      const width = Math.max(...rows.map((r) => r.file.length));
      console.log(
        rows
          .map(
            (r) => `${r.file.padEnd(width)}  ${r.syntax.padEnd(24)} ${r.photometric.padEnd(14)} ${r.result}`,
          )
          .join('\n'),
      );
    });

    describe('pydicom test files', () => {
      it.for(unavailable ? [] : walk(CORPUS))('%s', async (file, ctx) => {
        await check((reason) => ctx.skip(reason), 'corpus', file, join(CORPUS, file));
      });
    });

    describe('extra files made with pydicom and dcmtk', () => {
      it.for(VARIANTS)('$file (reference: $against)', async ({ file, against, why }, ctx) => {
        const made = ref.variants.get(file);
        const skipped = made?.skipped ?? (against ? ref.variants.get(against)?.skipped : undefined);
        if (skipped) return skipOrFail((note) => ctx.skip(note), skipped);
        if (!made) throw new Error(`make_variants.py did not make ${file}`);
        const other = against ? ref.files.get(`variants/${against}`) : undefined;
        if (against && !other) throw new Error(`no reference for ${against}`);
        await check(
          (reason) => ctx.skip(reason),
          'variants',
          file,
          join(ref.variantsDir, file),
          other,
          why ?? (against ? `vs ${against}` : undefined),
        );
      });
    });
  },
);
