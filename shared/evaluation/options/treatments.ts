import type { ChoiceOption } from '../types.ts';

/** Non-operative options; shared by the alternatives list and the decision. */
export const NON_OPERATIVE_TREATMENTS: readonly ChoiceOption[] = [
  { code: 'medication', label: 'Medication' },
  { code: 'physicalTherapy', label: 'Physical therapy' },
  { code: 'behaviouralTherapy', label: 'Behavioural therapy' },
  { code: 'epiduralInjection', label: 'Epidural injection' },
  { code: 'facetInjection', label: 'Facet injection' },
  { code: 'medialBranchRfa', label: 'Medial-branch block / radiofrequency ablation' },
  { code: 'adhesiolysis', label: 'Adhesiolysis' },
  { code: 'spinalCordStimulation', label: 'Spinal cord stimulation' },
  { code: 'painProgramme', label: 'Pain-management programme' },
  { code: 'other', label: 'Other' },
];
