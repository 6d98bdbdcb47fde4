import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAudit } from '../../../db/audit.ts';
import { bundleExportByPseudonym } from '../../../db/bundle-exports.ts';
import { linkStudy } from '../../../db/case-studies.ts';
import { refreshCaseSearch } from '../../../db/case-search.ts';
import { insertCase } from '../../../db/cases.ts';
import { upsertPatient } from '../../../db/patients.ts';
import { findRequestByPseudonym, insertRequest } from '../../../db/second-opinion-requests.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { caseDocumentSchema } from '../../../shared/second-opinion/bundle-documents.ts';
import type { CaseDocument } from '../../../shared/second-opinion/bundle-documents.ts';
import { changedFieldIds } from '../../../shared/evaluation-export/index.ts';
import { insertEvaluationVersion } from '../../../db/evaluations.ts';
import type { BackendContext } from '../../backend/context.ts';
import { bundleError } from './bundle-error.ts';
import type { OpenedBundle } from './read-bundle.ts';
import { bundleDocument } from './read-bundle.ts';
import type { RecreatedMeasurements } from './recreate-measurements.ts';
import { recreateMeasurements } from './recreate-measurements.ts';

export interface ImportedCase {
  kind: 'case';
  caseId: number;
  pseudonym: string;
  alreadyImported: boolean;
  instances: number;
  measurements: RecreatedMeasurements;
}

const MAX_TITLE = 200;
/** The author of the sender's measurements on the reviewer's side: the team, never a person. */
export const SENDER_LABEL = 'Sending team';

const senderMeasurements = (
  ctx: BackendContext,
  caseId: number,
  userId: number,
  doc: CaseDocument,
): Promise<RecreatedMeasurements> =>
  recreateMeasurements(ctx, caseId, userId, doc.measurements, {
    origin: 'sender',
    authorLabel: SENDER_LABEL,
    source: `sender:${doc.pseudonym}`,
  });

/**
 * Reviewer side: the bundle's DICOM goes through the app's one import pipeline, then one
 * transaction creates the case (patient = the pseudonymous ID), links its studies and keeps the
 * sender's part read-only. The same bundle twice opens the case already made.
 */
export async function importCaseBundle(
  ctx: BackendContext,
  bundle: OpenedBundle,
  userId: number,
): Promise<ImportedCase> {
  const { doc, sha256 } = bundleDocument(bundle, 'case.json', caseDocumentSchema);
  if (doc.pseudonym !== bundle.manifest.pseudonym)
    throw bundleError('The bundle contradicts its own manifest.');
  const existing = findRequestByPseudonym(ctx.db, doc.pseudonym);
  if (existing)
    return {
      kind: 'case',
      caseId: existing.caseId,
      pseudonym: doc.pseudonym,
      alreadyImported: true,
      instances: doc.instances.length,
      // Completes an import interrupted before its measurements; otherwise adds nothing.
      measurements: await senderMeasurements(ctx, existing.caseId, userId, doc),
    };
  const own = bundleExportByPseudonym(ctx.db, doc.pseudonym);
  if (own)
    throw new AppError(
      'CONFLICT',
      `This bundle was sent from this installation: it is case ${own.caseId} here. Import it on the reviewer's computer.`,
    );
  for (const i of doc.instances)
    if (!bundle.files.has(i.path)) throw bundleError(`The bundle lists ${i.path} but does not hold it.`);

  const staging = join(ctx.info.dataDir, 'incoming-bundles', randomUUID());
  await mkdir(staging, { recursive: true, mode: 0o700 });
  let studyIds: number[] = [];
  if (doc.instances.length) {
    try {
      for (const [n, i] of doc.instances.entries())
        await writeFile(join(staging, `${String(n).padStart(5, '0')}.dcm`), bundle.files.get(i.path)!, {
          mode: 0o600,
        });
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      throw e;
    }
    const importId = ctx.imports.start({
      paths: [staging],
      userId,
      caseId: null,
      cleanup: () => rm(staging, { recursive: true, force: true }),
      pathLabel: () => doc.pseudonym,
    });
    const final = await ctx.imports.wait(importId);
    const stored = final.imported + final.duplicates;
    if (final.state !== 'done' || stored !== doc.instances.length)
      throw new AppError(
        'INVALID_INPUT',
        `Only ${stored} of the bundle's ${doc.instances.length} images could be stored (${final.failed[0]?.reason ?? final.error ?? final.state}). The case was not created.`,
      );
    studyIds = final.studyIds;
  } else await rm(staging, { recursive: true, force: true });

  const { instances: _instances, ...sender } = doc;
  const created = ctx.db
    .transaction((): Omit<ImportedCase, 'measurements'> => {
      const at = ctx.now();
      const patient = upsertPatient(
        ctx.db,
        { mrn: doc.pseudonym, ...(doc.patient.sex ? { sex: doc.patient.sex } : {}) },
        at,
      );
      const title = `Second opinion ${doc.pseudonym}${doc.title ? `: ${doc.title}` : ''}`.slice(0, MAX_TITLE);
      const caseId = insertCase(ctx.db, {
        title,
        clinicalQuestion: doc.clinicalQuestion,
        patientId: patient.id,
        createdBy: userId,
        at,
      });
      for (const studyId of studyIds) linkStudy(ctx.db, caseId, studyId, userId, at);
      // The sender's evaluation opens in the reviewer's editor, read-only but its second-opinion section.
      if (doc.evaluation)
        insertEvaluationVersion(ctx.db, {
          caseId,
          version: 1,
          schemaVersion: doc.evaluation.schemaVersion,
          document: JSON.stringify(doc.evaluation),
          authorId: userId,
          savedAt: at,
          changedFields: changedFieldIds({}, doc.evaluation.values),
        });
      insertRequest(ctx.db, {
        caseId,
        pseudonym: doc.pseudonym,
        bundleSha256: sha256,
        sender: JSON.stringify(sender),
        userId,
        at,
      });
      writeAudit(ctx.db, {
        at,
        userId,
        action: 'secondOpinion.importBundle',
        caseId,
        detail: { pseudonym: doc.pseudonym, instances: doc.instances.length, studyIds },
      });
      refreshCaseSearch(ctx.db, caseId);
      return {
        kind: 'case',
        caseId,
        pseudonym: doc.pseudonym,
        alreadyImported: false,
        instances: doc.instances.length,
      };
    })
    .immediate();
  return { ...created, measurements: await senderMeasurements(ctx, created.caseId, userId, doc) };
}
