import type { QuestionnaireItem } from '../options/odi-items.ts';
import type { ChoiceOption, Condition, FieldDefinition, NumberField, ScoreField } from '../types.ts';
import { unitChoiceField, unitSpecOf } from '../units.ts';

/** Compact option lists: [code, label] pairs. */
export function options(pairs: readonly (readonly [string, string])[]): ChoiceOption[] {
  return pairs.map(([code, label]) => ({ code, label }));
}

/** "None" first, exclusive of every other choice. */
export function withNone(label: string, rest: readonly (readonly [string, string])[]): ChoiceOption[] {
  return [{ code: 'none', label, exclusive: true }, ...options(rest)];
}

/** Score fields `${prefix}1` … `${prefix}10` for a questionnaire scored 0–5. */
export function questionnaireFields(
  prefix: string,
  name: string,
  items: readonly QuestionnaireItem[],
  visibleWhen: Condition,
): ScoreField[] {
  return items.map((item, i) => ({
    id: `${prefix}${i + 1}`,
    kind: 'score',
    label: `${name} ${i + 1}. ${item.title}`,
    ...(item.help ? { help: item.help } : {}),
    visibleWhen,
    options: item.answers.map((label, score) => ({ score, label })),
  }));
}

/** A number field followed by its unit choice when the value is reported in several units. */
export function withUnitChoice(field: NumberField): FieldDefinition[] {
  const spec = unitSpecOf(field.id);
  return spec ? [field, unitChoiceField(field, spec)] : [field];
}
