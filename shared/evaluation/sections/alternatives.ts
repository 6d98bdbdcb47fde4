import { NON_OPERATIVE_TREATMENTS } from '../options/treatments.ts';
import type { SectionDefinition } from '../types.ts';
import { options } from './builders.ts';

/** Non-operative options, tried or planned, duration and effect. */
export const ALTERNATIVES_SECTION: SectionDefinition = {
  id: 'alternatives',
  title: 'Non-operative alternatives',
  fields: [
    {
      id: 'alternatives.treatments',
      kind: 'list',
      label: 'Non-operative treatments',
      itemLabel: 'Non-operative treatment',
      maxItems: 50,
      itemFields: [
        {
          id: 'treatment',
          kind: 'singleChoice',
          label: 'Treatment',
          options: NON_OPERATIVE_TREATMENTS,
          requiredInItem: true,
        },
        {
          id: 'status',
          kind: 'singleChoice',
          label: 'Status',
          options: options([
            ['tried', 'Tried'],
            ['ongoing', 'Ongoing'],
            ['planned', 'Planned'],
          ]),
          requiredInItem: true,
        },
        {
          id: 'durationWeeks',
          kind: 'decimal',
          label: 'Duration',
          unit: 'weeks',
          min: 0,
          max: 1040,
          step: 1,
          range: 'plausible',
        },
        {
          id: 'effect',
          kind: 'singleChoice',
          label: 'Effect',
          options: options([
            ['none', 'No effect'],
            ['partial', 'Partial relief'],
            ['good', 'Good relief'],
            ['worse', 'Worse'],
            ['unknown', 'Not yet known'],
          ]),
        },
        { id: 'details', kind: 'text', label: 'Details', maxLength: 500 },
      ],
    },
  ],
};
