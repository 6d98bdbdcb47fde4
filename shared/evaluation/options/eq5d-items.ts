/**
 * EQ-5D-5L descriptive system: five dimensions, each answered at one of five levels, 1 = no
 * problems … 5 = unable / extreme (Herdman M et al., Qual Life Res 2011). The labels are short forms;
 * the patient completes the licensed EuroQol questionnaire itself.
 */
export interface Eq5dDimension {
  /** Field id suffix and registry column suffix. */
  readonly key: 'Mobility' | 'SelfCare' | 'UsualActivities' | 'PainDiscomfort' | 'AnxietyDepression';
  readonly title: string;
  readonly worst: string;
}

export const EQ5D_SOURCE = 'Herdman M et al., Qual Life Res 2011 (EQ-5D-5L)';

export const EQ5D_DIMENSIONS: readonly Eq5dDimension[] = [
  { key: 'Mobility', title: 'Mobility', worst: 'Unable to walk about' },
  { key: 'SelfCare', title: 'Self-care', worst: 'Unable to wash or dress' },
  { key: 'UsualActivities', title: 'Usual activities', worst: 'Unable to do usual activities' },
  { key: 'PainDiscomfort', title: 'Pain / discomfort', worst: 'Extreme pain or discomfort' },
  { key: 'AnxietyDepression', title: 'Anxiety / depression', worst: 'Extremely anxious or depressed' },
];

/** Levels 1–4 read the same for every dimension; level 5 names the dimension's extreme. */
export const eq5dLevels = (d: Eq5dDimension): readonly { score: number; label: string }[] => [
  { score: 1, label: 'No problems' },
  { score: 2, label: 'Slight problems' },
  { score: 3, label: 'Moderate problems' },
  { score: 4, label: 'Severe problems' },
  { score: 5, label: d.worst },
];

export const eq5dFieldId = (d: Eq5dDimension): string => `prom.eq5d${d.key}`;
