import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAudit } from '../../../db/audit.ts';
import { insertBundleExport } from '../../../db/bundle-exports.ts';
import { caseInstanceFiles, instanceUids, seriesUid } from '../../../db/case-instances.ts';
import { findCase } from '../../../db/cases.ts';
import { keyImagePng, listKeyImages } from '../../../db/key-images.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { DeidOptions } from '../../../shared/deid/actions.ts';
import { ageInYears, shiftIsoDate } from '../../../shared/deid/dates.ts';
import { deidentifyEvaluation } from '../../../shared/deid/evaluation.ts';
import { redactIdentifiers } from '../../../shared/deid/identifiers.ts';
import { methodCodes } from '../../../shared/deid/method-codes.ts';
import { todayIso } from '../../../shared/domain/dates.ts';
import type {
  BundleKeyImage,
  BundleMeasurement,
  CaseDocument,
} from '../../../shared/second-opinion/bundle-documents.ts';
import type { BackendContext } from '../../backend/context.ts';
import { deidentifyFile } from '../deid/deidentify-file.ts';
import { UidMap } from '../deid/uid-map.ts';
import type { BundleEntry } from './bundle-zip.ts';
import { caseMeasurements } from './case-measurements.ts';
import { currentEvaluation, knownIdentifiers } from './case-content.ts';
import { newDateOffsetDays, newPseudonym } from './pseudonym.ts';
import type { WrittenBundle } from './write-bundle-file.ts';
import { writeBundleFile } from './write-bundle-file.ts';

export interface ExportCaseRequest {
  caseId: number;
  userId: number;
  /** Retain Longitudinal Temporal Information with Modified Dates; otherwise DICOM dates are removed. */
  keepDates: boolean;
  cleanDescriptors: boolean;
  confirmBurnedIn: boolean;
  password?: string;
  /** Free texts as the sender reviewed them, by key (case/title, evaluation/…, keyImage/…/caption). */
  reviewed: Readonly<Record<string, string>>;
  outPath?: string;
}

export interface ExportedCase extends WrittenBundle {
  pseudonym: string;
  instanceCount: number;
  burnedInCount: number;
}

const PNG_PREFIX = 'data:image/png;base64,';

/** Builds, writes and records a de-identified case bundle; refuses burned-in images unconfirmed. */
export async function exportCaseBundle(ctx: BackendContext, req: ExportCaseRequest): Promise<ExportedCase> {
  const c = findCase(ctx.db, req.caseId);
  if (!c) throw new AppError('NOT_FOUND', `Case ${req.caseId} does not exist.`);
  const options: DeidOptions = {
    retainPatientCharacteristics: true,
    modifiedDates: req.keepDates,
    cleanDescriptors: req.cleanDescriptors,
  };
  const pseudonym = newPseudonym();
  const dateOffsetDays = newDateOffsetDays();
  const known = knownIdentifiers(c);
  const uids = new UidMap();
  const entries: BundleEntry[] = [];
  const instances: CaseDocument['instances'] = [];
  const burnedIn: string[] = [];
  const files = caseInstanceFiles(ctx.db, c.id);
  for (const [i, f] of files.entries()) {
    const bytes = new Uint8Array(await readFile(join(ctx.store.root, f.filePath)));
    let out;
    try {
      out = deidentifyFile(bytes, { options, uids, dateOffsetDays, pseudonym, known });
    } catch (e) {
      throw new AppError(
        'INVALID_INPUT',
        `Image ${f.instanceNumber ?? f.instanceId} of series ${f.seriesDescription ?? f.seriesId} cannot be de-identified (${e instanceof Error ? e.message : String(e)}). Nothing was exported.`,
      );
    }
    if (out.burnedIn)
      burnedIn.push(
        `${f.modality ?? '?'} ${f.seriesDescription ?? ''} #${f.instanceNumber ?? '?'}: ${out.burnedIn}`,
      );
    const path = `dicom/${String(i + 1).padStart(5, '0')}.dcm`;
    entries.push({ path, bytes: Buffer.from(out.bytes) });
    instances.push({ path, sopInstanceUid: out.sopInstanceUid });
  }
  if (burnedIn.length && !req.confirmBurnedIn)
    throw new AppError(
      'INVALID_INPUT',
      `${burnedIn.length} image(s) may show the patient's name or other text in the pixels, which de-identification cannot remove. Check them and confirm to send: ${burnedIn.slice(0, 10).join('; ')}${burnedIn.length > 10 ? '; …' : ''}`,
    );
  const clean = (key: string, text: string): string => req.reviewed[key] ?? redactIdentifiers(text, known);
  const keyImages: BundleKeyImage[] = listKeyImages(ctx.db, c.id).map((k) => {
    const ref = k.instanceId === null ? null : instanceUids(ctx.db, k.instanceId);
    const png = keyImagePng(ctx.db, k.id);
    return {
      sopInstanceUid: ref ? uids.replace(ref.sop) : null,
      seriesInstanceUid: uids.replace(ref?.series ?? seriesUid(ctx.db, k.seriesId) ?? ''),
      frame: k.frame,
      caption: clean(`keyImage/${k.id}/caption`, k.caption),
      view: { ...k.view, instanceId: null },
      png: png ? `${PNG_PREFIX}${png.toString('base64')}` : null,
      author: '',
    };
  });
  const measurements: BundleMeasurement[] = caseMeasurements(ctx.db, c.id).flatMap((m) => {
    const ref = instanceUids(ctx.db, m.instanceId);
    return ref
      ? [
          {
            ...m,
            sopInstanceUid: uids.replace(ref.sop),
            label: redactIdentifiers(m.label, known),
            text: m.text === null ? null : redactIdentifiers(m.text, known),
            author: '',
          },
        ]
      : [];
  });
  const today = todayIso(new Date(ctx.now()));
  const evaluation = currentEvaluation(ctx.db, c.id);
  const doc: CaseDocument = {
    kind: 'case',
    pseudonym,
    title: clean('case/title', c.title),
    clinicalQuestion: clean('case/clinicalQuestion', c.clinicalQuestion),
    patient: {
      sex: c.patient?.sex ?? null,
      age: c.patient?.birthDate ? ageInYears(c.patient.birthDate, today) : null,
    },
    referenceDate: shiftIsoDate(today, dateOffsetDays) ?? today,
    evaluation: evaluation
      ? deidentifyEvaluation(evaluation, { dateOffsetDays, known, reviewed: req.reviewed })
      : null,
    keyImages,
    measurements,
    deidentification: {
      methodCodes: methodCodes(options).map((m) => m.value),
      dates: options.modifiedDates ? 'shifted' : 'removed',
      burnedInConfirmed: burnedIn.length ? instances.map((i) => i.sopInstanceUid) : [],
    },
    instances,
  };
  entries.unshift({ path: 'case.json', bytes: Buffer.from(JSON.stringify(doc, null, 2)) });
  const at = ctx.now();
  const written = await writeBundleFile(
    entries,
    { kind: 'case', pseudonym, createdAt: at },
    { dataDir: ctx.info.dataDir, ...(req.outPath ? { outPath: req.outPath } : {}) },
    req.password,
  );
  ctx.db
    .transaction(() => {
      insertBundleExport(
        ctx.db,
        {
          caseId: c.id,
          pseudonym,
          options: { ...options, burnedInConfirmed: burnedIn.length },
          instanceCount: instances.length,
          sha256: written.sha256,
          encrypted: !!req.password,
          userId: req.userId,
          at,
        },
        uids.entries(),
      );
      // Patient data leaves the app here (de-identified): who sent what, never the file's path.
      writeAudit(ctx.db, {
        at,
        userId: req.userId,
        action: 'secondOpinion.exportBundle',
        caseId: c.id,
        detail: {
          pseudonym,
          instances: instances.length,
          encrypted: !!req.password,
          dates: doc.deidentification.dates,
          burnedIn: burnedIn.length,
        },
      });
    })
    .immediate();
  return { ...written, pseudonym, instanceCount: instances.length, burnedInCount: burnedIn.length };
}
