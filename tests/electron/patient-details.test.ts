// Creating a case by MRN never overwrites the details of a patient already on record silently:
// imaging-derived name, birth date and sex stay unless the user chooses to replace them (audited).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientDetailDifferences } from '../../shared/domain/patient-details.ts';
import { dicomFile, imagePixelModule, pixelData, text, uid, us } from '../shared/dicom/build-dicom.ts';
import { importPaths, signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../support/temp-backend.ts';

const MRN = 'MRN-DICOM-1';
let b: TempBackend;
let dir: { path: string; dispose: () => void };

/** One CT image naming Jane Doe (female) with no birth date, as many anonymising PACS exports do. */
function writeImage(path: string): void {
  const root = '1.2.826.0.1.3680043.8.498.77';
  writeFileSync(
    path,
    dicomFile('1.2.840.10008.1.2.1', [
      { tag: 0x00080016, vr: 'UI', value: uid('1.2.840.10008.5.1.4.1.1.2') },
      { tag: 0x00080018, vr: 'UI', value: uid(`${root}.3`) },
      { tag: 0x00080060, vr: 'CS', value: text('CT') },
      { tag: 0x00100010, vr: 'PN', value: text('DOE^JANE') },
      { tag: 0x00100020, vr: 'LO', value: text(MRN) },
      { tag: 0x00100040, vr: 'CS', value: text('F') },
      { tag: 0x0020000d, vr: 'UI', value: uid(`${root}.1`) },
      { tag: 0x0020000e, vr: 'UI', value: uid(`${root}.2`) },
      ...imagePixelModule({ rows: 1, columns: 2, bitsAllocated: 16 }),
      pixelData(us(7, 9)),
    ]),
  );
}

const patientRow = () =>
  b.ctx.db.prepare('SELECT name, birth_date AS birthDate, sex FROM patients WHERE mrn = ?').get(MRN);
const auditOf = (caseId: number) =>
  (
    b.ctx.db.prepare('SELECT action, detail FROM audit_log WHERE case_id = ? ORDER BY id').all(caseId) as {
      action: string;
      detail: string;
    }[]
  ).map((r) => ({ action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));

beforeEach(async () => {
  b = tempBackend();
  dir = tempDir();
  await signedIn(b);
  const file = join(dir.path, 'IM0.dcm');
  writeImage(file);
  const progress = await importPaths(b, [file]);
  expect(progress.failed).toEqual([]);
  expect(patientRow()).toEqual({ name: 'DOE^JANE', birthDate: null, sex: 'F' });
});

afterEach(async () => {
  await b.dispose();
  dir.dispose();
});

describe('a new case for a patient imported from DICOM', () => {
  it('is refused, not silently applied, when the typed details differ or fill a gap', async () => {
    for (const patient of [
      { mrn: MRN, birthDate: '1961-04-12' },
      { mrn: MRN, name: 'DOE^JOAN' },
      { mrn: MRN, name: 'DOE^JANE', sex: 'M' as const },
    ]) {
      const r = await b.call('cases.create', { title: 'Pseudarthrosis L5–S1', patient });
      expect(r).toMatchObject({ ok: false, error: { code: 'PATIENT_DETAILS_DIFFER' } });
      if (!r.ok) expect(r.error.message).toMatch(/already on record from imported imaging/);
    }
    expect(patientRow()).toEqual({ name: 'DOE^JANE', birthDate: null, sex: 'F' });
    expect(expectOk(await b.call('cases.list', {}))).toEqual([]);
  });

  it('shows the recorded patient and where the details came from', async () => {
    expect(expectOk(await b.call('patients.lookup', { mrn: ` ${MRN} ` }))).toMatchObject({
      mrn: MRN,
      name: 'DOE^JANE',
      birthDate: null,
      sex: 'F',
      fromImaging: true,
    });
    expect(expectOk(await b.call('patients.lookup', { mrn: 'NOBODY' }))).toBeNull();
  });

  it('keeps the imaging details when asked to, and records that it did', async () => {
    const c = expectOk(
      await b.call('cases.create', {
        title: 'Pseudarthrosis L5–S1',
        patient: { mrn: MRN, birthDate: '1961-04-12' },
        patientDetails: 'keep-recorded',
      }),
    );
    expect(c.patient).toMatchObject({ mrn: MRN, name: 'DOE^JANE', birthDate: null, sex: 'F' });
    expect(patientRow()).toEqual({ name: 'DOE^JANE', birthDate: null, sex: 'F' });
    expect(auditOf(c.id)).toEqual([
      {
        action: 'case.create',
        detail: { title: 'Pseudarthrosis L5–S1', patientDetailsKept: ['birthDate'], recordedFrom: 'imaging' },
      },
    ]);
  });

  it('replaces them when the user chooses, with an audit row naming the fields but not the values', async () => {
    const c = expectOk(
      await b.call('cases.create', {
        title: 'Pseudarthrosis L5–S1',
        patient: { mrn: MRN, name: 'DOE^JANE', birthDate: '1961-04-12' },
        patientDetails: 'use-entered',
      }),
    );
    expect(c.patient).toMatchObject({ name: 'DOE^JANE', birthDate: '1961-04-12', sex: 'F' });
    const audit = auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'patient.update']);
    expect(audit[1]!.detail).toEqual({
      patientId: c.patient!.id,
      fields: ['birthDate'],
      recordedFrom: 'imaging',
    });
    expect(JSON.stringify(audit)).not.toMatch(/1961|DOE/);
  });

  it('asks nothing when the typed details match the record or only the MRN is given', async () => {
    for (const patient of [{ mrn: MRN }, { mrn: MRN, name: 'DOE^JANE', sex: 'F' as const }]) {
      const c = expectOk(await b.call('cases.create', { title: 'Adjacent segment', patient }));
      expect(c.patient).toMatchObject({ name: 'DOE^JANE', birthDate: null, sex: 'F' });
    }
    const fresh = expectOk(
      await b.call('cases.create', {
        title: 'New patient',
        patient: { mrn: 'NEW-1', birthDate: '1950-01-02' },
      }),
    );
    expect(fresh.patient).toMatchObject({ mrn: 'NEW-1', birthDate: '1950-01-02' });
  });
});

describe('patient detail differences', () => {
  const recorded = { name: 'DOE^JANE', birthDate: null, sex: 'F' as const };
  it('lists typed details that differ from or fill the record, and ignores empty ones', () => {
    expect(patientDetailDifferences(recorded, { mrn: 'X', birthDate: '1961-04-12', sex: 'F' })).toEqual([
      { field: 'birthDate', recorded: null, entered: '1961-04-12' },
    ]);
    expect(patientDetailDifferences(recorded, { mrn: 'X', name: 'Doe^Jane', sex: 'M' })).toEqual([
      { field: 'name', recorded: 'DOE^JANE', entered: 'Doe^Jane' },
      { field: 'sex', recorded: 'F', entered: 'M' },
    ]);
    expect(patientDetailDifferences(recorded, { mrn: 'X', name: '  ' })).toEqual([]);
  });
});
