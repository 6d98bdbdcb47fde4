import { listDecidedVersions } from '../../db/decisions.ts';
import { findEvaluationVersion } from '../../db/evaluations.ts';
import type { StoredEvaluation } from '../../db/evaluations.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { shiftIsoDate } from '../../shared/deid/dates.ts';
import { deidentifyExportCase } from '../../shared/deid/export-case.ts';
import type { EvaluationDocument } from '../../shared/evaluation/index.ts';
import type { RegistryCaseInput } from '../../shared/evaluation-export/registry.ts';
import { knownIdentifiers } from '../services/bundle/case-content.ts';
import type { BackendContext } from './context.ts';

export interface RegistryReadDeps {
  readonly loadCase: (id: number) => CaseRecord;
  readonly readDocument: (row: StoredEvaluation) => EvaluationDocument;
}

/**
 * The registry export's input: one entry per recorded decision, holding the evaluation version
 * that decision was recorded on (not the current one). De-identified: the MRN becomes a pseudonym
 * per case, and the birth date and decision date move with the document's dates, so ages stay true.
 */
export function readDecidedVersions(
  ctx: BackendContext,
  caseIds: readonly number[] | undefined,
  deidentifyOffset: number | null,
  deps: RegistryReadDeps,
): RegistryCaseInput[] {
  const decided = listDecidedVersions(ctx.db, caseIds);
  const pseudonyms = new Map<number, string>();
  return decided.map((d) => {
    const c = deps.loadCase(d.caseId);
    const row = findEvaluationVersion(ctx.db, d.caseId, d.evaluationVersion);
    if (!row)
      throw new AppError(
        'INTERNAL',
        `Case ${d.caseId}: the evaluation version ${d.evaluationVersion} of decision ${d.decisionId} is missing.`,
      );
    const input: RegistryCaseInput = {
      caseId: c.id,
      title: c.title,
      status: c.status,
      mrn: c.patient?.mrn ?? null,
      patientName: c.patient?.name ?? null,
      patientSex: c.patient?.sex ?? null,
      patientBirthDate: c.patient?.birthDate ?? null,
      version: row.version,
      savedAt: row.savedAt,
      savedBy: { name: row.authorName, discipline: row.authorDiscipline },
      document: deps.readDocument(row),
      decisionId: d.decisionId,
      decidedAt: d.decidedAt,
    };
    if (deidentifyOffset === null) return input;
    const pseudonym = pseudonyms.get(c.id) ?? `DEID-${pseudonyms.size + 1}`;
    pseudonyms.set(c.id, pseudonym);
    const shift = (iso: string | null): string | null =>
      iso === null ? null : shiftIsoDate(iso.slice(0, 10), deidentifyOffset);
    return {
      ...input,
      ...deidentifyExportCase(input, knownIdentifiers(c), pseudonym, deidentifyOffset),
      patientBirthDate: shift(input.patientBirthDate),
      decidedAt: shift(input.decidedAt) ?? '',
      deidentified: true,
    };
  });
}
