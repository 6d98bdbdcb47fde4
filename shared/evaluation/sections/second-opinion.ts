import type { Condition, SectionDefinition } from '../types.ts';
import { options } from './builders.ts';

const REQUESTED: Condition = { field: 'secondOpinion.status', oneOf: ['requested', 'received'] };
const RECEIVED: Condition = { field: 'secondOpinion.status', equals: 'received' };

/** Second opinion: requested, by whom, and whether it changed the diagnosis or the plan. */
export const SECOND_OPINION_SECTION: SectionDefinition = {
  id: 'secondOpinion',
  title: 'Second opinion',
  fields: [
    {
      id: 'secondOpinion.status',
      kind: 'singleChoice',
      label: 'Second opinion',
      options: options([
        ['notRequested', 'Not requested'],
        ['requested', 'Requested'],
        ['received', 'Received'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'secondOpinion.from',
      kind: 'text',
      label: 'From (name, institution)',
      maxLength: 300,
      visibleWhen: REQUESTED,
      requiredForDecision: REQUESTED,
    },
    {
      id: 'secondOpinion.date',
      kind: 'date',
      label: 'Date of the opinion',
      notInFuture: true,
      visibleWhen: RECEIVED,
    },
    {
      id: 'secondOpinion.opinion',
      kind: 'longText',
      label: 'Opinion',
      maxLength: 8000,
      visibleWhen: RECEIVED,
      requiredForDecision: RECEIVED,
    },
    {
      id: 'secondOpinion.agreement',
      kind: 'singleChoice',
      label: 'Agreement with the team’s working plan',
      options: options([
        ['agrees', 'Agrees'],
        ['partly', 'Partly agrees'],
        ['disagrees', 'Disagrees'],
      ]),
      visibleWhen: RECEIVED,
      requiredForDecision: RECEIVED,
    },
  ],
};
