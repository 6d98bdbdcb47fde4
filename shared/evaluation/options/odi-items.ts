/**
 * Oswestry Disability Index v2.1a: ten sections, each answered 0–5 (Fairbank JC, Pynsent PB, Spine 2000). The labels are
 * short forms of the official statements; the patient completes the licensed questionnaire itself.
 */
export interface QuestionnaireItem {
  readonly key: string;
  readonly title: string;
  readonly answers: readonly [string, string, string, string, string, string];
  readonly help?: string;
}

export const ODI_ITEMS: readonly QuestionnaireItem[] = [
  {
    key: 'painIntensity',
    title: 'Pain intensity',
    answers: ['No pain', 'Very mild', 'Moderate', 'Fairly severe', 'Very severe', 'Worst imaginable'],
  },
  {
    key: 'personalCare',
    title: 'Personal care',
    answers: [
      'Normal, no extra pain',
      'Normal but very painful',
      'Painful, slow and careful',
      'Needs some help',
      'Needs help every day',
      'Does not get dressed, stays in bed',
    ],
  },
  {
    key: 'lifting',
    title: 'Lifting',
    answers: [
      'Heavy weights, no extra pain',
      'Heavy weights, extra pain',
      'Heavy only if conveniently placed',
      'Light to medium if conveniently placed',
      'Only very light weights',
      'Cannot lift or carry anything',
    ],
  },
  {
    key: 'walking',
    title: 'Walking',
    answers: [
      'Any distance',
      'Not more than 1 mile',
      'Not more than ½ mile',
      'Not more than 100 yards',
      'Only with a stick or crutches',
      'In bed most of the time',
    ],
  },
  {
    key: 'sitting',
    title: 'Sitting',
    answers: [
      'Any chair, as long as I like',
      'Favourite chair, as long as I like',
      'Not more than 1 hour',
      'Not more than 30 minutes',
      'Not more than 10 minutes',
      'Cannot sit at all',
    ],
  },
  {
    key: 'standing',
    title: 'Standing',
    answers: [
      'As long as I want, no extra pain',
      'As long as I want, extra pain',
      'Not more than 1 hour',
      'Not more than 30 minutes',
      'Not more than 10 minutes',
      'Cannot stand at all',
    ],
  },
  {
    key: 'sleeping',
    title: 'Sleeping',
    answers: [
      'Never disturbed by pain',
      'Occasionally disturbed',
      'Less than 6 hours',
      'Less than 4 hours',
      'Less than 2 hours',
      'Cannot sleep at all',
    ],
  },
  {
    key: 'sexLife',
    title: 'Sex life (if applicable)',
    help: 'May be left unanswered; the score is then taken over the sections answered.',
    answers: [
      'Normal, no extra pain',
      'Normal, some extra pain',
      'Nearly normal, very painful',
      'Severely restricted',
      'Nearly absent',
      'Prevented by pain',
    ],
  },
  {
    key: 'socialLife',
    title: 'Social life',
    answers: [
      'Normal, no extra pain',
      'Normal, increases pain',
      'Limits energetic interests only',
      'Restricted, goes out less often',
      'Restricted to home',
      'No social life',
    ],
  },
  {
    key: 'travelling',
    title: 'Travelling',
    answers: [
      'Anywhere, no pain',
      'Anywhere, extra pain',
      'Manages journeys over 2 hours',
      'Journeys under 1 hour',
      'Short necessary journeys under 30 minutes',
      'Only to receive treatment',
    ],
  },
];
