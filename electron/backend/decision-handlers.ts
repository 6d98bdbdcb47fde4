import { hasAgendaCase } from '../../db/agenda-items.ts';
import { writeAudit } from '../../db/audit.ts';
import { refreshCaseSearch } from '../../db/case-search.ts';
import { findCaseRow, updateCaseRow } from '../../db/cases.ts';
import { currentDecision, decisionHistory, insertDecision } from '../../db/decisions.ts';
import { insertEvaluationVersion } from '../../db/evaluations.ts';
import { AppError } from '../../shared/contract/result.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { evaluationCompleteness, SCHEMA_VERSION } from '../../shared/evaluation/index.ts';
import { DECISION_SECTION_ID } from '../../shared/evaluation/sections/decision.ts';
import { changedFieldIds } from '../../shared/evaluation-export/index.ts';
import { caseOrThrow, evaluationValues } from '../services/reports/report-context.ts';
import { conferenceOrThrow } from './conference-handlers.ts';
import { requireUser } from './context.ts';
import { decisionFieldValues } from './decision-values.ts';
import type { HandlerMap } from './handler.ts';

/**
 * Recording a decision is one transaction: a new evaluation version holding the decision section
 * (the form shows it), the decision row with the votes, the case marked decided (read-only until
 * reopened with a reason), and an audit row naming who recorded which recommendation.
 */
export const decisionHandlers = {
  'decision.record': (ctx, input) => {
    const user = requireUser(ctx);
    return ctx.db
      .transaction(() => {
        const c = findCaseRow(ctx.db, input.caseId);
        if (!c) throw new AppError('NOT_FOUND', `Case ${input.caseId} does not exist.`);
        if (c.status === 'decided')
          throw new AppError(
            'READ_ONLY',
            'This case is already decided. Reopen it (with a reason) to record a new decision.',
          );
        if (c.status === 'archived')
          throw new AppError('READ_ONLY', 'This case is archived. Restore it first.');
        if (input.conferenceId !== undefined) {
          conferenceOrThrow(ctx, input.conferenceId);
          if (!hasAgendaCase(ctx.db, input.conferenceId, input.caseId))
            throw new AppError('CONFLICT', `Case ${input.caseId} is not on the agenda of this conference.`);
        }
        const at = ctx.now();
        const today = todayIso(new Date(at));
        const { values, version } = evaluationValues(ctx.db, input.caseId);
        const next = { ...values, ...decisionFieldValues(input, today) };
        const missing = evaluationCompleteness(next, { today, stage: 'record' }).missing.filter(
          (m) => m.sectionId === DECISION_SECTION_ID,
        );
        if (missing.length > 0)
          throw new AppError(
            'INVALID_INPUT',
            `The decision needs: ${missing.map((m) => `${m.label} (${m.detail.toLowerCase()})`).join('; ')}.`,
          );
        const changed = changedFieldIds(values, next);
        insertEvaluationVersion(ctx.db, {
          caseId: input.caseId,
          version: version + 1,
          schemaVersion: SCHEMA_VERSION,
          document: JSON.stringify({ schemaVersion: SCHEMA_VERSION, values: next }),
          authorId: user.id,
          savedAt: at,
          changedFields: changed,
        });
        const previous = currentDecision(ctx.db, input.caseId);
        const id = insertDecision(ctx.db, {
          ...input,
          conferenceId: input.conferenceId ?? null,
          evaluationVersion: version + 1,
          decidedBy: user.id,
          decidedAt: at,
        });
        updateCaseRow(ctx.db, input.caseId, { status: 'decided' }, at);
        // Codes and counts only: names and notes stay in the decision row, not the log.
        writeAudit(ctx.db, {
          at,
          userId: user.id,
          action: 'decision.record',
          caseId: input.caseId,
          detail: {
            decisionId: id,
            recommendation: input.recommendation,
            previousDecisionId: previous?.id ?? null,
            previousRecommendation: previous?.recommendation ?? null,
            conferenceId: input.conferenceId ?? null,
            dissents: input.votes.filter((v) => v.vote === 'dissent').length,
            evaluationVersion: version + 1,
            changed,
          },
        });
        refreshCaseSearch(ctx.db, input.caseId);
        const recorded = currentDecision(ctx.db, input.caseId);
        if (!recorded) throw new Error('decision row missing after insert');
        return recorded;
      })
      .immediate();
  },
  'decision.current': (ctx, input) => {
    caseOrThrow(ctx.db, input.caseId);
    return currentDecision(ctx.db, input.caseId);
  },
  'decision.history': (ctx, input) => {
    caseOrThrow(ctx.db, input.caseId);
    return decisionHistory(ctx.db, input.caseId);
  },
} satisfies Partial<HandlerMap>;
