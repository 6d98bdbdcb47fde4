import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFileStats } from '../../../electron/services/pixels/decode-file.ts';
import { NotDicomError, PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { titled } from '../../support/reference-tools.ts';
import { CORPUS, PYTHON, referenceUnavailable } from './reference.ts';

const unavailable = referenceUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'decode-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pydicom's stats after apply_modality_lut for one frame (0-based). */
function pydicomStats(file: string, frame: number): { min: number; max: number; mean: number } {
  const script = [
    'import json, sys, pydicom',
    'from pydicom.pixel_data_handlers.util import apply_modality_lut',
    'ds = pydicom.dcmread(sys.argv[1]); a = ds.pixel_array',
    'a = a[int(sys.argv[2])] if int(ds.get("NumberOfFrames", 1) or 1) > 1 else a',
    'a = apply_modality_lut(a, ds).astype("float64")',
    'print(json.dumps({"min": a.min(), "max": a.max(), "mean": a.mean()}))',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', script, join(CORPUS, file), String(frame)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { min: number; max: number; mean: number };
}

describe.skipIf(unavailable !== null)(titled('decodeFileStats', unavailable), () => {
  it('summarises a CT in Hounsfield units like pydicom', async () => {
    const stats = await decodeFileStats(join(CORPUS, 'CT_small.dcm'));
    expect(stats).toMatchObject({
      rows: 128,
      columns: 128,
      frames: 1,
      transferSyntax: '1.2.840.10008.1.2.1',
      photometric: 'MONOCHROME2',
    });
    const ref = pydicomStats('CT_small.dcm', 0);
    expect(stats.min).toBe(ref.min);
    expect(stats.max).toBe(ref.max);
    expect(stats.mean).toBeCloseTo(ref.mean, 9);
  });

  it('decodes the frame asked for', async () => {
    const stats = await decodeFileStats(join(CORPUS, 'rtdose.dcm'), 14);
    expect(stats.frames).toBe(15);
    const ref = pydicomStats('rtdose.dcm', 14);
    expect([stats.min, stats.max]).toEqual([ref.min, ref.max]);
    expect(stats.mean).toBeCloseTo(ref.mean, 6);
    await expect(decodeFileStats(join(CORPUS, 'rtdose.dcm'), 15)).rejects.toThrow(
      /Frame 16 does not exist: the image has 15 frame\(s\)/,
    );
  });

  it('reports colour as RGB, compressed or not', async () => {
    expect((await decodeFileStats(join(CORPUS, 'SC_rgb_jpeg_dcmtk.dcm'))).photometric).toBe('RGB');
    expect((await decodeFileStats(join(CORPUS, 'SC_ybr_full_422_uncompressed.dcm'))).photometric).toBe('RGB');
  });
});

describe('decodeFileStats errors', () => {
  it('says when the file cannot be read or is not DICOM', async () => {
    await expect(decodeFileStats(join(dir, 'missing.dcm'))).rejects.toThrow(PixelDecodeError);
    await expect(decodeFileStats(join(dir, 'missing.dcm'))).rejects.toThrow(/Cannot read .*missing\.dcm/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'Operative notes: L4-L5 fusion, pedicle screws.');
    await expect(decodeFileStats(text)).rejects.toThrow(new NotDicomError());
  });
});
