import { NON_OPERATIVE_TREATMENTS } from '../options/treatments.ts';
import type { Condition, SectionDefinition } from '../types.ts';
import { options, withNone } from './builders.ts';

const is = (code: string): Condition => ({ field: 'decision.recommendation', equals: code });

export const DECISION_SECTION_ID = 'decision';

/**
 * Conference outcome categories. Filled at the conference: nothing here is needed before
 * "ready for conference"; `requiredForRecord` marks what the decision record needs.
 */
export const DECISION_SECTION: SectionDefinition = {
  id: DECISION_SECTION_ID,
  title: 'Team decision',
  fields: [
    {
      id: 'decision.date',
      kind: 'date',
      label: 'Date of the decision',
      notInFuture: true,
      requiredForRecord: true,
    },
    {
      id: 'decision.recommendation',
      kind: 'singleChoice',
      label: 'Recommendation',
      options: options([
        ['proceed', 'Proceed with revision as proposed'],
        ['modified', 'Proceed with a modified plan'],
        ['nonOperative', 'Non-operative care'],
        ['investigate', 'Further investigation'],
        ['secondOpinion', 'Second opinion'],
        ['refer', 'No spinal diagnosis / refer'],
        ['trial', 'Trial referral'],
      ]),
      requiredForRecord: true,
    },
    {
      id: 'decision.plannedProcedure',
      kind: 'longText',
      label: 'Planned procedure',
      maxLength: 4000,
      visibleWhen: { any: [is('proceed'), is('modified')] },
      requiredForRecord: true,
    },
    {
      id: 'decision.pelvicFixation',
      kind: 'multiChoice',
      label: 'Pelvic fixation in the plan',
      help: 'Long constructs to the sacrum and L5–S1 non-union revisions often extend to the pelvis.',
      options: withNone('No pelvic fixation', [
        ['s2ai', 'S2-alar-iliac (S2AI) screws'],
        ['iliac', 'Iliac screws'],
        ['s1Augment', 'Augmented S1 screws (cement, larger or longer)'],
        ['siFusion', 'Sacroiliac joint fusion'],
      ]),
      visibleWhen: { any: [is('proceed'), is('modified')] },
    },
    {
      id: 'decision.modification',
      kind: 'longText',
      label: 'How the plan is modified',
      maxLength: 4000,
      visibleWhen: is('modified'),
      requiredForRecord: true,
    },
    {
      id: 'decision.nonOperativePlan',
      kind: 'multiChoice',
      label: 'Non-operative care',
      options: NON_OPERATIVE_TREATMENTS,
      visibleWhen: is('nonOperative'),
      requiredForRecord: true,
    },
    {
      id: 'decision.investigations',
      kind: 'multiChoice',
      label: 'Investigations',
      options: options([
        ['ct', 'Thin-slice CT with reformats'],
        ['mri', 'MRI (with contrast)'],
        ['flexEx', 'Flexion/extension radiographs'],
        ['standingFullLength', 'Standing full-length radiographs'],
        ['spectCt', 'Bone scan / SPECT-CT'],
        ['infectionWorkUp', 'Infection work-up (labs, aspiration, biopsy)'],
        ['diagnosticInjection', 'Diagnostic injection'],
        ['emg', 'EMG / nerve conduction'],
        ['dexa', 'DEXA'],
        ['other', 'Other'],
      ]),
      visibleWhen: is('investigate'),
      requiredForRecord: true,
    },
    {
      id: 'decision.referTo',
      kind: 'text',
      label: 'Refer to',
      maxLength: 300,
      visibleWhen: { any: [is('refer'), is('secondOpinion'), is('trial')] },
      requiredForRecord: true,
    },
    {
      id: 'decision.details',
      kind: 'longText',
      label: 'Details of the plan',
      maxLength: 4000,
      visibleWhen: { any: [is('nonOperative'), is('investigate'), is('trial')] },
    },
    {
      id: 'decision.rationale',
      kind: 'longText',
      label: 'Rationale',
      maxLength: 8000,
      requiredForRecord: true,
    },
    {
      id: 'decision.actions',
      kind: 'list',
      label: 'Follow-up actions',
      itemLabel: 'Action',
      maxItems: 50,
      itemFields: [
        { id: 'action', kind: 'text', label: 'Action', maxLength: 500, requiredInItem: true },
        { id: 'owner', kind: 'text', label: 'Owner', maxLength: 200 },
        { id: 'due', kind: 'date', label: 'Due', notInFuture: false },
        { id: 'done', kind: 'boolean', label: 'Done' },
      ],
    },
  ],
};
