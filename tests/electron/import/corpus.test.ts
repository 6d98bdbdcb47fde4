import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/imaging/import-progress.ts';
import {
  PYDICOM_CHARSET_FILES,
  PYDICOM_TEST_FILES,
  SYSTEM_PYTHON,
  hasPydicomCorpus,
  pydicomCorpusMissing,
} from '../../support/dicom-corpus.ts';
import { titled } from '../../support/reference-tools.ts';
import { importPaths, signedIn } from '../../support/import.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { tempBackend } from '../../support/temp-backend.ts';

describe.skipIf(!hasPydicomCorpus)(titled('importing the pydicom corpus', pydicomCorpusMissing), () => {
  let b: TempBackend;
  let first: ImportProgress;

  beforeAll(async () => {
    b = tempBackend();
    await signedIn(b);
    first = await importPaths(b, [PYDICOM_TEST_FILES, PYDICOM_CHARSET_FILES]);
  }, 60_000);
  afterAll(() => b.dispose());

  const failure = (name: string) => first.failed.find((f) => f.path.endsWith(`/${name}`))?.reason;

  it('imports every readable file and accounts for all the others', () => {
    expect(first.state).toBe('done');
    expect(first.imported).toBeGreaterThan(100);
    expect(first.filesDone).toBe(first.filesFound);
    const accounted =
      first.imported + first.duplicates + first.skipped + first.failed.length + first.conflicts.length;
    expect(accounted).toBe(first.filesFound);
  });

  it('fails broken files with a plain reason', () => {
    expect(failure('MR_truncated.dcm')).toBe(
      'truncated: the pixel data holds 8130 of the 8192 bytes it declares',
    );
    expect(failure('rtplan_truncated.dcm')).toMatch(/^The DICOM file is truncated: it ends at byte 2129/);
    expect(failure('UN_sequence.dcm')).toBe('missing Study Instance UID (0020,000D)');
  });

  it('skips non-DICOM files and DICOMDIR indexes instead of failing them', () => {
    for (const name of ['README.txt', 'test1.json', 'rtplan.dump', 'zipMR.gz', 'DICOMDIR', 'DICOMDIR-bigEnd'])
      expect(failure(name), name).toBeUndefined();
    expect(first.skipped).toBeGreaterThanOrEqual(12);
  });

  it('reads files real media carry: no preamble, deflated, big endian, implicit VR', async () => {
    const names = (await b.call('studies.library', {})).ok;
    expect(names).toBe(true);
    for (const name of [
      'ExplVR_BigEndNoMeta.dcm',
      'ExplVR_LitEndNoMeta.dcm',
      'image_dfl.dcm',
      'MR_small_bigendian.dcm',
      'rtstruct.dcm',
    ])
      expect(failure(name), name).toBeUndefined();
    expect(first.warnings.find((w) => w.path.endsWith('/rtstruct.dcm'))?.reason).toContain(
      'no DICOM file meta header',
    );
  });

  it('reports same-UID, different-bytes files as conflicts and keeps the original', () => {
    const conflict = first.conflicts.find((c) => c.path.includes('MR_small'));
    expect(conflict?.reason).toMatch(/already stored with different content; the original was kept/);
  });

  it('indexes the same values dcmdump reads', () => {
    const rows = b.ctx.db
      .prepare<
        [],
        {
          file: string;
          patientId: string;
          studyUid: string;
          seriesUid: string;
          sop: string;
          modality: string | null;
          rows: number | null;
          number: number | null;
        }
      >(
        `SELECT i.file_path AS file, p.mrn AS patientId, st.study_uid AS studyUid, se.series_uid AS seriesUid,
                i.sop_instance_uid AS sop, se.modality, i.rows, i.instance_number AS number
           FROM instances i JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id
           JOIN patients p ON p.id = st.patient_id`,
      )
      .all();
    expect(rows.length).toBe(first.imported);
    let compared = 0;
    for (const row of rows) {
      // Full dump: top-level elements start at column 0, nested ones are indented (+P would also
      // match nested copies, e.g. a Referenced Series Sequence). dcmdump refuses a few corpus files.
      const dump = spawnSync('dcmdump', ['-q', '-M', join(b.dataDir, 'store', row.file)], {
        encoding: 'latin1',
      }).stdout;
      const value = (tag: string) =>
        new RegExp(`^\\(${tag}\\) \\w\\w (?:\\[([^\\]]*)\\]|(\\d+))`, 'm').exec(dump);
      const text = (tag: string) => value(tag)?.[1] ?? value(tag)?.[2] ?? null;
      if (!dump.trim()) continue;
      expect(text('0020,000d'), row.file).toBe(row.studyUid);
      expect(text('0020,000e'), row.file).toBe(row.seriesUid);
      expect(text('0008,0018') ?? row.sop, row.file).toBe(row.sop);
      if (text('0008,0060')) expect(text('0008,0060'), row.file).toBe(row.modality);
      if (text('0028,0010')) expect(Number(text('0028,0010')), row.file).toBe(row.rows);
      if (text('0020,0013')) expect(Number(text('0020,0013')), row.file).toBe(row.number);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('decodes patient names in every character set as pydicom does', () => {
    const script = `import glob, json, pydicom
out = {}
for f in sorted(glob.glob('${PYDICOM_CHARSET_FILES}/*.dcm')):
    d = pydicom.dcmread(f)
    if 'PatientID' in d and 'StudyInstanceUID' in d:
        out[str(d.PatientID)] = str(d.PatientName)
print(json.dumps(out))`;
    const expected = JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script], { encoding: 'utf8' })) as Record<
      string,
      string
    >;
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    const stored = b.ctx.db.prepare<[string], { name: string | null }>(
      'SELECT name FROM patients WHERE mrn = ?',
    );
    for (const [mrn, name] of Object.entries(expected))
      expect(stored.get(mrn)?.name, mrn).toBe(name.replace(/[=^]+$/, ''));
  });

  it('adds nothing when the same files are imported again', async () => {
    const count = () => b.ctx.db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number };
    const before = count().n;
    const again = await importPaths(b, [PYDICOM_TEST_FILES, PYDICOM_CHARSET_FILES]);
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(first.imported + first.duplicates);
    expect(count().n).toBe(before);
  }, 60_000);
});
