import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceUids } from '../../../db/case-instances.ts';
import { openBundle } from '../../../electron/services/bundle/read-bundle.ts';
import { generatePhantom } from '../../../electron/services/phantom/generate-phantom.ts';
import { dateSpellings } from '../../../shared/deid/identifiers.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/index.ts';
import type { ViewState } from '../../../shared/viewer/view-state.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import { identifyingValues, leaks, pydicomElements, secretsIn } from '../../support/deid-scan.ts';
import { importPaths } from '../../support/import.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk, tempBackend, tempDir } from '../../support/temp-backend.ts';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PATIENT = { mrn: 'MRN-771204', name: 'Doe^Jane', birthDate: '1961-03-14', sex: 'F' as const };
const PASSWORD = 'correct horse battery';
const CORPUS = ['CT_small.dcm', 'MR_small.dcm', 'JPEG2000.dcm', 'SC_rgb_rle_2frame.dcm'];

const work = tempDir('scr-bundle-');
let sender: TempBackend;
let reviewer: TempBackend;
let caseId: number;
let sourceFiles: string[];

const view = (instanceId: number | null): ViewState => ({
  display: { kind: 'stack' },
  imageIndex: 0,
  instanceId,
  frame: 0,
  windowCenter: 40,
  windowWidth: 400,
  scale: 1,
  translation: { x: 0, y: 0 },
  rotation: 0,
  hflip: false,
  vflip: false,
  invert: false,
});

async function firstInstance(b: TempBackend, id: number, modality: string) {
  const series = expectOk(await b.call('viewer.caseSeries', { id })).series.find(
    (s) => s.modality === modality,
  )!;
  const geometry = expectOk(await b.call('viewer.seriesInstances', { seriesId: series.seriesId }));
  return { series, geometry };
}

beforeAll(async () => {
  const phantom = await generatePhantom({
    outDir: join(work.path, 'phantom'),
    seed: 3,
    ctSlices: 8,
    ctMatrix: 32,
    include: ['ct', 'dx'],
  });
  const corpus = join(work.path, 'corpus');
  mkdirSync(corpus);
  for (const f of CORPUS) writeFileSync(join(corpus, f), readFileSync(join(PYDICOM_TEST_FILES, f)));
  sourceFiles = [
    ...CORPUS.map((f) => join(corpus, f)),
    ...readdirSync(join(phantom.outDir, 'DICOM'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  ];
  sender = tempBackend();
  reviewer = tempBackend();
  expectOk(await sender.call('session.signIn', { name: 'Dr. Sender', discipline: 'spine-surgery' }));
  expectOk(await reviewer.call('session.signIn', { name: 'Dr. Reviewer', discipline: 'neurosurgery' }));
  caseId = expectOk(
    await sender.call('cases.create', {
      title: 'Doe revision L4-S1',
      clinicalQuestion: 'Jane Doe (MRN-771204): revise?',
      patient: PATIENT,
    }),
  ).id;
  await importPaths(sender, [corpus, join(phantom.outDir, 'DICOM')], caseId);
  expectOk(
    await sender.call('evaluation.save', {
      caseId,
      baseVersion: 0,
      document: {
        schemaVersion: SCHEMA_VERSION,
        values: {
          'decision.rationale': 'Seen by Jane Doe’s GP on 14.03.2025, call 0171 555 0199',
          'decision.date': '2025-11-03',
        },
      },
    }),
  );
  const ct = await firstInstance(sender, caseId, 'CT');
  expectOk(
    await sender.call('viewer.createKeyImage', {
      caseId,
      seriesId: ct.series.seriesId,
      view: view(ct.geometry.instances[0]!.instanceId),
      caption: 'Halo around the S1 screw (Doe)',
      png: PNG,
    }),
  );
}, 120_000);

afterAll(async () => {
  await sender.dispose();
  await reviewer.dispose();
  work.dispose();
});

describe('second-opinion bundle, sender → reviewer → sender', () => {
  let bundlePath: string;
  let replyPath: string;

  it('refuses images that may have burned-in text until the sender confirms', async () => {
    const preview = expectOk(await sender.call('secondOpinion.preview', { caseId }));
    expect(preview.burnedIn.map((b) => b.reason)).toContain('modality OT often has text burned in');
    expect(
      preview.freeTexts.find((t) => t.key === 'evaluation/decision.rationale')!.spans.length,
    ).toBeGreaterThan(2);
    const refused = await sender.call('secondOpinion.exportBundle', {
      caseId,
      keepDates: false,
      cleanDescriptors: true,
      confirmBurnedIn: false,
      outPath: join(work.path, 'refused.scrcase'),
    });
    expect(refused.ok).toBe(false);
    expect(readdirSync(work.path)).not.toContain('refused.scrcase');
  });

  it('writes no identifying value into any DICOM file or document of the bundle (pydicom)', async () => {
    const plain = join(work.path, 'plain.scrcase');
    expectOk(
      await sender.call('secondOpinion.exportBundle', {
        caseId,
        keepDates: false,
        cleanDescriptors: true,
        confirmBurnedIn: true,
        outPath: plain,
      }),
    );
    const opened = await openBundle(readFileSync(plain), undefined);
    const out = join(work.path, 'unpacked');
    mkdirSync(join(out, 'dicom'), { recursive: true });
    for (const [path, bytes] of opened.files) writeFileSync(join(out, path), bytes);
    const dicom = [...opened.files.keys()].filter((p) => p.endsWith('.dcm')).map((p) => join(out, p));
    expect(dicom.length).toBe(sourceFiles.length);
    const before = pydicomElements(sourceFiles);
    const secrets = new Set<string>([PATIENT.mrn, 'Jane', 'Doe', ...dateSpellings(PATIENT.birthDate)]);
    for (const s of identifyingValues([...before.values()].flat(), true)) secrets.add(s);
    const after = pydicomElements(dicom);
    for (const [file, elements] of after) expect(leaks(elements, secrets), file).toEqual([]);
    for (const [path, bytes] of opened.files)
      if (!path.endsWith('.dcm')) expect(secretsIn(bytes.toString('utf8'), secrets), path).toEqual([]);
  });

  it('exports a password-protected bundle; a wrong password or a changed byte imports nothing', async () => {
    bundlePath = join(work.path, 'case.scrcase');
    const result = expectOk(
      await sender.call('secondOpinion.exportBundle', {
        caseId,
        keepDates: true,
        cleanDescriptors: true,
        confirmBurnedIn: true,
        password: PASSWORD,
        outPath: bundlePath,
      }),
    );
    expect(result.pseudonym).toMatch(/^SCR-[0-9A-Z]{10}$/);
    const wrong = await reviewer.call('secondOpinion.importBundle', {
      path: bundlePath,
      password: 'not the password',
    });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/password is wrong/);
    const tampered = readFileSync(bundlePath);
    tampered[tampered.length - 100]! ^= 1;
    writeFileSync(join(work.path, 'tampered.scrcase'), tampered);
    const changed = await reviewer.call('secondOpinion.importBundle', {
      path: join(work.path, 'tampered.scrcase'),
      password: PASSWORD,
    });
    expect(changed.ok).toBe(false);
    expect(expectOk(await reviewer.call('cases.list', {}))).toEqual([]);
    expect(expectOk(await reviewer.call('studies.library', {}))).toEqual([]);
  });

  it('imports as a second-opinion case whose images keep their geometry; twice is once', async () => {
    const imported = expectOk(
      await reviewer.call('secondOpinion.importBundle', { path: bundlePath, password: PASSWORD }),
    );
    expect(imported).toMatchObject({ kind: 'case', alreadyImported: false });
    const again = expectOk(
      await reviewer.call('secondOpinion.importBundle', { path: bundlePath, password: PASSWORD }),
    );
    expect(again).toMatchObject({ kind: 'case', caseId: imported.caseId, alreadyImported: true });
    expect(expectOk(await reviewer.call('cases.list', {}))).toHaveLength(1);
    const theirs = await firstInstance(reviewer, imported.caseId, 'CT');
    const ours = await firstInstance(sender, caseId, 'CT');
    const geometry = (g: typeof ours.geometry) =>
      g.instances.map((i) => [i.rows, i.columns, i.imagePosition, i.imageOrientation, i.pixelSpacing]);
    expect(geometry(theirs.geometry)).toEqual(geometry(ours.geometry));
    const state = expectOk(await reviewer.call('secondOpinion.state', { caseId: imported.caseId }));
    expect(state.role).toBe('reviewer');
    expect(state.request!.sender.patient.sex).toBe('F');
    expect(state.request!.sender.patient.age).toBeGreaterThan(60);
    expect(state.request!.sender.keyImages).toHaveLength(1);
    const rationale = state.request!.sender.evaluation!.values['decision.rationale'] as string;
    expect(rationale).not.toMatch(/Jane|Doe|14\.03\.2025|0171/);
    expect(state.request!.sender.evaluation!.values['decision.date']).not.toBe('2025-11-03');
  });

  it('sends back only the reviewer’s work, merged once into the original case', async () => {
    const reviewCase = expectOk(await reviewer.call('cases.list', {}))[0]!.id;
    const incomplete = await reviewer.call('secondOpinion.exportReply', {
      caseId: reviewCase,
      outPath: join(work.path, 'x.scrcase'),
    });
    expect(incomplete.ok).toBe(false);
    expectOk(
      await reviewer.call('secondOpinion.saveOpinion', {
        caseId: reviewCase,
        opinion: {
          agreement: 'partly',
          recommendation: 'modified',
          rationale: 'Revise L5–S1 only; L3–L4 does not need extension.',
          reviewer: { name: 'Dr. Reviewer', credentials: 'FRCS, University Spine Centre' },
        },
      }),
    );
    const ct = await firstInstance(reviewer, reviewCase, 'CT');
    expectOk(
      await reviewer.call('viewer.createKeyImage', {
        caseId: reviewCase,
        seriesId: ct.series.seriesId,
        view: view(ct.geometry.instances[1]!.instanceId),
        caption: 'Reviewer: lucency 2 mm',
        png: PNG,
      }),
    );
    replyPath = join(work.path, 'reply.scrcase');
    expectOk(await reviewer.call('secondOpinion.exportReply', { caseId: reviewCase, outPath: replyPath }));
    const reply = await openBundle(readFileSync(replyPath), undefined);
    expect([...reply.files.keys()].sort()).toEqual(['manifest.json', 'reply.json']);

    const stranger = tempBackend();
    expectOk(await stranger.call('session.signIn', { name: 'Dr. Other', discipline: 'radiology' }));
    const refused = await stranger.call('secondOpinion.importBundle', { path: replyPath });
    expect(refused.ok ? '' : refused.error.message).toMatch(/not sent from this installation/);
    await stranger.dispose();

    const merged = expectOk(await sender.call('secondOpinion.importBundle', { path: replyPath }));
    expect(merged).toMatchObject({ kind: 'reply', caseId, merged: true });
    const twice = expectOk(await sender.call('secondOpinion.importBundle', { path: replyPath }));
    expect(twice).toMatchObject({ merged: false });
    const state = expectOk(await sender.call('secondOpinion.state', { caseId }));
    expect(state.replies).toHaveLength(1);
    const replied = state.replies[0]!.reply;
    expect(replied.opinion.recommendation).toBe('modified');
    const senderCt = await firstInstance(sender, caseId, 'CT');
    const original = instanceUids(sender.ctx.db, senderCt.geometry.instances[1]!.instanceId)!;
    expect(replied.keyImages[0]).toMatchObject({
      sopInstanceUid: original.sop,
      seriesInstanceUid: original.series,
    });
    const evaluation = expectOk(await sender.call('evaluation.get', { caseId }));
    expect(evaluation.version).toBe(1);
    expect(expectOk(await sender.call('viewer.keyImages', { caseId }))).toHaveLength(1);
    const audit = expectOk(await sender.call('cases.auditTrail', { id: caseId })).map((a) => a.action);
    expect(audit.filter((a) => a === 'secondOpinion.replyMerged')).toHaveLength(1);
    expect(audit).toContain('secondOpinion.exportBundle');
  });
});
