import type { FieldDefinition } from '../types.ts';
import { options } from './builders.ts';

const RESULT = options([
  ['notDone', 'Not done'],
  ['pending', 'Pending'],
  ['negative', 'Negative'],
  ['positive', 'Positive'],
]);

/**
 * Results of the low-grade infection work-up the infection prompt asks for (flags/infection-workup.ts):
 * imaging, aspiration or biopsy, ≥ 5 intra-operative cultures with prolonged incubation, sonication.
 */
export const INFECTION_WORKUP_FIELDS: readonly FieldDefinition[] = [
  {
    id: 'labs.contrastMri',
    kind: 'singleChoice',
    label: 'Contrast-enhanced MRI',
    options: options([
      ['notDone', 'Not done'],
      ['noSigns', 'No signs of infection'],
      ['equivocal', 'Equivocal'],
      ['signs', 'Signs of infection (fluid, enhancement, abscess)'],
    ]),
  },
  {
    id: 'labs.aspirationBiopsy',
    kind: 'singleChoice',
    label: 'Aspiration or biopsy culture',
    options: RESULT,
  },
  {
    id: 'labs.histology',
    kind: 'singleChoice',
    label: 'Histology (acute inflammation)',
    options: RESULT,
  },
  {
    id: 'labs.cultureSamples',
    kind: 'integer',
    label: 'Intra-operative tissue samples cultured',
    help: 'At least 5 samples (Bémer P et al., J Clin Microbiol 2016).',
    unit: 'samples',
    min: 0,
    max: 30,
    step: 1,
    range: 'plausible',
  },
  {
    id: 'labs.cultureIncubationDays',
    kind: 'integer',
    label: 'Culture incubation',
    help: 'Prolonged anaerobic incubation of 10–14 days finds C. acnes (Schäfer P et al., Clin Infect Dis 2008).',
    unit: 'days',
    min: 1,
    max: 30,
    step: 1,
    range: 'plausible',
  },
  { id: 'labs.cultureResult', kind: 'singleChoice', label: 'Intra-operative cultures', options: RESULT },
  {
    id: 'labs.sonication',
    kind: 'singleChoice',
    label: 'Implant sonication culture',
    help: 'Sonication of removed screws (Trampuz A et al., N Engl J Med 2007; Prinz V et al., J Neurosurg Spine 2019).',
    options: RESULT,
  },
  {
    id: 'labs.organism',
    kind: 'text',
    label: 'Organism(s) grown',
    maxLength: 300,
    visibleWhen: {
      any: [
        { field: 'labs.cultureResult', equals: 'positive' },
        { field: 'labs.sonication', equals: 'positive' },
        { field: 'labs.aspirationBiopsy', equals: 'positive' },
      ],
    },
  },
];
