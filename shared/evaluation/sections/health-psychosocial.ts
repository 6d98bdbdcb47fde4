import type { Condition, FieldDefinition } from '../types.ts';
import { options } from './builders.ts';

const ON_OPIOIDS: Condition = { field: 'health.opioids', equals: true };

const CLAIM_OPTIONS = options([
  ['none', 'None'],
  ['active', 'Active'],
  ['closed', 'Closed / settled'],
]);

/** DOMAIN.md §4: opioids (drug, MME/day, duration → chronic), depression, compensation, litigation. */
export const OPIOID_AND_PSYCHOSOCIAL_FIELDS: readonly FieldDefinition[] = [
  {
    id: 'health.opioids',
    kind: 'boolean',
    label: 'Takes opioids',
    requiredForDecision: true,
  },
  {
    id: 'health.opioidDrug',
    kind: 'text',
    label: 'Opioid drug(s)',
    maxLength: 200,
    visibleWhen: ON_OPIOIDS,
  },
  {
    id: 'health.opioidMme',
    kind: 'decimal',
    label: 'Opioid dose',
    unit: 'MME/day',
    min: 0,
    max: 2000,
    step: 1,
    range: 'plausible',
    visibleWhen: ON_OPIOIDS,
  },
  {
    id: 'health.opioidDays',
    kind: 'integer',
    label: 'Days on opioids in the past year',
    unit: 'days',
    min: 0,
    max: 366,
    step: 1,
    range: 'scale',
    visibleWhen: ON_OPIOIDS,
    requiredForDecision: ON_OPIOIDS,
  },
  {
    id: 'health.opioidChronic',
    kind: 'computed',
    label: 'Chronic opioid use',
    formula: '> 90 days in the past year',
    source: 'DOMAIN.md §4',
    visibleWhen: ON_OPIOIDS,
  },
  {
    id: 'health.depression',
    kind: 'singleChoice',
    label: 'Depression',
    options: options([
      ['none', 'No'],
      ['diagnosed', 'Diagnosed'],
      ['suspected', 'Suspected, not diagnosed'],
    ]),
    requiredForDecision: true,
  },
  {
    id: 'health.compensation',
    kind: 'singleChoice',
    label: 'Workers’ compensation claim',
    options: CLAIM_OPTIONS,
    requiredForDecision: true,
  },
  {
    id: 'health.litigation',
    kind: 'singleChoice',
    label: 'Litigation about the spine',
    options: CLAIM_OPTIONS,
    requiredForDecision: true,
  },
];
