import { fieldById } from '../evaluation/schema.ts';
import type { ChoiceOption } from '../evaluation/types.ts';

/**
 * The decision codes and their options come from the evaluation's decision section, so the
 * conference and the form can never disagree about what a recommendation means.
 */
function optionsOf(fieldId: string): readonly ChoiceOption[] {
  const field = fieldById(fieldId);
  if (field.kind !== 'singleChoice' && field.kind !== 'multiChoice')
    throw new Error(`${fieldId} is not a choice field`);
  return field.options;
}

export const RECOMMENDATION_OPTIONS = optionsOf('decision.recommendation');
export const NON_OPERATIVE_OPTIONS = optionsOf('decision.nonOperativePlan');
export const INVESTIGATION_OPTIONS = optionsOf('decision.investigations');

export const RECOMMENDATION_CODES: readonly string[] = RECOMMENDATION_OPTIONS.map((o) => o.code);

export const isRecommendation = (code: string): boolean => RECOMMENDATION_CODES.includes(code);

export function optionLabel(options: readonly ChoiceOption[], code: string): string {
  return options.find((o) => o.code === code)?.label ?? code;
}

export const recommendationLabel = (code: string): string => optionLabel(RECOMMENDATION_OPTIONS, code);
