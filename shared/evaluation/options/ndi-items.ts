import type { QuestionnaireItem } from './odi-items.ts';

/** Neck Disability Index (Vernon H, Mior S, J Manipulative Physiol Ther 1991): ten items 0–5. Short forms of the statements. */
export const NDI_ITEMS: readonly QuestionnaireItem[] = [
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
      'Normal, extra pain',
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
    key: 'reading',
    title: 'Reading',
    answers: [
      'As much as I want, no neck pain',
      'As much as I want, slight pain',
      'As much as I want, moderate pain',
      'Less than I want, moderate pain',
      'Hardly at all, severe pain',
      'Cannot read at all',
    ],
  },
  {
    key: 'headaches',
    title: 'Headaches',
    answers: [
      'None',
      'Slight, infrequent',
      'Moderate, infrequent',
      'Moderate, frequent',
      'Severe, frequent',
      'Almost all the time',
    ],
  },
  {
    key: 'concentration',
    title: 'Concentration',
    answers: [
      'Full, no difficulty',
      'Full, slight difficulty',
      'Fair degree of difficulty',
      'A lot of difficulty',
      'A great deal of difficulty',
      'Cannot concentrate at all',
    ],
  },
  {
    key: 'work',
    title: 'Work',
    answers: [
      'As much work as I want',
      'Only my usual work',
      'Most of my usual work',
      'Cannot do my usual work',
      'Can hardly do any work',
      'Cannot do any work',
    ],
  },
  {
    key: 'driving',
    title: 'Driving',
    answers: [
      'No neck pain',
      'As long as I want, slight pain',
      'As long as I want, moderate pain',
      'Less than I want, moderate pain',
      'Hardly at all, severe pain',
      'Cannot drive at all',
    ],
  },
  {
    key: 'sleeping',
    title: 'Sleeping',
    answers: [
      'No trouble',
      'Slightly disturbed (< 1 h sleepless)',
      'Mildly disturbed (1–2 h)',
      'Moderately disturbed (2–3 h)',
      'Greatly disturbed (3–5 h)',
      'Completely disturbed (5–7 h)',
    ],
  },
  {
    key: 'recreation',
    title: 'Recreation',
    answers: [
      'All activities, no neck pain',
      'All activities, some pain',
      'Most but not all usual activities',
      'Only a few usual activities',
      'Hardly any activities',
      'No recreational activities',
    ],
  },
];
