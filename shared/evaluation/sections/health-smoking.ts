import type { Condition, FieldDefinition } from '../types.ts';
import { options, withNone } from './builders.ts';

const SMOKED: Condition = { field: 'health.smoking', oneOf: ['current', 'former'] };

/** Smoking never/former/current, pack-years, quit date; nicotine from any product; cotinine for everyone. */
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
    source: 'Pack-year definition (20 cigarettes per pack)',
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
    id: 'health.nicotineProducts',
    kind: 'multiChoice',
    label: 'Nicotine products used now',
    help: 'Nicotine from any source impairs fusion, not only cigarettes.',
    options: withNone('None', [
      ['cigarettes', 'Cigarettes'],
      ['cigarsPipe', 'Cigars or pipe'],
      ['vaping', 'E-cigarettes / vaping'],
      ['snus', 'Snus or other smokeless tobacco'],
      ['nrt', 'Nicotine replacement (patch, gum, spray)'],
    ]),
  },
  {
    id: 'health.cotinine',
    kind: 'singleChoice',
    label: 'Cotinine test',
    help: 'Recordable whatever the smoking status: a positive test in a never smoker is a prompt to ask again.',
    options: options([
      ['notTested', 'Not tested'],
      ['negative', 'Negative'],
      ['positive', 'Positive'],
    ]),
  },
  { id: 'health.cotinineDate', kind: 'date', label: 'Cotinine test date', notInFuture: true },
];
