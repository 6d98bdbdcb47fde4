import type { Condition, FieldDefinition } from '../types.ts';
import { options } from './builders.ts';

const SMOKED: Condition = { field: 'health.smoking', oneOf: ['current', 'former'] };

/** DOMAIN.md §4: smoking never/former/current, pack-years, quit date, cotinine. */
export const SMOKING_FIELDS: readonly FieldDefinition[] = [
  {
    id: 'health.smoking',
    kind: 'singleChoice',
    label: 'Smoking',
    options: options([
      ['never', 'Never'],
      ['former', 'Former'],
      ['current', 'Current'],
    ]),
    requiredForDecision: true,
  },
  {
    id: 'health.cigarettesPerDay',
    kind: 'integer',
    label: 'Cigarettes per day',
    unit: '',
    min: 1,
    max: 100,
    step: 1,
    range: 'plausible',
    visibleWhen: SMOKED,
  },
  {
    id: 'health.yearsSmoked',
    kind: 'decimal',
    label: 'Years smoked',
    unit: 'years',
    min: 0.5,
    max: 80,
    step: 0.5,
    range: 'plausible',
    visibleWhen: SMOKED,
  },
  {
    id: 'health.packYears',
    kind: 'computed',
    label: 'Pack-years',
    formula: '(cigarettes per day / 20) × years smoked',
    source: 'DOMAIN.md §4',
    visibleWhen: SMOKED,
  },
  {
    id: 'health.quitDate',
    kind: 'date',
    label: 'Quit date',
    notInFuture: true,
    visibleWhen: { field: 'health.smoking', equals: 'former' },
    requiredForDecision: true,
  },
  {
    id: 'health.cotinine',
    kind: 'singleChoice',
    label: 'Cotinine test',
    options: options([
      ['notTested', 'Not tested'],
      ['negative', 'Negative'],
      ['positive', 'Positive'],
    ]),
    visibleWhen: SMOKED,
  },
];
