import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceUids } from '../../../db/case-instances.ts';
import { openBundle } from '../../../electron/services/bundle/read-bundle.ts';
import { generatePhantom } from '../../../electron/services/phantom/generate-phantom.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/index.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import type { CaseDocument, ReplyDocument } from '../../../shared/second-opinion/bundle-documents.ts';
import { importPaths } from '../../support/import.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../../support/temp-backend.ts';

const PATIENT = { mrn: 'MRN-552001', name: 'Roe^Richard', birthDate: '1958-07-02', sex: 'M' as const };
const OPINION = {
  agreement: 'partly',
  recommendation: 'modified',
  rationale: 'Revise L5–S1 only.',
  reviewer: { name: 'Dr. Reviewer', credentials: 'FRCS, University Spine Centre' },
};

const work = tempDir('scr-bundle-measure-');
let sender: TempBackend;
let reviewer: TempBackend;
let caseId: number;
let reviewCase: number;
let phantomDir: string;

async function instancesOf(b: TempBackend, id: number, modality: string) {
  const series = expectOk(await b.call('viewer.caseSeries', { id })).series.find(
    (s) => s.modality === modality,
  )!;
  return expectOk(await b.call('viewer.seriesInstances', { seriesId: series.seriesId })).instances;
}

const listed = async (b: TempBackend, id: number): Promise<Measurement[]> =>
  expectOk(await b.call('measurements.list', { caseId: id })).measurements;

const sop = (b: TempBackend, instanceId: number): string => instanceUids(b.ctx.db, instanceId)!.sop;

function errorOf(r: { ok: boolean; error?: { code: string; message: string } }) {
  expect(r.ok).toBe(false);
  return r.error!;
}

beforeAll(async () => {
  const phantom = await generatePhantom({
    outDir: join(work.path, 'phantom'),
    seed: 5,
    ctSlices: 6,
    ctMatrix: 32,
    include: ['ct', 'dx'],
  });
  phantomDir = join(phantom.outDir, 'DICOM');
  sender = tempBackend();
  reviewer = tempBackend();
  expectOk(await sender.call('session.signIn', { name: 'Dr. Sender', discipline: 'spine-surgery' }));
  expectOk(await reviewer.call('session.signIn', { name: 'Dr. Reviewer', discipline: 'neurosurgery' }));
  caseId = expectOk(
    await sender.call('cases.create', {
      title: 'Roe revision',
      clinicalQuestion: 'Revise?',
      patient: PATIENT,
    }),
  ).id;
  await importPaths(sender, [phantomDir], caseId);
  expectOk(
    await sender.call('evaluation.save', {
      caseId,
      baseVersion: 0,
      document: { schemaVersion: SCHEMA_VERSION, values: { 'decision.rationale': 'Halo around S1 screws.' } },
    }),
  );
  const ct = await instancesOf(sender, caseId, 'CT');
  const dx = await instancesOf(sender, caseId, 'DX');
  const base = { caseId, frame: 0 };
  expectOk(
    await sender.call('measurements.create', {
      ...base,
      instanceId: ct[2]!.instanceId,
      tool: 'length',
      points: [
        [4, 5],
        [20, 27],
      ],
      level: 'L4-L5',
      label: 'Gap',
    }),
  );
  expectOk(
    await sender.call('measurements.create', {
      ...base,
      instanceId: dx[0]!.instanceId,
      tool: 'angle',
      points: [
        [10, 40],
        [30, 30],
        [60, 45],
      ],
    }),
  );
  expectOk(
    await sender.call('measurements.create', {
      ...base,
      instanceId: ct[1]!.instanceId,
      tool: 'halo',
      points: [
        [12, 12],
        [14, 15],
      ],
      screw: { vertebra: 'S1', side: 'left' },
    }),
  );
  expectOk(
    await sender.call('measurements.create', {
      ...base,
      instanceId: dx[0]!.instanceId,
      tool: 'text',
      points: [[20, 20]],
      text: 'Loose screw?',
    }),
  );
}, 120_000);

afterAll(async () => {
  await sender.dispose();
  await reviewer.dispose();
  work.dispose();
});

describe('second-opinion measurements, drawn on both sides', () => {
  let bundlePath: string;
  let senderMeasurements: Measurement[];

  it('the reviewer’s copy shows the sender’s measurements on the same images with the same values', async () => {
    bundlePath = join(work.path, 'case.scrcase');
    expectOk(
      await sender.call('secondOpinion.exportBundle', {
        caseId,
        keepDates: false,
        cleanDescriptors: true,
        confirmBurnedIn: true,
        outPath: bundlePath,
      }),
    );
    const imported = expectOk(await reviewer.call('secondOpinion.importBundle', { path: bundlePath }));
    expect(imported.kind).toBe('case');
    expect(imported.measurements).toEqual({ created: 4, existing: 0, skipped: [] });
    reviewCase = imported.caseId;

    senderMeasurements = await listed(sender, caseId);
    const theirs = await listed(reviewer, reviewCase);
    expect(theirs).toHaveLength(senderMeasurements.length);
    const senderCt = await instancesOf(sender, caseId, 'CT');
    const reviewerCt = await instancesOf(reviewer, reviewCase, 'CT');
    const senderDx = await instancesOf(sender, caseId, 'DX');
    const reviewerDx = await instancesOf(reviewer, reviewCase, 'DX');
    const counterpart = new Map([
      ...senderCt.map((s, i) => [s.instanceId, reviewerCt[i]!.instanceId] as const),
      ...senderDx.map((s, i) => [s.instanceId, reviewerDx[i]!.instanceId] as const),
    ]);
    for (const [i, ours] of senderMeasurements.entries()) {
      const copy = theirs[i]!;
      expect(copy).toMatchObject({
        tool: ours.tool,
        frame: ours.frame,
        points: ours.points,
        label: ours.label,
        text: ours.text,
        level: ours.level,
        screw: ours.screw,
        unit: ours.unit,
        origin: 'sender',
        createdBy: 'Sending team',
      });
      // The same image: the one at the same place in the same series, with the same geometry.
      expect(copy.instanceId).toBe(counterpart.get(ours.instanceId));
      if (ours.value === null) expect(copy.value).toBeNull();
      else expect(copy.value).toBeCloseTo(ours.value, 2);
    }
    const doc = (await openBundle(readFileSync(bundlePath), undefined)).files.get('case.json')!;
    const sent = JSON.parse(doc.toString('utf8')) as CaseDocument;
    expect(sent.measurements.map((m) => m.sopInstanceUid)).toEqual(
      theirs.map((m) => sop(reviewer, m.instanceId)),
    );
  });

  it('importing the same bundle again adds no measurement', async () => {
    const again = expectOk(await reviewer.call('secondOpinion.importBundle', { path: bundlePath }));
    expect(again).toMatchObject({ alreadyImported: true, measurements: { created: 0, existing: 4 } });
    expect(await listed(reviewer, reviewCase)).toHaveLength(4);
  });

  it('keeps the sender’s part read-only for the reviewer; the reviewer adds their own', async () => {
    const [first] = await listed(reviewer, reviewCase);
    const edit = await reviewer.call('measurements.update', { id: first!.id, label: 'mine now' });
    expect(errorOf(edit).code).toBe('READ_ONLY');
    expect(errorOf(edit).message).toMatch(/sending team/);
    expect(errorOf(await reviewer.call('measurements.delete', { id: first!.id })).code).toBe('READ_ONLY');

    const studies = expectOk(await reviewer.call('cases.studies', { id: reviewCase }));
    const studyId = studies.linked[0]!.studies[0]!.studyId;
    const unlink = errorOf(await reviewer.call('cases.unlinkStudy', { caseId: reviewCase, studyId }));
    expect(unlink.code).toBe('READ_ONLY');
    expect(unlink.message).toMatch(/imaging is the sender's/);
    expect(errorOf(await reviewer.call('cases.linkStudy', { caseId: reviewCase, studyId })).code).toBe(
      'READ_ONLY',
    );
    expect(
      errorOf(await reviewer.call('imports.start', { paths: [phantomDir], caseId: reviewCase })).code,
    ).toBe('READ_ONLY');
    expect(errorOf(await reviewer.call('cases.update', { id: reviewCase, title: 'Renamed' })).code).toBe(
      'READ_ONLY',
    );
    expect(
      errorOf(await reviewer.call('cases.update', { id: reviewCase, patient: { mrn: 'X1' } })).code,
    ).toBe('READ_ONLY');
    expect(expectOk(await reviewer.call('cases.studies', { id: reviewCase })).linked).toEqual(studies.linked);

    const evaluation = expectOk(await reviewer.call('evaluation.get', { caseId: reviewCase }));
    expect(evaluation.editableSections).toEqual(['secondOpinion']);
    expect(evaluation.version).toBe(1);
    expect(evaluation.document.values['decision.rationale']).toBe('Halo around S1 screws.');
    const values = evaluation.document.values;
    const locked = await reviewer.call('evaluation.save', {
      caseId: reviewCase,
      baseVersion: 1,
      document: { schemaVersion: SCHEMA_VERSION, values: { ...values, 'decision.rationale': 'Changed' } },
    });
    expect(errorOf(locked).code).toBe('READ_ONLY');
    expect(errorOf(locked).message).toMatch(/decision\.rationale/);
    expectOk(
      await reviewer.call('evaluation.save', {
        caseId: reviewCase,
        baseVersion: 1,
        document: {
          schemaVersion: SCHEMA_VERSION,
          values: { ...values, 'secondOpinion.status': 'received' },
        },
      }),
    );

    const ct = await instancesOf(reviewer, reviewCase, 'CT');
    const own = expectOk(
      await reviewer.call('measurements.create', {
        caseId: reviewCase,
        instanceId: ct[3]!.instanceId,
        tool: 'length',
        points: [
          [2, 2],
          [22, 2],
        ],
        label: 'Reviewer gap',
      }),
    ).measurements.at(-1)!;
    expect(own).toMatchObject({ origin: 'own', createdBy: 'Dr. Reviewer' });
    expectOk(await reviewer.call('measurements.update', { id: own.id, label: 'Reviewer: gap' }));
    expect(expectOk(await sender.call('evaluation.get', { caseId })).editableSections).toBeNull();
  });

  it('the reply carries only the reviewer’s measurements, drawn on the sender’s images once', async () => {
    expectOk(await reviewer.call('secondOpinion.saveOpinion', { caseId: reviewCase, opinion: OPINION }));
    const replyPath = join(work.path, 'reply.scrcase');
    expectOk(await reviewer.call('secondOpinion.exportReply', { caseId: reviewCase, outPath: replyPath }));
    const replyDoc = JSON.parse(
      (await openBundle(readFileSync(replyPath), undefined)).files.get('reply.json')!.toString('utf8'),
    ) as ReplyDocument;
    expect(replyDoc.measurements.map((m) => m.label)).toEqual(['Reviewer: gap']);

    const merged = expectOk(await sender.call('secondOpinion.importBundle', { path: replyPath }));
    expect(merged).toMatchObject({ kind: 'reply', merged: true, measurements: { created: 1, skipped: [] } });
    const after = await listed(sender, caseId);
    expect(after.slice(0, 4)).toEqual(senderMeasurements);
    const second = after[4]!;
    const reviewerOwn = (await listed(reviewer, reviewCase)).find((m) => m.origin === 'own')!;
    const senderCt = await instancesOf(sender, caseId, 'CT');
    expect(second).toMatchObject({
      origin: 'secondOpinion',
      createdBy: 'Dr. Reviewer (FRCS, University Spine Centre)',
      instanceId: senderCt[3]!.instanceId,
      points: reviewerOwn.points,
      unit: 'mm',
    });
    expect(second.value).toBeCloseTo(reviewerOwn.value!, 2);
    expect(errorOf(await sender.call('measurements.update', { id: second.id, label: 'x' })).message).toMatch(
      /second opinion of Dr\. Reviewer/,
    );
    expect(errorOf(await sender.call('measurements.delete', { id: second.id })).code).toBe('READ_ONLY');
    // The CSV export says whose each row is, beside the author label (the author may hold a quoted comma,
    // so the origin is read counting from the row's end: origin, created_at, updated_at).
    const csvRows = expectOk(await sender.call('measurements.export', { caseId, format: 'csv' }))
      .content.trim()
      .split('\r\n')
      .map((row) => row.split(','));
    const originOf = (row: string[]) => row[row.length - 3];
    expect(csvRows[0]!.slice(-4)).toEqual(['author', 'origin', 'created_at', 'updated_at']);
    expect(originOf(csvRows.find((r) => r[0] === String(second.id))!)).toBe('second-opinion');
    expect(originOf(csvRows.find((r) => r[0] === String(after[0]!.id))!)).toBe('this-team');
    expect(csvRows.every((r) => r.length >= csvRows[0]!.length)).toBe(true);

    const twice = expectOk(await sender.call('secondOpinion.importBundle', { path: replyPath }));
    expect(twice).toMatchObject({ merged: false, measurements: { created: 0, existing: 1 } });
    // The same work exported again (a new reply file) adds no copy of it either.
    const againPath = join(work.path, 'reply-again.scrcase');
    expectOk(await reviewer.call('secondOpinion.exportReply', { caseId: reviewCase, outPath: againPath }));
    const again = expectOk(await sender.call('secondOpinion.importBundle', { path: againPath }));
    expect(again).toMatchObject({ merged: true, measurements: { created: 0, existing: 1 } });
    expect(await listed(sender, caseId)).toHaveLength(5);

    // A new bundle of the case carries the sender's own measurements, not the reviewer's.
    const next = join(work.path, 'next.scrcase');
    expectOk(
      await sender.call('secondOpinion.exportBundle', {
        caseId,
        keepDates: false,
        cleanDescriptors: true,
        confirmBurnedIn: true,
        outPath: next,
      }),
    );
    const nextDoc = JSON.parse(
      (await openBundle(readFileSync(next), undefined)).files.get('case.json')!.toString('utf8'),
    ) as CaseDocument;
    expect(nextDoc.measurements).toHaveLength(4);
  });
});
