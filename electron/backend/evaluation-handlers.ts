import { writeAudit } from '../../db/audit.ts';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { findCase, findCaseRow, updateCaseRow } from '../../db/cases.ts';
import type { StoredEvaluation } from '../../db/evaluations.ts';
import {
  findEvaluation,
  findEvaluationVersion,
  insertEvaluationVersion,
  listEvaluationVersions,
  listEvaluations,
} from '../../db/evaluations.ts';
import type {
  EvaluationAuthor,
  EvaluationExport,
  EvaluationExportInput,
  EvaluationState,
  EvaluationVersionSummary,
} from '../../shared/contract/evaluation-schemas.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { DISCIPLINE_LABELS } from '../../shared/domain/user.ts';
import {
  applyMigrations,
  computeDerived,
  computeFlags,
  emptyEvaluation,
  evaluationCompleteness,
  migrateEvaluation,
  validateEvaluation,
  EVALUATION_MIGRATIONS,
  SCHEMA_VERSION,
} from '../../shared/evaluation/index.ts';
import type { EvaluationDocument } from '../../shared/evaluation/index.ts';
import { buildExport, changedFieldIds } from '../../shared/evaluation-export/index.ts';
import { registryFiles } from '../../shared/evaluation-export/registry.ts';
import { deidentifyExportCase } from '../../shared/deid/export-case.ts';
import { knownIdentifiers } from '../services/bundle/case-content.ts';
import { newDateOffsetDays } from '../services/bundle/pseudonym.ts';
import type { BackendContext } from './context.ts';
import { requireUser } from './context.ts';
import type { HandlerMap } from './handler.ts';
import { readDecidedVersions } from './registry-export.ts';
import { editableSections, requireEditableFields } from './second-opinion-lock.ts';

const today = (ctx: BackendContext): string => todayIso(new Date(ctx.now()));

function loadCase(ctx: BackendContext, id: number): CaseRecord {
  const found = findCase(ctx.db, id);
  if (!found) throw new AppError('NOT_FOUND', `Case ${id} does not exist.`);
  return found;
}

const authorOf = (row: Pick<StoredEvaluation, 'authorName' | 'authorDiscipline'>): EvaluationAuthor => ({
  name: row.authorName,
  discipline: row.authorDiscipline,
});

const describeAuthor = (a: EvaluationAuthor): string => `${a.name} (${DISCIPLINE_LABELS[a.discipline]})`;

/** A stored document brought to the current form version (stored rows are never rewritten on read). */
function readDocument(row: StoredEvaluation): { document: EvaluationDocument; migrated: readonly string[] } {
  const raw: unknown = JSON.parse(row.document);
  const migrated = migrateEvaluation(raw);
  if (!migrated.ok)
    throw new AppError(
      'INVALID_INPUT',
      `The stored evaluation of case ${row.caseId} (version ${row.version}) cannot be read: ${migrated.error.message}`,
    );
  const steps = applyMigrations(raw, EVALUATION_MIGRATIONS, SCHEMA_VERSION);
  return { document: migrated.value, migrated: steps.ok ? steps.value.applied : [] };
}

function editBlock(status: CaseRecord['status']): string | null {
  if (status === 'decided')
    return 'This case is decided, so its evaluation is read-only. Reopen the case to change it.';
  if (status === 'archived')
    return 'This case is archived, so its evaluation is read-only. Restore it first.';
  return null;
}

/** Patient data leaves the app here: record who exported which cases, in which format. */
function auditExport(
  ctx: BackendContext,
  userId: number,
  at: string,
  input: EvaluationExportInput,
  rows: readonly { caseId: number; version: number }[],
): void {
  ctx.db.transaction(() => {
    for (const c of rows)
      writeAudit(ctx.db, {
        at,
        userId,
        action: 'evaluation.export',
        caseId: c.caseId,
        detail: { format: input.format, version: c.version, deidentified: !!input.deidentified },
      });
  })();
}

/** Registry CSV: one row per decided evaluation version, with its data dictionary. */
function registryExport(ctx: BackendContext, userId: number, input: EvaluationExportInput): EvaluationExport {
  for (const id of input.caseIds ?? []) loadCase(ctx, id);
  const rows = readDecidedVersions(ctx, input.caseIds, input.deidentified ? newDateOffsetDays() : null, {
    loadCase: (id) => loadCase(ctx, id),
    readDocument: (row) => readDocument(row).document,
  });
  const at = ctx.now();
  const files = registryFiles(rows, { today: today(ctx), exportedAt: at });
  auditExport(ctx, userId, at, input, rows);
  return { format: input.format, caseCount: new Set(rows.map((r) => r.caseId)).size, files };
}

function parseIds(json: string): string[] {
  const ids: unknown = JSON.parse(json);
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

export const evaluationHandlers = {
  'evaluation.get': (ctx, input): EvaluationState => {
    const c = loadCase(ctx, input.caseId);
    const row = findEvaluation(ctx.db, input.caseId);
    const { document, migrated } = row ? readDocument(row) : { document: emptyEvaluation(), migrated: [] };
    const day = today(ctx);
    const derived = computeDerived(document.values, { today: day });
    return {
      caseId: c.id,
      caseStatus: c.status,
      readOnly: editBlock(c.status) !== null,
      editableSections: editableSections(ctx.db, c.id),
      document,
      version: row?.version ?? 0,
      savedAt: row?.savedAt ?? null,
      savedBy: row ? authorOf(row) : null,
      derived,
      validation: validateEvaluation(document.values, { today: day }).messages,
      completeness: evaluationCompleteness(document.values, { today: day }),
      flags: computeFlags(document.values, derived, { today: day }),
      migrated,
    };
  },

  'evaluation.save': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const c = findCaseRow(ctx.db, input.caseId);
        if (!c) throw new AppError('NOT_FOUND', `Case ${input.caseId} does not exist.`);
        const blocked = editBlock(c.status);
        if (blocked) throw new AppError('READ_ONLY', blocked);
        const current = findEvaluation(ctx.db, input.caseId);
        const currentVersion = current?.version ?? 0;
        if (input.baseVersion !== currentVersion) {
          const by = current ? describeAuthor(authorOf(current)) : 'someone';
          throw new AppError(
            'CONFLICT',
            `${by} saved a newer version of this evaluation (version ${currentVersion}) after you opened version ${input.baseVersion}. Your changes are kept on this screen but were not saved.`,
          );
        }
        const before = current ? readDocument(current).document.values : {};
        const changed = changedFieldIds(before, input.document.values);
        requireEditableFields(ctx.db, input.caseId, changed);
        if (current && changed.length === 0) {
          return {
            caseId: input.caseId,
            version: current.version,
            savedAt: current.savedAt,
            savedBy: authorOf(current),
            changedFieldIds: [],
          };
        }
        const at = ctx.now();
        const version = currentVersion + 1;
        insertEvaluationVersion(ctx.db, {
          caseId: input.caseId,
          version,
          schemaVersion: input.document.schemaVersion,
          document: JSON.stringify(input.document),
          authorId: user.id,
          savedAt: at,
          changedFields: changed,
        });
        updateCaseRow(ctx.db, input.caseId, {}, at);
        // Field ids only: the audit log never copies clinical values.
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'evaluation.save',
          caseId: input.caseId,
          detail: { version, changed },
        });
        refreshCaseSearch(ctx.db, input.caseId);
        return {
          caseId: input.caseId,
          version,
          savedAt: at,
          savedBy: { name: user.name, discipline: user.discipline },
          changedFieldIds: changed,
        };
      })
      .immediate();
  },

  'evaluation.history': (ctx, input): EvaluationVersionSummary[] => {
    loadCase(ctx, input.caseId);
    return listEvaluationVersions(ctx.db, input.caseId).map((v) => ({
      version: v.version,
      savedAt: v.savedAt,
      author: authorOf(v),
      changedFieldIds: parseIds(v.changedFields),
    }));
  },

  'evaluation.version': (ctx, input) => {
    loadCase(ctx, input.caseId);
    const row = findEvaluationVersion(ctx.db, input.caseId, input.version);
    if (!row)
      throw new AppError('NOT_FOUND', `Case ${input.caseId} has no evaluation version ${input.version}.`);
    return {
      version: row.version,
      savedAt: row.savedAt,
      author: authorOf(row),
      changedFieldIds: parseIds(row.changedFields),
      document: readDocument(row).document,
    };
  },

  'evaluation.reopen': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const c = findCaseRow(ctx.db, input.caseId);
        if (!c) throw new AppError('NOT_FOUND', `Case ${input.caseId} does not exist.`);
        if (c.status !== 'decided')
          throw new AppError('CONFLICT', 'Only a decided case can be reopened; this one is not decided.');
        const at = ctx.now();
        updateCaseRow(ctx.db, input.caseId, { status: input.to }, at);
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'case.reopen',
          caseId: input.caseId,
          detail: { from: 'decided', to: input.to, reason: input.reason },
        });
        return loadCase(ctx, input.caseId);
      })
      .immediate();
  },

  'evaluation.export': (ctx, input) => {
    const user = requireUser(ctx);
    if (input.format === 'registry') return registryExport(ctx, user.id, input);
    const rows = listEvaluations(ctx.db, input.caseIds);
    if (input.caseIds) {
      const missing = input.caseIds.filter((id) => !rows.some((r) => r.caseId === id));
      for (const id of missing) loadCase(ctx, id);
    }
    const offset = newDateOffsetDays();
    const cases = rows.map((row, i) => {
      const c = loadCase(ctx, row.caseId);
      const exported = {
        caseId: c.id,
        title: c.title,
        status: c.status,
        mrn: c.patient?.mrn ?? null,
        patientName: c.patient?.name ?? null,
        version: row.version,
        savedAt: row.savedAt,
        savedBy: authorOf(row),
        document: readDocument(row).document,
      };
      return input.deidentified
        ? deidentifyExportCase(exported, knownIdentifiers(c), `DEID-${i + 1}`, offset)
        : exported;
    });
    const at = ctx.now();
    let files;
    try {
      files = buildExport(input.format, cases, { today: today(ctx), exportedAt: at });
    } catch (e) {
      throw new AppError('INTERNAL', e instanceof Error ? e.message : String(e));
    }
    auditExport(ctx, user.id, at, input, cases);
    return { format: input.format, caseCount: cases.length, files };
  },
} satisfies Partial<HandlerMap>;
