import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deidentifyFile } from '../../../electron/services/deid/deidentify-file.ts';
import { UidMap } from '../../../electron/services/deid/uid-map.ts';
import type { DeidOptions } from '../../../shared/deid/actions.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import { identifyingValues, leaks, pydicomElements } from '../../support/deid-scan.ts';
import { tempDir } from '../../support/temp-backend.ts';

/** Corpus files that carry names, IDs, dates, institutions, physicians, private groups and nested sequences. */
const CORPUS = [
  'CT_small.dcm',
  'MR_small.dcm',
  'MR_small_implicit.dcm',
  'MR_small_bigendian.dcm',
  'JPEG2000.dcm',
  'SC_rgb_rle_2frame.dcm',
  'rtplan.dcm',
  'test-SR.dcm',
  'priv_SQ.dcm',
  'image_dfl.dcm',
  'waveform_ecg.dcm',
];

const ALL_OPTIONS: DeidOptions = {
  retainPatientCharacteristics: true,
  modifiedDates: true,
  cleanDescriptors: true,
};
const BASIC: DeidOptions = {
  retainPatientCharacteristics: false,
  modifiedDates: false,
  cleanDescriptors: false,
};

const dir = tempDir('scr-deid-');
afterAll(() => dir.dispose());

function run(options: DeidOptions, label: string) {
  const uids = new UidMap();
  const sources = CORPUS.map((f) => join(PYDICOM_TEST_FILES, f));
  const outputs = sources.map((src, i) => {
    const out = deidentifyFile(new Uint8Array(readFileSync(src)), {
      options,
      uids,
      dateOffsetDays: -1234,
      pseudonym: 'SCR-7Q4K9Z2M',
      known: { names: [], ids: [], dates: [] },
    });
    const path = join(dir.path, `${label}-${i}.dcm`);
    writeFileSync(path, out.bytes);
    return { path, out };
  });
  return {
    sources,
    outputs,
    before: pydicomElements(sources),
    after: pydicomElements(outputs.map((o) => o.path)),
  };
}

describe('PS3.15 Basic Profile on the pydicom corpus, checked by pydicom', () => {
  for (const [label, options] of [
    ['basic', BASIC],
    ['options', ALL_OPTIONS],
  ] as const) {
    it(`leaves no identifying value in any element (${label})`, () => {
      const { sources, outputs, before, after } = run(options, label);
      sources.forEach((src, i) => {
        const secrets = identifyingValues(before.get(src)!, !options.modifiedDates);
        expect(secrets.size, src).toBeGreaterThan(0);
        const elements = after.get(outputs[i]!.path)!;
        expect(leaks(elements, secrets), src).toEqual([]);
        expect(
          elements.filter((e) => parseInt(e.tag.slice(0, 4), 16) % 2 === 1).map((e) => e.tag),
          src,
        ).toEqual([]);
        const get = (tag: string) => elements.find((e) => e.path === '' && e.tag === tag)?.values;
        expect(get('00120062')).toEqual(['YES']);
        expect(get('00100020')).toEqual(['SCR-7Q4K9Z2M']);
        expect(get('00280303')).toEqual([options.modifiedDates ? 'MODIFIED' : 'REMOVED']);
        const codes = elements
          .filter((e) => e.path.startsWith('/00120064') && e.tag === '00080100')
          .flatMap((e) => e.values);
        expect(codes).toEqual(options === BASIC ? ['113100'] : ['113100', '113105', '113107', '113108']);
      });
    });
  }

  it('keeps the pixels and the geometry, and dcmdump reads every file', () => {
    const { sources, outputs } = run(ALL_OPTIONS, 'pixels');
    const script = `
import sys, pydicom, numpy as np
a, b = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])
if 'PixelData' in a:
    assert np.array_equal(a.pixel_array, b.pixel_array), 'pixels differ'
for k in ('ImagePositionPatient', 'ImageOrientationPatient', 'PixelSpacing', 'Rows', 'Columns', 'PatientSex'):
    assert a.get(k) == b.get(k), k
print('ok')`;
    sources.forEach((src, i) => {
      if (src.endsWith('image_dfl.dcm') || src.endsWith('waveform_ecg.dcm') || !/CT|MR|JPEG|SC/.test(src))
        return;
      expect(
        execFileSync('/usr/bin/python3', ['-c', script, src, outputs[i]!.path], { encoding: 'utf8' }).trim(),
      ).toBe('ok');
      execFileSync('dcmdump', ['+P', '0010,0010', outputs[i]!.path], { encoding: 'utf8' });
    });
  });

  it('replaces each UID consistently and shifts dates by the one offset', () => {
    const { outputs, after } = run(ALL_OPTIONS, 'consistency');
    const get = (i: number, tag: string) =>
      after.get(outputs[i]!.path)!.find((e) => e.path === '' && e.tag === tag)?.values[0];
    // MR_small and its implicit and big-endian copies share one study and SOP instance.
    expect(get(2, '0020000D')).toBe(get(1, '0020000D'));
    expect(get(3, '00080018')).toBe(get(1, '00080018'));
    expect(get(0, '00080020')).toBe('20000902'); // CT_small's 2004-01-19 moved by −1234 days
  });
});
