import type { Database } from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import { caseInstanceFiles } from '../../../db/case-instances.ts';
import { findEvaluation } from '../../../db/evaluations.ts';
import { listKeyImages } from '../../../db/key-images.ts';
import type { BurnedInImage } from '../../../shared/contract/second-opinion-schemas.ts';
import type { CaseRecord } from '../../../shared/domain/case.ts';
import type { FreeText } from '../../../shared/deid/evaluation.ts';
import { freeTextsOf } from '../../../shared/deid/evaluation.ts';
import type { KnownIdentifiers } from '../../../shared/deid/identifiers.ts';
import { findIdentifiers } from '../../../shared/deid/identifiers.ts';
import type { EvaluationDocument } from '../../../shared/evaluation/index.ts';
import { migrateEvaluation } from '../../../shared/evaluation/index.ts';
import type { StoreLayout } from '../store/layout.ts';
import { burnedInFromHeader } from '../deid/burned-in.ts';

/** The patient's own identifiers from the case record: what must never leave in a bundle. */
export const knownIdentifiers = (c: CaseRecord): KnownIdentifiers => ({
  names: c.patient?.name ? [c.patient.name] : [],
  ids: c.patient?.mrn ? [c.patient.mrn] : [],
  dates: c.patient?.birthDate ? [c.patient.birthDate] : [],
});

export function currentEvaluation(db: Database, caseId: number): EvaluationDocument | null {
  const row = findEvaluation(db, caseId);
  if (!row) return null;
  const migrated = migrateEvaluation(JSON.parse(row.document) as unknown);
  return migrated.ok ? migrated.value : null;
}

/** Every free text that would travel, with likely identifiers marked, for the sender's review. */
export function caseFreeTexts(db: Database, c: CaseRecord): FreeText[] {
  const known = knownIdentifiers(c);
  const one = (key: string, label: string, text: string): FreeText[] =>
    text.trim() ? [{ key, label, text, spans: findIdentifiers(text, known) }] : [];
  const evaluation = currentEvaluation(db, c.id);
  return [
    ...one('case/title', 'Case title', c.title),
    ...one('case/clinicalQuestion', 'Clinical question', c.clinicalQuestion),
    ...(evaluation ? freeTextsOf(evaluation, known) : []),
    ...listKeyImages(db, c.id).flatMap((k, i) =>
      one(`keyImage/${k.id}/caption`, `Key image ${i + 1} caption`, k.caption),
    ),
  ];
}

/** Images whose pixels may show identifying text (headers only are read). */
export async function burnedInImages(
  db: Database,
  store: StoreLayout,
  caseId: number,
): Promise<BurnedInImage[]> {
  const out: BurnedInImage[] = [];
  for (const f of caseInstanceFiles(db, caseId)) {
    const bytes = await readFile(join(store.root, f.filePath));
    let reason: string | null;
    try {
      reason = burnedInFromHeader(dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' }));
    } catch {
      reason = 'header could not be read';
    }
    if (reason)
      out.push({
        instanceId: f.instanceId,
        series: `${f.modality ?? '?'} ${f.seriesDescription ?? ''}`.trim(),
        instanceNumber: f.instanceNumber,
        reason,
      });
  }
  return out;
}
