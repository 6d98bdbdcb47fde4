import { randomUUID } from 'node:crypto';
import type { RecordDecisionInput } from '../../shared/contract/conference-schemas.ts';
import type { EvaluationValues, FieldValue } from '../../shared/evaluation/index.ts';
import { DECISION_SECTION } from '../../shared/evaluation/sections/decision.ts';

/**
 * The decision as the evaluation's decision section stores it, so the form shows what the
 * conference decided. Every field of the section is written (blank when not given), so nothing of
 * an earlier decision survives under a new recommendation.
 */
export function decisionFieldValues(input: RecordDecisionInput, date: string): EvaluationValues {
  const given: Record<string, FieldValue> = {
    'decision.date': date,
    'decision.recommendation': input.recommendation,
    'decision.plannedProcedure': input.plannedProcedure,
    'decision.modification': input.modification,
    'decision.nonOperativePlan': input.nonOperativePlan,
    'decision.investigations': input.investigations,
    'decision.referTo': input.referTo,
    'decision.details': input.details,
    'decision.rationale': input.rationale,
    'decision.actions': input.actions.map((a) => ({
      id: randomUUID(),
      values: { action: a.action, owner: a.owner, due: a.due, done: false },
    })),
  };
  return Object.fromEntries(
    DECISION_SECTION.fields.map((f) => {
      const v = given[f.id];
      return [f.id, v === undefined || v === '' ? null : v];
    }),
  );
}
