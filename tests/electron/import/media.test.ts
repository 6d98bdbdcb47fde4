import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PYDICOM_TEST_FILES,
  SYSTEM_PYTHON,
  cloneSeries,
  hasPydicomCorpus,
  pydicomCorpusMissing,
} from '../../support/dicom-corpus.ts';
import { titled, toolsMissing } from '../../support/reference-tools.ts';
import { importPaths, signedIn } from '../../support/import.ts';
import { waitFor } from '../../support/wait-for.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend, tempBackendAt, tempDir } from '../../support/temp-backend.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/schema.ts';

const dcmtkMissing = toolsMissing(['dcmtk']);
const hasDcmmkdir = dcmtkMissing === null;

let b: TempBackend;
let work: ReturnType<typeof tempDir>;
beforeEach(async () => {
  b = tempBackend();
  work = tempDir('scr-media-');
  await signedIn(b);
});
afterEach(async () => {
  await b.dispose();
  work.dispose();
});

const count = (table: string) =>
  (b.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A patient CD as hospitals burn them: DICOM/ with 8-character upper-case names and a DICOMDIR. */
function burnCd(root: string): string[] {
  const files = [
    ...cloneSeries(
      join(PYDICOM_TEST_FILES, 'CT_small.dcm'),
      join(root, 'DICOM', 'ST000001', 'SE000001'),
      6,
      '7',
    ),
    ...cloneSeries(
      join(PYDICOM_TEST_FILES, 'MR_small.dcm'),
      join(root, 'DICOM', 'ST000001', 'SE000002'),
      4,
      '8',
    ),
  ];
  writeFileSync(join(root, 'AUTORUN.INF'), '[autorun]\nopen=viewer.exe\n');
  writeFileSync(join(root, 'README.TXT'), 'Patient CD. Open with any DICOM viewer.\n');
  execFileSync('dcmmkdir', ['--recurse', '-Pgp', '+I', '+id', root, 'DICOM'], { cwd: root, stdio: 'pipe' });
  return files;
}

describe.skipIf(!hasPydicomCorpus)(titled('import sources', pydicomCorpusMissing), () => {
  it.skipIf(!hasDcmmkdir)(
    titled('imports a patient CD through its DICOMDIR, even with renamed-case files', dcmtkMissing),
    async () => {
      const cd = join(work.path, 'CD');
      burnCd(cd);
      // A copy made on another system: every name lower-cased, while the DICOMDIR keeps upper case.
      const lower = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const from = join(dir, name);
          const to = join(dir, name === 'DICOMDIR' ? name : name.toLowerCase());
          if (from !== to) renameSync(from, to);
          if (
            readdirSync(dir, { withFileTypes: true })
              .find((d) => d.name === to.split('/').pop())
              ?.isDirectory()
          )
            lower(to);
        }
      };
      lower(cd);
      const result = await importPaths(b, [join(cd, 'DICOMDIR')]);
      expect(result.failed).toEqual([]);
      expect(result.imported).toBe(10);
      expect(result.skipped).toBe(1);
      expect(count('studies')).toBe(2);
      expect(count('series')).toBe(2);
    },
  );

  it('imports a whole CD folder: non-DICOM files skipped, DICOMDIR not double-counted, twice adds nothing', async () => {
    if (!hasDcmmkdir) return;
    const cd = join(work.path, 'CD');
    burnCd(cd);
    const first = await importPaths(b, [cd]);
    expect(first).toMatchObject({ imported: 10, duplicates: 0, failed: [], state: 'done' });
    expect(first.skipped).toBe(3);
    const again = await importPaths(b, [cd]);
    expect(again).toMatchObject({ imported: 0, duplicates: 10 });
    expect(count('instances')).toBe(10);
  });

  it('imports a zip archive, with folders, junk and a damaged entry', async () => {
    const src = join(work.path, 'export');
    cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), join(src, 'series1'), 5, '5');
    writeFileSync(join(src, 'notes.pdf'), '%PDF-1.4 not an image');
    const zip = join(work.path, 'study.zip');
    execFileSync(SYSTEM_PYTHON, [
      '-c',
      `import zipfile, os, sys
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, names in os.walk(src):
        for n in names:
            p = os.path.join(root, n); z.write(p, os.path.relpath(p, src))
    z.write(os.path.join('${PYDICOM_TEST_FILES}', 'MR_truncated.dcm'), 'broken/MR_truncated.dcm')`,
      src,
      zip,
    ]);
    const result = await importPaths(b, [zip]);
    expect(result.imported).toBe(5);
    expect(result.skipped).toBe(1);
    expect(result.failed).toEqual([
      {
        path: join(zip, 'broken/MR_truncated.dcm'),
        reason: 'truncated: the pixel data holds 8130 of the 8192 bytes it declares',
      },
    ]);
  });

  it('merges two CDs of one study into one study', async () => {
    const files = cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), join(work.path, 'all'), 8, '3');
    const cd1 = join(work.path, 'cd1');
    const cd2 = join(work.path, 'cd2');
    mkdirSync(cd1);
    mkdirSync(cd2);
    files.forEach((f, i) => renameSync(f, join(i < 4 ? cd1 : cd2, f.split('/').pop()!)));
    await importPaths(b, [cd1]);
    await importPaths(b, [cd2]);
    expect(count('instances')).toBe(8);
    expect(count('studies')).toBe(1);
    expect(count('series')).toBe(1);
  });

  it('links the imported studies to a case and suggests other studies of the same patient', async () => {
    const created = expectOk(
      await b.call('cases.create', { title: 'Revision candidate', patient: { mrn: '1CT1' } }),
    );
    const ct = cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), join(work.path, 'ct'), 2, '4');
    await importPaths(b, [ct[0]!], created.id);
    const studies = expectOk(await b.call('cases.studies', { id: created.id }));
    expect(studies.linked).toHaveLength(1);
    expect(studies.linked[0]!.studies[0]!.series[0]!.instanceCount).toBe(1);
    const trail = expectOk(await b.call('cases.auditTrail', { id: created.id }));
    expect(trail[0]!.action).toBe('case.linkStudies');
    // The original CT_small is another study of patient 1CT1: suggested, not linked.
    await importPaths(b, [join(PYDICOM_TEST_FILES, 'CT_small.dcm')]);
    const after = expectOk(await b.call('cases.studies', { id: created.id }));
    expect(after.suggested.flatMap((p) => p.studies)).toHaveLength(1);
    const suggestedId = after.suggested[0]!.studies[0]!.studyId;
    const linked = expectOk(await b.call('cases.linkStudy', { caseId: created.id, studyId: suggestedId }));
    expect(linked.linked[0]!.studies).toHaveLength(2);
    expect(linked.suggested).toEqual([]);
    const unlinked = expectOk(
      await b.call('cases.unlinkStudy', { caseId: created.id, studyId: suggestedId }),
    );
    expect(unlinked.linked[0]!.studies).toHaveLength(1);
    // Search finds the case by its evaluation's fused levels once the work-up names them.
    expect(expectOk(await b.call('cases.list', { query: 'L5-S1' }))).toEqual([]);
    expectOk(
      await b.call('evaluation.save', {
        caseId: created.id,
        baseVersion: 0,
        document: { schemaVersion: SCHEMA_VERSION, values: { 'history.levelsFused': ['L4-L5', 'L5-S1'] } },
      }),
    );
    expect(expectOk(await b.call('cases.list', { query: 'L5-S1' })).map((c) => c.id)).toEqual([created.id]);
    // Search finds the case by its imaging description.
    const found = expectOk(await b.call('cases.list', { query: 'Revision 1CT1' }));
    expect(found.map((c) => c.id)).toEqual([created.id]);
  });

  it('deleting a case keeps its imaging and records who deleted it', async () => {
    const created = expectOk(await b.call('cases.create', { title: 'To be deleted' }));
    await importPaths(b, [join(PYDICOM_TEST_FILES, 'CT_small.dcm')], created.id);
    expect(expectOk(await b.call('cases.delete', { id: created.id, confirmed: true }))).toBeNull();
    expect(count('cases')).toBe(0);
    expect(count('instances')).toBe(1);
    const audit = b.ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'case.delete'").get() as {
      detail: string;
    };
    expect(JSON.parse(audit.detail)).toMatchObject({ title: 'To be deleted', studiesKeptInLibrary: 1 });
    expect((await b.callRaw('cases.delete', { id: 1 }, 'http')).ok).toBe(false);
  });

  it('fails pathological files with a reason instead of crashing or hanging', async () => {
    const element = (group: number, el: number, vr: string, value: Buffer): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt16LE(group, 0);
      head.writeUInt16LE(el, 2);
      head.write(vr, 4, 'latin1');
      head.writeUInt16LE(value.length, 6);
      return Buffer.concat([head, value]);
    };
    const part10 = (dataset: Buffer): Buffer =>
      Buffer.concat([
        Buffer.alloc(128),
        Buffer.from('DICM'),
        element(2, 0x10, 'UI', Buffer.from('1.2.840.10008.1.2.1\0')),
        dataset,
      ]);
    // 100,000 nested sequences of undefined length, never closed.
    const level = Buffer.from([
      0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff,
      0xff, 0xff,
    ]);
    writeFileSync(
      join(work.path, 'nested.dcm'),
      part10(Buffer.concat(Array.from({ length: 100_000 }, () => level))),
    );
    // SOP Class UID whose declared length runs far past the end of the file.
    const long = Buffer.from([0x08, 0x00, 0x16, 0x00, 0x55, 0x49, 0xf0, 0xff]);
    writeFileSync(join(work.path, 'overlong.dcm'), part10(Buffer.concat([long, Buffer.from('1.2.3')])));
    const result = await importPaths(b, [join(work.path, 'nested.dcm'), join(work.path, 'overlong.dcm')]);
    expect(result.state).toBe('done');
    expect(result.failed.map((f) => f.path.split('/').pop()).sort()).toEqual(['nested.dcm', 'overlong.dcm']);
    const reason = (name: string) => result.failed.find((f) => f.path.endsWith(name))!.reason;
    expect(reason('nested.dcm')).toBe(
      'The DICOM header nests sequences more than 128 levels deep; refused (a possible sequence bomb).',
    );
    expect(reason('overlong.dcm')).toMatch(/^(The DICOM file is truncated|The DICOM header cannot be read)/);
  }, 60_000);

  it('cancels an import cleanly: what was committed stays whole, the rest is not half-written', async () => {
    const files = cloneSeries(join(PYDICOM_TEST_FILES, 'CT_small.dcm'), join(work.path, 'many'), 800, '2');
    const { importId } = expectOk(await b.call('imports.start', { paths: [join(work.path, 'many')] }));
    // Cancel once the import is under way (some files read), whatever the machine's speed.
    await waitFor(async () => expectOk(await b.call('imports.status', { importId })).filesDone > 0);
    expect(expectOk(await b.call('imports.cancel', { importId }))).toBe(true);
    await b.ctx.imports.wait(importId);
    const final = expectOk(await b.call('imports.status', { importId }));
    expect(final.state).toBe('cancelled');
    expect(final.imported).toBeLessThan(files.length);
    expect(count('instances')).toBe(final.imported);
    // Importing again completes the set.
    const again = await importPaths(b, [join(work.path, 'many')]);
    expect(again.imported + again.duplicates).toBe(files.length);
    expect(count('instances')).toBe(files.length);
  });

  it('rebuilds the same index from the store when the database is lost (reindex)', async () => {
    const dataDir = b.dataDir;
    const first = await importPaths(b, [PYDICOM_TEST_FILES]);
    const snapshot = () =>
      b.ctx.db
        .prepare(
          'SELECT sop_instance_uid AS uid, sha256, file_size AS size, rows, frames, warnings FROM instances ORDER BY uid',
        )
        .all();
    const before = snapshot();
    expect(before).toHaveLength(first.imported);
    await b.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(dataDir, `case-review.sqlite${suffix}`), { force: true });
    const dispose = b.dispose;
    const reopened = tempBackendAt(dataDir);
    b = { ...reopened, dataDir, dispose: async () => (await reopened.close(), await dispose()) };
    await signedIn(b);
    const rebuilt = await importPaths(b, [join(dataDir, 'store', 'objects')]);
    expect(rebuilt).toMatchObject({ imported: first.imported, failed: [], conflicts: [] });
    expect(snapshot()).toEqual(before);
  });
});
