import type { SectionDefinition } from '../types.ts';
import { options } from './builders.ts';

/** Record that each benefit and risk was discussed, and the patient's own goals. */
export const EXPECTATIONS_SECTION: SectionDefinition = {
  id: 'expectations',
  title: 'Expectations',
  fields: [
    {
      id: 'expectations.benefitsDiscussed',
      kind: 'multiChoice',
      label: 'Benefits discussed',
      options: options([
        ['painReduction', 'Pain reduction'],
        ['stability', 'Stability'],
        ['haltDeformity', 'Halting deformity progression'],
      ]),
    },
    {
      id: 'expectations.risksDiscussed',
      kind: 'multiChoice',
      label: 'Risks discussed',
      options: options([
        ['infection', 'Infection'],
        ['nerveInjury', 'Nerve injury'],
        ['duralTear', 'Dural tear'],
        ['nonUnion', 'Non-union'],
        ['prolongedRecovery', 'Prolonged recovery'],
        ['adjacentSegment', 'Adjacent-segment disease'],
        ['medical', 'Medical complications'],
      ]),
    },
    {
      id: 'expectations.patientGoals',
      kind: 'longText',
      label: 'Patient’s goals and expectations',
      maxLength: 4000,
      requiredForDecision: true,
    },
    {
      id: 'expectations.preference',
      kind: 'singleChoice',
      label: 'Patient’s preference',
      options: options([
        ['surgery', 'Prefers surgery'],
        ['nonOperative', 'Prefers non-operative care'],
        ['undecided', 'Undecided'],
        ['moreInformation', 'Wants more information'],
      ]),
      requiredForDecision: true,
    },
  ],
};
